/**
 * A ticket's history (case-partitions.ts): `thist|{id}|{version}|{seq}`, one event's JSON per row,
 * append-only, keyed by the ticket version the change produced.
 */
import type { TicketHistoryEvent } from '../../domain/history';
import type { Ticket } from '../../domain/tickets/ticket';
import { jsonProperties, readJson, type DataRow } from '../stored-text';

export const TICKET_HISTORY_ROW = {
  key: (id: string, version: number, seq: number) =>
    `thist|${id}|${version.toString().padStart(8, '0')}|${seq.toString().padStart(3, '0')}`,
  prefix: (id: string) => `thist|${id}|`,
} as const;

/** History rows of one change. */
export function ticketHistoryEntities(pk: string, ticket: Ticket, events: readonly TicketHistoryEvent[]): DataRow[] {
  return events.map((event, seq) => ({
    partitionKey: pk,
    rowKey: TICKET_HISTORY_ROW.key(ticket.id, ticket.version, seq),
    ...jsonProperties('data', event),
  }));
}

export function ticketEventOf(row: DataRow): TicketHistoryEvent {
  return readJson<TicketHistoryEvent>(row, 'data');
}
