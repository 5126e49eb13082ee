/**
 * Which tickets the dedicated Power Platform team works. Its members are not the help desk: they act
 * on a ticket only while it is with them, from its escalation to the dedicated team until they return
 * it (an onward escalation to a partner or Microsoft keeps it with them), and not once it is closed.
 * Pure: from the stored ticket (its queue, tickets/ticket-queue.ts) and, for tickets stored before
 * queues, its history; never from card data.
 */
import type { TicketHistoryEvent } from '../history';
import { DEDICATED_TEAM_QUEUE } from '../queues/queue';
import type { Ticket } from './ticket';
import { holdingQueue } from './ticket-queue';

export function isWithDedicatedTeam(ticket: Ticket, history: readonly TicketHistoryEvent[]): boolean {
  return ticket.status !== 'closed' && holdingQueue(ticket, history) === DEDICATED_TEAM_QUEUE;
}
