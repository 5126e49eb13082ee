/**
 * The SLA timers (case-partitions.ts), in the ticket's shard partition:
 *
 *   sla|{fireAt}|{id}                         the next SLA warning / breach (or auto-close) the scheduler owes
 *
 * Index rows are a pure function of the ticket: an update deletes the rows the old ticket had and
 * the new one has not, and creates the reverse, in the same transaction as the ticket row. (The list
 * views were `idx|open|…`, `idx|unassigned|…` and `idx|assignee|…` rows here; they are in their own
 * table now, ticket-list-rows.ts, and an update deletes a ticket's old ones from its shard.)
 */
import { nextSlaEvent, type Ticket } from '../../domain/tickets/ticket';

export const TICKET_INDEX_ROW = {
  slaPrefix: 'sla|',
  sla: (at: string, ticketId: string) => `sla|${epoch(at)}|${ticketId}`,
  /** Every SLA row due at or before `now` sorts below this bound. */
  slaUpTo: (now: Date) => `sla|${epoch(now.toISOString())}|~`,
} as const;

/** An SLA row: `data` is the ticket id, kept as a readable string. */
export interface IndexRow {
  partitionKey: string;
  rowKey: string;
  data: string;
}

function epoch(iso: string): string {
  return Date.parse(iso).toString().padStart(13, '0');
}

/** Row key → data of every index row the ticket should have now. */
export function indexRowsOf(ticket: Ticket): Map<string, string> {
  const rows = new Map<string, string>();
  const sla = nextSlaEvent(ticket);
  if (sla !== undefined) rows.set(TICKET_INDEX_ROW.sla(sla.at, ticket.id), ticket.id);
  else if (ticket.status === 'resolved' && ticket.autoCloseAt) rows.set(TICKET_INDEX_ROW.sla(ticket.autoCloseAt, ticket.id), ticket.id);
  return rows;
}
