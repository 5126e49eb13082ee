/** Help desk tickets and their numbers (storage/tickets/). */
import type { ActivityRecord } from '../activity-ref';
import type { TicketHistoryEvent } from '../history';
import type { OutboxMessage } from '../outbox-message';
import type { Ticket } from '../tickets/ticket';
import type { TicketListView, TicketPage } from '../tickets/ticket-lists';
import type { TicketNumber } from '../ticket-number';
import type { Versioned } from './versioned';

export interface StoredTicket extends Versioned {
  readonly ticket: Ticket;
}

export interface TicketRepository {
  get(id: string): Promise<StoredTicket | undefined>;
  /**
   * Atomic with the ticket's ETag, and with the record of the activity that asked for it (if given);
   * throws ConcurrencyConflictError when someone changed the ticket first or the activity was applied already.
   */
  update(
    stored: StoredTicket,
    next: Ticket,
    events: readonly TicketHistoryEvent[],
    outbox: readonly OutboxMessage[],
    activity?: ActivityRecord,
  ): Promise<StoredTicket>;
  /** The record of an activity applied to this ticket, if any. */
  activity(ticketId: string, key: string): Promise<ActivityRecord | undefined>;
  history(id: string): Promise<TicketHistoryEvent[]>;
  /** A page of a view: from `after` (a previous page's `next`) when given, else `offset` entries in. */
  list(view: TicketListView, offset: number, pageSize: number, after?: string): Promise<TicketPage>;
  /** Ids of tickets whose next SLA event (or auto-close) is due at `now`. */
  dueForSla(now: Date, limit?: number): Promise<string[]>;
}

export interface TicketNumberAllocator {
  /** Idempotent per request: the same request always gets the same number. */
  allocate(requestId: string): Promise<TicketNumber>;
  ticketIdOf(number: TicketNumber): Promise<string | undefined>;
}
