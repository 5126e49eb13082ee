/**
 * The ticket lists and SLA timers (case-partitions.ts), in the ticket's shard partition:
 *
 *   idx|open|{sev}|{created}|{id}             open tickets, Sev A first, oldest first
 *   idx|unassigned|{sev}|{created}|{id}       open and nobody assigned
 *   idx|assignee|{aad}|{sev}|{created}|{id}   open, by assignee ("mine")
 *   sla|{fireAt}|{id}                         the next SLA warning / breach (or auto-close) the scheduler owes
 *
 * Index rows are a pure function of the ticket: an update deletes the rows the old ticket had and
 * the new one has not, and creates the reverse, in the same transaction as the ticket row.
 */
import type { Severity } from '../../domain/severity';
import { nextSlaEvent, type Ticket } from '../../domain/tickets/ticket';
import { summaryOf } from '../../domain/tickets/ticket-lists';
import { isOpenStatus } from '../../domain/ticket-status';

export const TICKET_INDEX_ROW = {
  openPrefix: (severity?: Severity) => `idx|open|${severity ? `${severity}|` : ''}`,
  unassignedPrefix: (severity?: Severity) => `idx|unassigned|${severity ? `${severity}|` : ''}`,
  assigneePrefix: (aadObjectId: string, severity?: Severity) => `idx|assignee|${aadObjectId}|${severity ? `${severity}|` : ''}`,
  slaPrefix: 'sla|',
  sla: (at: string, ticketId: string) => `sla|${epoch(at)}|${ticketId}`,
  /** Every SLA row due at or before `now` sorts below this bound. */
  slaUpTo: (now: Date) => `sla|${epoch(now.toISOString())}|~`,
} as const;

/** An index or SLA row: `data` is a short summary JSON or a ticket id, kept as a readable string. */
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
  const tail = `${epoch(ticket.createdAt)}|${ticket.id}`;
  const summary = JSON.stringify(summaryOf(ticket));
  if (isOpenStatus(ticket.status)) {
    rows.set(`${TICKET_INDEX_ROW.openPrefix(ticket.severity)}${tail}`, summary);
    if (ticket.assignee === undefined) rows.set(`${TICKET_INDEX_ROW.unassignedPrefix(ticket.severity)}${tail}`, summary);
    else rows.set(`${TICKET_INDEX_ROW.assigneePrefix(ticket.assignee.aadObjectId, ticket.severity)}${tail}`, summary);
  }
  const sla = nextSlaEvent(ticket);
  if (sla !== undefined) rows.set(TICKET_INDEX_ROW.sla(sla.at, ticket.id), ticket.id);
  else if (ticket.status === 'resolved' && ticket.autoCloseAt) rows.set(TICKET_INDEX_ROW.sla(ticket.autoCloseAt, ticket.id), ticket.id);
  return rows;
}
