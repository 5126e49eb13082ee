/**
 * Read → decide → one transaction, for the ticket queues' actions: the change, its history, its
 * outbox (cards updated in place, DMs) and the record of the activity that asked, with the ticket's
 * ETag. When someone changed the ticket first (another member pressed Accept at the same moment),
 * it decides again, once, on the ticket as it is now, so the loser is told why (who accepted it);
 * a redelivered activity is answered with what it did the first time.
 */
import { activityRecord, type ActivityRef } from '../../domain/activity-ref';
import type { OutboxMessage } from '../../domain/outbox-message';
import type { TicketRepository, StoredTicket } from '../../domain/ports/tickets';
import { ConcurrencyConflictError } from '../../domain/ports/storage-errors';
import { text, type Text } from '../../domain/text';
import type { Ticket } from '../../domain/tickets/ticket';
import type { Change } from '../../domain/tickets/ticket-changes';
import { statusInSentence } from '../../domain/tickets/ticket-changes';
import { messageAnswer, type Answer } from '../../presentation/answer';
import type { Words } from '../../presentation/ticket-words';
import { loadForChange } from './load-for-change';
import { notificationsFor } from './ticket-notifications';

export type Decided =
  /** `also`: more messages the change owes (the maker's question), given the ticket as it will be stored. */
  { readonly change: Change; readonly also?: (next: Ticket) => readonly OutboxMessage[] } | { readonly refusal: Text };

export interface ChangeRunnerDeps {
  readonly tickets: TicketRepository;
  readonly reopenWindowMinutes: number;
  readonly now: () => Date;
}

/** What the person sees afterwards: the card they pressed, with a notice. */
export type View = (ticket: Ticket, notice?: Words) => Answer;

export async function runTicketChange(
  deps: ChangeRunnerDeps,
  first: StoredTicket,
  decide: (ticket: Ticket, now: Date) => Decided,
  view: View,
  activity?: ActivityRef,
): Promise<Answer> {
  let stored = first;
  for (let attempt = 0; attempt < 2; attempt++) {
    const now = deps.now();
    const decided = decide(stored.ticket, now);
    if ('refusal' in decided) return view(stored.ticket, decided.refusal);
    const { ticket, outbox } = notificationsFor(decided.change, deps.reopenWindowMinutes, now);
    const messages = [...outbox, ...(decided.also?.(ticket) ?? [])];
    try {
      const saved = await deps.tickets.update(
        stored,
        ticket,
        decided.change.events,
        messages,
        activity && activityRecord(activity, decided.change.done, now),
      );
      return view(saved.ticket, decided.change.done);
    } catch (error) {
      if (!(error instanceof ConcurrencyConflictError)) throw error;
      const [current, applied] = await Promise.all([
        deps.tickets.get(first.ticket.id),
        activity ? deps.tickets.activity(first.ticket.id, activity.key) : undefined,
      ]);
      if (!current) return messageAnswer(text('messages.tickets.notFound'));
      if (applied) return view(current.ticket, applied.outcome);
      stored = current;
    }
  }
  return view(stored.ticket, text('messages.tickets.conflict', { status: statusInSentence(stored.ticket.status) }));
}

/**
 * The whole of it for callers that check nothing between reading and deciding: read the ticket (its
 * queue recorded), answer a redelivery with what it did the first time, else run the change.
 */
export async function changeTicket(
  deps: ChangeRunnerDeps,
  ticketId: string,
  activity: ActivityRef | undefined,
  decide: (ticket: Ticket, now: Date) => Decided,
  view: View,
): Promise<Answer> {
  const loaded = await loadForChange(deps.tickets, ticketId, activity, true);
  if ('answer' in loaded) return loaded.answer;
  const { stored, record, applied } = loaded;
  if (applied) return view(record(stored.ticket), applied);
  return runTicketChange(deps, stored, (t, now) => decide(record(t), now), view, activity);
}
