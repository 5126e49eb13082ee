/**
 * A list marker (case-partitions.ts): `lix|{ticketId}|{token}` in the ticket's shard partition, written
 * in the same transaction as the ticket change that moves the ticket's list rows (ticket-list-rows.ts).
 * It records the list rows that change made stale (`stale`, JSON of listRowId strings) and when
 * (`at`). While a marker exists the lists table may still lag behind the ticket; whoever brings them
 * level (ticket-list-index.ts) deletes it. One marker per change (a fresh token), so two changes not
 * yet applied both keep the rows they left behind.
 */
import { randomUUID } from 'node:crypto';

export const LIST_MARKER_ROW = {
  prefix: 'lix|',
  ofTicket: (ticketId: string) => `lix|${ticketId}|`,
  key: (ticketId: string, token: string) => `lix|${ticketId}|${token}`,
} as const;

export interface ListMarkerRow {
  partitionKey: string;
  rowKey: string;
  stale: string;
  at: string;
}

export function listMarkerEntity(pk: string, ticketId: string, stale: readonly string[], at: Date): ListMarkerRow {
  return { partitionKey: pk, rowKey: LIST_MARKER_ROW.key(ticketId, randomUUID()), stale: JSON.stringify(stale), at: at.toISOString() };
}

/** The ticket a marker belongs to (ticket ids never contain `|`). */
export function ticketIdOfMarker(rowKey: string): string {
  return rowKey.slice(LIST_MARKER_ROW.prefix.length, rowKey.lastIndexOf('|'));
}

export function staleOf(row: Pick<ListMarkerRow, 'stale'>): string[] {
  try {
    const parsed: unknown = JSON.parse(row.stale);
    return Array.isArray(parsed) ? parsed.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
}
