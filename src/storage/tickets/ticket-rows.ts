/**
 * The ticket row (case-partitions.ts): `tkt|{id}` in its request's shard partition (ticket id =
 * request id), so the ticket, its history, its index rows and the outbox messages a change causes are
 * one transaction. It holds the ticket's JSON, its number and status as columns for people reading
 * the table, and the keys of the index rows written with it (ticket-index-rows.ts).
 */
import type { TicketHistoryEvent } from '../../domain/history';
import type { Ticket } from '../../domain/tickets/ticket';
import { jsonProperties, readJson, type DataRow } from '../stored-text';
import { ticketHistoryEntities } from './ticket-history-rows';
import { ticketFeedRows } from '../reports/feed-rows';
import { indexRowsOf, type IndexRow } from './ticket-index-rows';

export const TICKET_ROW = {
  key: (id: string) => `tkt|${id}`,
} as const;

export type TicketRow = DataRow & { number: string; status: string; indexKeys: string };

/**
 * The ticket row. It also records the keys of the index rows written with it, so the next update
 * deletes exactly those (even if a later version of this code would compute them differently).
 */
export function ticketEntity(pk: string, ticket: Ticket): TicketRow {
  return {
    partitionKey: pk,
    rowKey: TICKET_ROW.key(ticket.id),
    ...jsonProperties('data', ticket, `ticket ${ticket.id}`),
    number: ticket.number,
    status: ticket.status,
    indexKeys: JSON.stringify([...indexRowsOf(ticket).keys()]),
  };
}

/** The ticket and the keys of its index rows (absent in rows written before they were recorded). */
export function ticketOf(row: DataRow & { indexKeys?: string }): { ticket: Ticket; indexKeys?: string[] } {
  const indexKeys = row.indexKeys ? (JSON.parse(row.indexKeys) as string[]) : undefined;
  return { ticket: readJson<Ticket>(row, 'data'), ...(indexKeys ? { indexKeys } : {}) };
}

/** Rows a brand-new ticket adds (ticket, history, its report feed row, index rows). */
export function newTicketEntities(pk: string, ticket: Ticket, history: readonly TicketHistoryEvent[]): Array<DataRow | IndexRow> {
  return [
    ticketEntity(pk, ticket),
    ...ticketHistoryEntities(pk, ticket, history),
    ...ticketFeedRows(pk, undefined, ticket, history),
    ...[...indexRowsOf(ticket)].map(([rowKey, data]) => ({ partitionKey: pk, rowKey, data })),
  ];
}
