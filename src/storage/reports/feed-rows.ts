/**
 * Report feed rows (case-partitions.ts): `feed|{at}|{id}|{change}`, one per change that counts for
 * a report, written in the change's own transaction; the report aggregator reads them in key order,
 * counts them and deletes them in one transaction. Entries hold no text people typed (domain/reports/report-feed.ts).
 */
import type { HistoryEvent, RequestHistoryEvent, TicketHistoryEvent } from '../../domain/history';
import type { SupportRequest } from '../../domain/intake/support-request';
import { requestFeed, ticketFeed, type FeedEntry } from '../../domain/reports/report-feed';
import type { Ticket } from '../../domain/tickets/ticket';
import { jsonProperties, readJson, type DataRow } from '../stored-text';

export const FEED_ROW = {
  prefix: 'feed|',
  key: (at: string, id: string, change: string) => `feed|${at}|${id}|${change}`,
} as const;

function feedEntity(pk: string, key: string, entry: FeedEntry): DataRow[] {
  return entry.facts.length === 0 ? [] : [{ partitionKey: pk, rowKey: key, ...jsonProperties('data', entry) }];
}

const atOf = (events: readonly HistoryEvent[], fallback: string): string => events[0]?.at ?? fallback;

/** The feed row of a request change (none when it changes no count); `seq` is its first history event's number. */
export function requestFeedRows(
  pk: string,
  before: SupportRequest | undefined,
  next: SupportRequest,
  events: readonly RequestHistoryEvent[],
  seq: number,
): DataRow[] {
  const key = FEED_ROW.key(atOf(events, next.updatedAt), next.id, `r${seq.toString().padStart(4, '0')}`);
  return feedEntity(pk, key, requestFeed(before, next, events));
}

/** The feed row of a ticket change (none when it changes no count); keyed by the version it writes. */
export function ticketFeedRows(pk: string, before: Ticket | undefined, next: Ticket, events: readonly TicketHistoryEvent[]): DataRow[] {
  const key = FEED_ROW.key(atOf(events, next.updatedAt), next.id, `t${next.version.toString().padStart(8, '0')}`);
  return feedEntity(pk, key, ticketFeed(before, next, events));
}

export function feedEntryOf(row: DataRow): FeedEntry {
  return readJson<FeedEntry>(row, 'data');
}

export function articleFeedRow(pk: string, key: string, entry: FeedEntry): DataRow {
  return { partitionKey: pk, rowKey: key, ...jsonProperties('data', entry) };
}
