/**
 * Where a ticket lives: in its request's shard partition (ticket id = request id), so the ticket
 * row, its history, its index rows and the outbox messages a change causes are one transaction.
 *
 *   tkt|{id}                                  the ticket (JSON), updated with its ETag
 *   thist|{id}|{version}|{seq}                history events, append-only, in order
 *   idx|open|{sev}|{created}|{id}             open tickets, Sev A first, oldest first
 *   idx|unassigned|{sev}|{created}|{id}       open and nobody assigned
 *   idx|assignee|{aad}|{sev}|{created}|{id}   open, by assignee ("mine")
 *   sla|{fireAt}|{id}                         the next SLA warning / breach (or auto-close) the scheduler owes
 *
 * Index rows are a pure function of the ticket: an update deletes the rows the old ticket had and
 * the new one has not, and creates the reverse, in the same transaction as the ticket row.
 */
import type { TicketHistoryEvent } from '../../domain/history';
import type { Severity } from '../../domain/severity';
import { nextSlaEvent, type Ticket } from '../../domain/tickets/ticket';
import { summaryOf } from '../../domain/tickets/ticket-views';
import { isOpenStatus } from '../../domain/ticket-status';
import { jsonProperties, type TextProperties } from '../stored-text';

export const TICKET_ROW = {
  ticket: (id: string) => `tkt|${id}`,
  history: (id: string, version: number, seq: number) => `thist|${id}|${version.toString().padStart(8, '0')}|${seq.toString().padStart(3, '0')}`,
  historyPrefix: (id: string) => `thist|${id}|`,
  openPrefix: (severity?: Severity) => `idx|open|${severity ? `${severity}|` : ''}`,
  unassignedPrefix: (severity?: Severity) => `idx|unassigned|${severity ? `${severity}|` : ''}`,
  assigneePrefix: (aadObjectId: string, severity?: Severity) => `idx|assignee|${aadObjectId}|${severity ? `${severity}|` : ''}`,
  slaPrefix: 'sla|',
  /** Every SLA row due at or before `now` sorts below this bound. */
  slaUpTo: (now: Date) => `sla|${epoch(now.toISOString())}|~`,
} as const;

function epoch(iso: string): string {
  return Date.parse(iso).toString().padStart(13, '0');
}

/** Row key → data of every index row the ticket should have now. */
export function indexRowsOf(ticket: Ticket): Map<string, string> {
  const rows = new Map<string, string>();
  const tail = `${ticket.severity}|${epoch(ticket.createdAt)}|${ticket.id}`;
  const summary = JSON.stringify(summaryOf(ticket));
  if (isOpenStatus(ticket.status)) {
    rows.set(`idx|open|${tail}`, summary);
    if (ticket.assignee === undefined) rows.set(`idx|unassigned|${tail}`, summary);
    else rows.set(`idx|assignee|${ticket.assignee.aadObjectId}|${tail}`, summary);
  }
  const sla = nextSlaEvent(ticket);
  if (sla !== undefined) rows.set(`sla|${epoch(sla.at)}|${ticket.id}`, ticket.id);
  else if (ticket.status === 'resolved' && ticket.autoCloseAt) rows.set(`sla|${epoch(ticket.autoCloseAt)}|${ticket.id}`, ticket.id);
  return rows;
}

/** An index or SLA row: `data` is a short summary JSON or a ticket id, kept as a readable string. */
export interface KeyedRow {
  partitionKey: string;
  rowKey: string;
  data: string;
}

/** The ticket and its history rows: `data` is JSON of any size, as UTF-8 bytes (stored-text.ts). */
export type JsonRow = { partitionKey: string; rowKey: string } & TextProperties<'data'>;

/**
 * The ticket row. It also records the keys of the index rows written with it, so the next update
 * deletes exactly those (even if a later version of this code would compute them differently).
 */
export function ticketEntity(pk: string, ticket: Ticket): JsonRow & { number: string; status: string; indexKeys: string } {
  return {
    partitionKey: pk,
    rowKey: TICKET_ROW.ticket(ticket.id),
    ...jsonProperties('data', ticket, `ticket ${ticket.id}`),
    number: ticket.number,
    status: ticket.status,
    indexKeys: JSON.stringify([...indexRowsOf(ticket).keys()]),
  };
}

/** History rows of one change: keyed by the ticket version the change produced. */
export function historyEntities(pk: string, ticket: Ticket, events: readonly TicketHistoryEvent[]): JsonRow[] {
  return events.map((event, seq) => ({ partitionKey: pk, rowKey: TICKET_ROW.history(ticket.id, ticket.version, seq), ...jsonProperties('data', event) }));
}

/** Rows a brand-new ticket adds (ticket, history, index rows). */
export function newTicketEntities(pk: string, ticket: Ticket, history: readonly TicketHistoryEvent[]): Array<JsonRow | KeyedRow> {
  return [
    ticketEntity(pk, ticket),
    ...historyEntities(pk, ticket, history),
    ...[...indexRowsOf(ticket)].map(([rowKey, data]) => ({ partitionKey: pk, rowKey, data })),
  ];
}
