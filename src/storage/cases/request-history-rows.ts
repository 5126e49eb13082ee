/**
 * A request's history (case-partitions.ts): `hist|{id}|{at}|{seq}`, one event's JSON per row,
 * append-only and in order. `seq` counts the request's events, so two events of one instant never
 * share a key.
 */
import type { RequestHistoryEvent } from '../../domain/history';
import { jsonProperties, readJson, type DataRow } from '../stored-text';

export const REQUEST_HISTORY_ROW = {
  key: (id: string, at: string, seq: number) => `hist|${id}|${at}|${seq.toString().padStart(4, '0')}`,
  prefix: (id: string) => `hist|${id}|`,
} as const;

export function requestHistoryEntity(pk: string, requestId: string, event: RequestHistoryEvent, seq: number): DataRow {
  return { partitionKey: pk, rowKey: REQUEST_HISTORY_ROW.key(requestId, event.at, seq), ...jsonProperties('data', event) };
}

export function requestEventOf(row: DataRow): RequestHistoryEvent {
  return readJson<RequestHistoryEvent>(row, 'data');
}
