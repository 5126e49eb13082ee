/**
 * Which tickets the dedicated Power Platform team works. Its members are not the help desk: they act
 * on a ticket only while it is with them, from its escalation to the dedicated team until they hand it
 * back (an onward escalation to a partner or Microsoft keeps it with them). Pure: from the stored
 * ticket and its history, never from card data.
 */
import type { TicketHistoryEvent } from '../history';
import type { Ticket } from './ticket';

export function isWithDedicatedTeam(ticket: Ticket, history: readonly TicketHistoryEvent[]): boolean {
  if (ticket.escalatedTo === undefined || ticket.status === 'closed') return false;
  let withTeam = false;
  for (const event of history) {
    if (event.type === 'escalated' && event.target === 'dedicated-team') withTeam = true;
    else if (event.type === 'handed-back') withTeam = false;
  }
  return withTeam;
}
