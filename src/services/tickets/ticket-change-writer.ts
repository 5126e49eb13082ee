/**
 * Read → decide → one transaction, for the ticket use cases that decide in the domain with a
 * Decision: the change, its history, its outbox (every posted card updated, the requester's DM) and
 * the record of the activity that asked, written with the ticket's ETag. A redelivered activity is
 * answered with what it did the first time; when someone changed the ticket first, the decision is
 * taken again on the ticket as it is now (once), and after a second conflict the caller sees the
 * ticket as it is and is told it changed meanwhile.
 */
import { activityRecord, type ActivityRef } from '../../domain/activity-ref';
import { ConcurrencyConflictError } from '../../domain/ports/storage-errors';
import type { StoredTicket, TicketRepository } from '../../domain/ports/tickets';
import type { Clock } from '../../domain/ports/clock';
import { text, type Text } from '../../domain/text';
import type { Ticket } from '../../domain/tickets/ticket';
import type { Change } from '../../domain/tickets/ticket-changes';
import { notificationsFor } from './ticket-notifications';

/** A decision on the ticket as stored: the change to write, or why not (in words for the person who pressed). */
export type Decided = { readonly change: Change } | { readonly refusal: Text };

/** What the caller shows: the ticket as it is now and a line for the person who acted. */
export type Outcome = { readonly kind: 'not-found' } | { readonly kind: 'shown'; readonly ticket: Ticket; readonly notice: Text };

export interface TicketChangeWriterDeps {
  readonly tickets: TicketRepository;
  readonly clock: Clock;
  readonly reopenWindowMinutes: number;
}

export class TicketChangeWriter {
  constructor(private readonly deps: TicketChangeWriterDeps) {}

  async apply(ticketId: string, activity: ActivityRef | undefined, decide: (ticket: Ticket, now: Date) => Promise<Decided> | Decided): Promise<Outcome> {
    const [stored, applied] = await Promise.all([this.deps.tickets.get(ticketId), this.applied(ticketId, activity)]);
    if (stored === undefined) return { kind: 'not-found' };
    if (applied) return { kind: 'shown', ticket: stored.ticket, notice: applied };
    try {
      return await this.attempt(stored, activity, decide);
    } catch (error) {
      if (!(error instanceof ConcurrencyConflictError)) throw error;
    }
    const [current, appliedMeanwhile] = await Promise.all([this.deps.tickets.get(ticketId), this.applied(ticketId, activity)]);
    if (current === undefined) return { kind: 'not-found' };
    if (appliedMeanwhile) return { kind: 'shown', ticket: current.ticket, notice: appliedMeanwhile };
    try {
      return await this.attempt(current, activity, decide);
    } catch (error) {
      if (!(error instanceof ConcurrencyConflictError)) throw error;
      const latest = (await this.deps.tickets.get(ticketId)) ?? current;
      return { kind: 'shown', ticket: latest.ticket, notice: text('messages.tickets.changedMeanwhile') };
    }
  }

  private async attempt(stored: StoredTicket, activity: ActivityRef | undefined, decide: (ticket: Ticket, now: Date) => Promise<Decided> | Decided): Promise<Outcome> {
    const now = this.deps.clock.now();
    const decided = await decide(stored.ticket, now);
    if ('refusal' in decided) return { kind: 'shown', ticket: stored.ticket, notice: decided.refusal };
    const { ticket, outbox } = notificationsFor(decided.change, this.deps.reopenWindowMinutes, now);
    const saved = await this.deps.tickets.update(stored, ticket, decided.change.events, outbox, activity && activityRecord(activity, decided.change.done, now));
    return { kind: 'shown', ticket: saved.ticket, notice: decided.change.done };
  }

  private async applied(ticketId: string, activity: ActivityRef | undefined): Promise<Text | undefined> {
    return activity ? (await this.deps.tickets.activity(ticketId, activity.key))?.outcome : undefined;
  }
}
