/**
 * The help desk follows its suggestion on the ticket card: the ticket keeps the newest linked
 * suggestion's id and status (the one created or changed last), and its posted cards are updated in place in the same transaction
 * (under the ticket's ETag). The suggestion itself is the record; this is its copy on the ticket, so
 * a conflicting ticket change is met by reading the ticket again (a few times, bounded).
 */
import type { Clock } from '../../domain/ports/clock';
import { ConcurrencyConflictError } from '../../domain/ports/storage-errors';
import type { TicketRepository } from '../../domain/ports/tickets';
import type { Suggestion } from '../../domain/suggestions/suggestion';
import { cardUpdates } from '../tickets/ticket-notifications';

const ATTEMPTS = 3;

export async function showOnTicket(tickets: Pick<TicketRepository, 'get' | 'update'>, clock: Clock, s: Suggestion): Promise<void> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const stored = await tickets.get(s.ticketId);
    if (!stored) return;
    const { ticket } = stored;
    // The card shows the suggestion changed last; the same status is written once.
    const current = ticket.suggestion;
    if (current?.id === s.id && current.status === s.status) return;
    const next = {
      ...ticket,
      suggestion: { id: s.id, status: s.status },
      version: ticket.version + 1,
      updatedAt: clock.now().toISOString(),
    };
    try {
      await tickets.update(stored, next, [], cardUpdates(next));
      return;
    } catch (error) {
      if (!(error instanceof ConcurrencyConflictError)) throw error;
    }
  }
}
