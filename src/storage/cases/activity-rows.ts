/**
 * Activity records in a request's shard partition: `act|{activityKey}` with what the actor was told and
 * when the record expires. Written in the same entity-group transaction as the change the activity made
 * (a ticket change, a request change), so a redelivered activity finds it and nothing is applied twice;
 * swept when expired (see domain/activity-ref.ts and services/activities/activity-sweeper.ts).
 */
import type { TableClient } from '@azure/data-tables';
import type { ActivityRecord } from '../../domain/activity-ref';
import { readText, verbatim } from '../../domain/text';
import type { ExpiringRecords } from '../../domain/ports/activities';
import { deleteExpiredRows } from '../expired-rows';
import { getOrUndefined } from '../table-calls';
import { ALL_PARTITIONS } from './case-partitions';

export const ACTIVITY_ROW = {
  key: (activityKey: string) => `act|${activityKey}`,
  prefix: 'act|',
} as const;

interface ActivityRow {
  partitionKey: string;
  rowKey: string;
  /** The Text the actor was told, as JSON; rows written before words were descriptors hold English (shown as it is). */
  outcome: string;
  expiresAt: string;
}

/** Longer than any outcome (a key and a few names): such a row is not written with a cut-off JSON. */
const MAX_OUTCOME = 4000;

/** The row to create in the change's transaction (a second one for the same activity fails it with 409). */
export function activityEntity(partitionKey: string, record: ActivityRecord): ActivityRow {
  return { partitionKey, rowKey: ACTIVITY_ROW.key(record.key), outcome: outcomeJson(record), expiresAt: record.expiresAt };
}

/** The record of an activity in a partition, if it was applied there (expired or not: it is evidence). */
export async function readActivity(table: TableClient, partitionKey: string, key: string): Promise<ActivityRecord | undefined> {
  return getOrUndefined(table, partitionKey, ACTIVITY_ROW.key(key), `read activity ${partitionKey}/${key}`, (row: ActivityRow) => ({
    key,
    outcome: outcomeOf(row.outcome),
    expiresAt: row.expiresAt,
  }));
}

function outcomeJson(record: ActivityRecord): string {
  const json = JSON.stringify(record.outcome);
  return json.length <= MAX_OUTCOME ? json : JSON.stringify(verbatim(''));
}

function outcomeOf(stored: string) {
  if (stored.startsWith('{')) {
    try {
      return readText(JSON.parse(stored)) ?? verbatim(stored);
    } catch {
      // An older row's English that happens to start with a brace.
    }
  }
  return verbatim(stored);
}

/** Sweeps expired activity records from every shard partition of the Cases table. */
export class TableActivityMarkers implements ExpiringRecords {
  constructor(private readonly table: TableClient) {}

  async sweepExpired(now: Date): Promise<number> {
    let deleted = 0;
    for (const pk of ALL_PARTITIONS) deleted += await deleteExpiredRows(this.table, pk, ACTIVITY_ROW.prefix, now);
    return deleted;
  }
}
