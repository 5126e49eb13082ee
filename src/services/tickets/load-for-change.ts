/** Reading a ticket before a change: the stored row, its queue recorded, and a redelivery's first outcome. */
import type { ActivityRef } from '../../domain/activity-ref';
import type { StoredTicket, TicketRepository } from '../../domain/ports/tickets';
import { text, type Text } from '../../domain/text';
import type { Ticket } from '../../domain/tickets/ticket';
import { withRecordedQueue } from '../../domain/tickets/ticket-queue';
import { messageAnswer, type Answer } from '../../presentation/answer';

/**
 * The stored ticket, how to record its queue (tickets stored before queues: from their history),
 * and what a redelivery of this activity did the first time.
 */
export async function loadForChange(
  tickets: TicketRepository,
  ticketId: string,
  activity: ActivityRef | undefined,
  writes: boolean,
): Promise<{ answer: Answer } | { stored: StoredTicket; record: (t: Ticket) => Ticket; applied?: Text }> {
  const [stored, applied] = await Promise.all([
    tickets.get(ticketId),
    writes && activity ? tickets.activity(ticketId, activity.key) : undefined,
  ]);
  if (!stored) return { answer: messageAnswer(text('messages.tickets.notFound')) };
  const history = stored.ticket.queue === undefined && stored.ticket.escalatedTo !== undefined ? await tickets.history(ticketId) : [];
  return { stored, record: (t) => withRecordedQueue(t, history), ...(applied ? { applied: applied.outcome } : {}) };
}
