/**
 * What the ticket use cases need from the outside world. Storage classes satisfy these structurally;
 * the team roster is implemented in the Teams layer (it needs the turn's connector).
 */
import type { ActivityRecord } from '../../domain/activity-ref';
import type { PersonRef, TicketHistoryEvent } from '../../domain/history';
import type { OutboxMessage } from '../../domain/outbox-message';
import type { Ticket } from '../../domain/tickets/ticket';
import type { TicketListView, TicketPage } from '../../domain/tickets/ticket-views';
import type { TicketNumber } from '../../domain/ticket-number';

export interface StoredTicket {
  readonly ticket: Ticket;
  readonly etag: string;
}

export interface TicketRepository {
  get(id: string): Promise<StoredTicket | undefined>;
  /**
   * Atomic with the ticket's ETag, and with the record of the activity that asked for it (if given);
   * throws ConcurrencyConflictError when someone changed the ticket first or the activity was applied already.
   */
  update(stored: StoredTicket, next: Ticket, events: readonly TicketHistoryEvent[], outbox: readonly OutboxMessage[], activity?: ActivityRecord): Promise<StoredTicket>;
  /** The record of an activity applied to this ticket, if any. */
  activity(ticketId: string, key: string): Promise<ActivityRecord | undefined>;
  history(id: string): Promise<TicketHistoryEvent[]>;
  list(view: TicketListView, offset: number, pageSize: number): Promise<TicketPage>;
  dueForSla(now: Date, limit?: number): Promise<string[]>;
}

export interface TicketNumberAllocator {
  /** Idempotent per request: the same request always gets the same number. */
  allocate(requestId: string): Promise<TicketNumber>;
  ticketIdOf(number: TicketNumber): Promise<string | undefined>;
}

export type ChannelRole = 'help-desk' | 'dedicated-team';

/** A registered channel, as far as services care: which team's members work it. */
export interface ChannelInfo {
  readonly role: ChannelRole;
  readonly teamId: string;
  readonly channelId: string;
  readonly channelName?: string;
}

export interface ChannelDirectory {
  getChannel(role: ChannelRole): Promise<ChannelInfo | undefined>;
}

/** A team's members, from Teams (cached briefly by the implementation). */
export interface TeamRoster {
  isMember(teamId: string, aadObjectId: string): Promise<boolean>;
  members(teamId: string): Promise<PersonRef[]>;
}

export type { LeasePort as Lease } from '../leases/renewed-leases';
