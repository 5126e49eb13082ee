/**
 * Report counters of a shard (case-partitions.ts): `cnt|{YYYY-MM-DD}`, that day's counts and labels;
 * `cnt-open`, the shard's open tickets by the day they were opened. Written only by the report
 * aggregator, with ETags, together with the deletion of the feed rows they count.
 */
import type { Counts, DayCounts } from '../../domain/reports/report-tallies';
import { jsonProperties, readJson, type DataRow } from '../stored-text';

export const COUNTER_ROW = {
  prefix: 'cnt|',
  day: (day: string) => `cnt|${day}`,
  open: 'cnt-open',
} as const;

export type CounterRow = DataRow & { etag: string };

export function dayCountsEntity(pk: string, day: string, counts: DayCounts): DataRow {
  return { partitionKey: pk, rowKey: COUNTER_ROW.day(day), ...jsonProperties('data', counts) };
}

export function dayCountsOf(row: DataRow): DayCounts {
  return readJson<DayCounts>(row, 'data');
}

export const dayOfRow = (row: DataRow): string => row.rowKey.slice(COUNTER_ROW.prefix.length);

export function backlogEntity(pk: string, counts: Counts): DataRow {
  return { partitionKey: pk, rowKey: COUNTER_ROW.open, ...jsonProperties('data', counts) };
}

export function backlogOfRow(row: DataRow): Counts {
  return readJson<Counts>(row, 'data');
}
