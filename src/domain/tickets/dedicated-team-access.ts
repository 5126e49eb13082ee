/**
 * Which tickets the dedicated Power Platform team works. Its members are not the help desk: they act
 * on a ticket only while it is with them, from its escalation to the dedicated team until they return
 * it (an onward escalation to a partner or Microsoft keeps it with them). Pure: from the stored
 * ticket and its history, never from card data. Tickets that record their queue (issue 13) say it
 * directly; older ones are read from their history.
 */
import type { TicketHistoryEvent } from '../history';
import { DEDICATED_TEAM_QUEUE } from '../queues/queue';
import type { Ticket } from './ticket';

export function isWithDedicatedTeam(ticket: Ticket, history: readonly TicketHistoryEvent[]): boolean {
  if (ticket.status === 'closed') return false;
  if (ticket.queue !== undefined) return ticket.queue === DEDICATED_TEAM_QUEUE;
  if (ticket.escalatedTo === undefined) return false;
  let withTeam = false;
  for (const event of history) {
    if (event.type === 'escalated' && event.target === 'dedicated-team') withTeam = true;
    else if (event.type === 'handed-back' || event.type === 'returned-to-help-desk') withTeam = false;
  }
  return withTeam;
}
