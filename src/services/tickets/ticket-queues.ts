/**
 * Where a new ticket goes and what its opening owes besides the queue's card: the port the intake
 * and request handling call before they open a ticket (implemented by queue-router.ts).
 */
import type { SupportRequest } from '../../domain/intake/support-request';
import type { OutboxMessage } from '../../domain/outbox-message';
import type { HelpDeskQueueId } from '../../domain/queues/queue';
import type { Ticket } from '../../domain/tickets/ticket';

export interface QueuePlan {
  /** The help desk queue the ticket opens in. */
  readonly queue: HelpDeskQueueId;
  /** Messages the opened ticket causes besides its cards (the on-call page and the requester's notice). */
  readonly extras: (ticket: Ticket, now: Date) => readonly OutboxMessage[];
}

export interface NewTicketQueues {
  planFor(request: SupportRequest, now: Date): Promise<QueuePlan>;
}
