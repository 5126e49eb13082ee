/**
 * The requester's actions on their own ticket (from their 1:1 chat): answer a question, add details,
 * withdraw, reopen within the window, confirm the fix. Read → decide (domain/tickets) → one transaction
 * with the ticket's ETag; on a conflict, decide once more on the ticket as it is now.
 */
import { activityRecord, type ActivityRef } from '../../domain/activity-ref';
import type { PersonRef } from '../../domain/history';
import type { Clock } from '../../domain/ports/clock';
import { ConcurrencyConflictError } from '../../domain/ports/storage-errors';
import type { StoredTicket, TicketRepository } from '../../domain/ports/tickets';
import { text } from '../../domain/text';
import { isWithinReopenWindow } from '../../domain/ticket-status';
import type { Ticket } from '../../domain/tickets/ticket';
import type { SlaConfig } from '../../domain/sla';
import { withSlaPause } from '../../domain/tickets/settled-command';
import { applyRequesterCommand, CommandRefused, repeatOf, type Change, type RequesterCommand } from '../../domain/tickets/ticket-changes';
import { cardAnswer, messageAnswer, type Answer } from '../../presentation/answer';
import type { CardRef } from '../../presentation/cards';
import { requesterCard, type Words } from '../../presentation/ticket-cards';
import { appliedActivity } from './applied-activity';
import { notificationsFor } from './ticket-notifications';

export class RequesterTicketActions {
  constructor(
    private readonly deps: { readonly tickets: TicketRepository; readonly clock: Clock },
    private readonly reopenWindowMinutes: number,
    private readonly slaConfig: SlaConfig,
  ) {}

  /** `activity` names the Teams activity that asked: recorded with the change; a redelivery is not applied again. */
  async act(actor: PersonRef, ticketId: string, command: RequesterCommand | { type: 'show' }, activity?: ActivityRef): Promise<Answer> {
    const [stored, applied] = await Promise.all([
      this.deps.tickets.get(ticketId),
      command.type === 'show' ? undefined : this.appliedActivity(ticketId, activity),
    ]);
    if (stored === undefined || stored.ticket.requester.aadObjectId !== actor.aadObjectId) {
      return messageAnswer(text('messages.tickets.notYours'));
    }
    if (command.type === 'show') return cardAnswer(this.requesterView(stored.ticket));
    if (applied) return cardAnswer(this.requesterView(stored.ticket, applied));
    const historyActor = { kind: 'user' as const, role: 'requester' as const, ...actor };
    const now = this.now();
    const attempt = async (current: StoredTicket): Promise<Answer> => {
      const t = current.ticket;
      const repeated = repeatOf(t, command, actor, now);
      if (repeated) return cardAnswer(this.requesterView(t, repeated));
      const reopenAllowed = t.resolvedAt !== undefined && isWithinReopenWindow(new Date(t.resolvedAt), now, this.reopenWindowMinutes);
      let change: Change;
      try {
        // Clocks paused while the ticket waits on the requester, resumed on the answer.
        change = withSlaPause(t, applyRequesterCommand(t, command, historyActor, now, reopenAllowed), now, this.slaConfig, historyActor);
      } catch (error) {
        if (error instanceof CommandRefused) return cardAnswer(this.requesterView(t, error.reason));
        throw error;
      }
      const { ticket, outbox } = notificationsFor(change, this.reopenWindowMinutes, now);
      await this.deps.tickets.update(current, ticket, change.events, outbox, activity && activityRecord(activity, change.done, now));
      return cardAnswer(this.requesterView(ticket, change.done));
    };
    try {
      return await attempt(stored);
    } catch (error) {
      if (!(error instanceof ConcurrencyConflictError)) throw error;
      // The help desk changed the ticket meanwhile (or this very activity was applied by an earlier
      // delivery): decide again on what it is now (once).
      const [current, appliedMeanwhile] = await Promise.all([this.deps.tickets.get(ticketId), this.appliedActivity(ticketId, activity)]);
      if (!current) return messageAnswer(text('messages.tickets.notFound'));
      if (appliedMeanwhile) return cardAnswer(this.requesterView(current.ticket, appliedMeanwhile));
      try {
        return await attempt(current);
      } catch (again) {
        if (!(again instanceof ConcurrencyConflictError)) throw again;
        return cardAnswer(this.requesterView(current.ticket, text('messages.tickets.changedMeanwhile'), current.ticket.number));
      }
    }
  }

  /** The requester's card, headed "HD-42: title" (or `heading`). */
  private requesterView(
    ticket: Ticket,
    notice?: Words,
    heading: Words = text('messages.tickets.requesterHeading', { number: ticket.number, title: ticket.title }),
  ): CardRef {
    return requesterCard(ticket, { heading, notice, reopenWindowMinutes: this.reopenWindowMinutes, now: this.now() });
  }

  private now(): Date {
    return this.deps.clock.now();
  }

  private appliedActivity(ticketId: string, activity: ActivityRef | undefined) {
    return appliedActivity(this.deps.tickets, ticketId, activity);
  }
}
