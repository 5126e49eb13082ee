/**
 * "Suggest an improvement" (issue 16, the feedback loop from the help desk to the Power Platform
 * team): a member of the ticket's help desk team (from the rosters and the stored ticket, never card
 * data) sends what they observe; the item is stored with its history and its card for the team's
 * channel in one transaction. The team's members move its status from that card (first writer wins
 * under the item's ETag); the card updates in place and the suggester is told. The ticket card shows
 * the status. A double click or a redelivery makes one item: its id is a hash of what was sent.
 */
import { createHash } from 'node:crypto';
import type { PersonRef } from '../../domain/history';
import type { ChannelDirectory } from '../../domain/ports/channels';
import type { Clock } from '../../domain/ports/clock';
import type { HelpDeskQueueRegistry } from '../../domain/ports/help-desk-queues';
import { ConcurrencyConflictError, RequestExistsError } from '../../domain/ports/storage-errors';
import type { SuggestionStore } from '../../domain/ports/suggestions';
import type { TeamRoster } from '../../domain/ports/team-roster';
import type { TicketRepository } from '../../domain/ports/tickets';
import { belongsTo } from '../../domain/queues/actor-standing';
import { DEDICATED_TEAM_QUEUE } from '../../domain/queues/queue';
import {
  changeSuggestionStatus,
  createdEvent,
  newSuggestion,
  readSuggestionForm,
  type Suggestion,
} from '../../domain/suggestions/suggestion';
import type { SuggestionMove } from '../../domain/suggestions/suggestion-status';
import { helpDeskQueueOf } from '../../domain/tickets/ticket-queue';
import { text, type Text } from '../../domain/text';
import { cardAnswer, messageAnswer, type Answer } from '../../presentation/answer';
import { suggestionCard, suggestionListCard, suggestionStatusLabel } from '../../presentation/suggestion-cards';
import { NO_ESCALATION_ROLES, queueStanding } from '../tickets/queue-standing';
import { statusMessages, suggestionPost } from './suggestion-messages';
import { showOnTicket } from './ticket-link';

export interface SuggestionDeps {
  readonly suggestions: SuggestionStore;
  readonly tickets: Pick<TicketRepository, 'get' | 'update'>;
  readonly channels: ChannelDirectory & Partial<HelpDeskQueueRegistry>;
  readonly clock: Clock;
}

/** The `suggestions` command shows at most this many open items, newest first. */
export const LISTED_SUGGESTIONS = 25;

const refused = (key: Parameters<typeof text>[0]): Answer => messageAnswer(text(key));

const FORM_REFUSALS = {
  'too-long': 'suggestions.refused.tooLong',
  'observed-required': 'suggestions.refused.observedRequired',
  'frequency-required': 'suggestions.refused.frequencyRequired',
} as const;

const MOVE_REFUSALS = {
  'not-allowed': 'suggestions.refused.notAllowed',
  'note-required': 'suggestions.refused.noteRequired',
  'note-too-long': 'suggestions.refused.noteTooLong',
} as const;

export class SuggestionService {
  constructor(private readonly deps: SuggestionDeps) {}

  /** The form sent from a help desk ticket card. */
  async suggest(actor: PersonRef, ticketId: string, raw: Readonly<Record<string, unknown>>, roster: TeamRoster): Promise<Answer> {
    const read = readSuggestionForm(raw);
    const stored = await this.deps.tickets.get(ticketId);
    if (!stored) return refused('suggestions.refused.ticketNotFound');
    const who = await queueStanding(actor, roster, this.deps.channels, NO_ESCALATION_ROLES);
    if (!who.ok) return messageAnswer(who.refusal);
    if (!belongsTo(who.standing, helpDeskQueueOf(stored.ticket))) return refused('suggestions.refused.notHelpDesk');
    if (!read.ok) return refused(FORM_REFUSALS[read.reason]);
    if (!(await this.deps.channels.getChannel('dedicated-team'))) return refused('suggestions.refused.noTeam');
    const by = person(actor);
    const id = suggestionId(ticketId, by.aadObjectId, [read.form.observed, read.form.frequency, read.form.proposal]);
    const suggestion = newSuggestion(id, stored.ticket, read.form, by, this.deps.clock.now().toISOString());
    try {
      await this.deps.suggestions.create(suggestion, createdEvent(suggestion), [suggestionPost(suggestion)]);
    } catch (error) {
      // The same form sent twice (a double click, a redelivery): the item exists.
      if (!(error instanceof RequestExistsError)) throw error;
      const existing = await this.deps.suggestions.get(ticketId, id);
      if (existing) await showOnTicket(this.deps.tickets, this.deps.clock, existing.suggestion);
      return refused('suggestions.done.already');
    }
    await showOnTicket(this.deps.tickets, this.deps.clock, suggestion);
    return refused('suggestions.done.created');
  }

  /** A status change from the item's card, by a member of the Power Platform team. */
  async move(
    actor: PersonRef,
    ref: { readonly ticketId: string; readonly suggestionId: string; readonly shownStatus?: string },
    to: SuggestionMove,
    note: unknown,
    roster: TeamRoster,
  ): Promise<Answer> {
    const who = await queueStanding(actor, roster, this.deps.channels, NO_ESCALATION_ROLES);
    if (!who.ok) return messageAnswer(who.refusal);
    if (!belongsTo(who.standing, DEDICATED_TEAM_QUEUE)) return refused('suggestions.refused.notTeam');
    const stored = await this.deps.suggestions.get(ref.ticketId, ref.suggestionId);
    if (!stored || stored.suggestion.ticketId !== ref.ticketId) return refused('suggestions.refused.gone');
    const view = (s: Suggestion, notice?: Text) => cardAnswer(suggestionCard(s, notice));
    // The card showed an older status: someone moved it first.
    if (ref.shownStatus !== undefined && ref.shownStatus !== stored.suggestion.status)
      return view(stored.suggestion, text('suggestions.refused.notAllowed'));
    const change = changeSuggestionStatus(stored.suggestion, to, note, person(actor), this.deps.clock.now().toISOString());
    if (!change.ok) return view(stored.suggestion, text(MOVE_REFUSALS[change.reason]));
    try {
      await this.deps.suggestions.save(change.next, stored, change.event, statusMessages(change.next));
    } catch (error) {
      if (!(error instanceof ConcurrencyConflictError)) throw error;
      const now = await this.deps.suggestions.get(ref.ticketId, ref.suggestionId);
      return view(now?.suggestion ?? stored.suggestion, text('suggestions.refused.notAllowed'));
    }
    await showOnTicket(this.deps.tickets, this.deps.clock, change.next);
    const done = text('suggestions.done.changed', {
      status: suggestionStatusLabel(change.next.status),
      name: change.next.suggester.displayName,
    });
    return view(change.next, done);
  }

  /** The open items, for members of a help desk team or the Power Platform team. */
  async list(actor: PersonRef, roster: TeamRoster): Promise<Answer> {
    const who = await queueStanding(actor, roster, this.deps.channels, NO_ESCALATION_ROLES);
    if (!who.ok) return messageAnswer(who.refusal);
    if (who.standing.queues.length === 0) return refused('suggestions.refused.notListed');
    const items = await this.deps.suggestions.listOpen(LISTED_SUGGESTIONS + 1);
    return cardAnswer(suggestionListCard(items.slice(0, LISTED_SUGGESTIONS), items.length > LISTED_SUGGESTIONS));
  }
}

/** What was sent, by whom, from which ticket: the same form sent again is the same item. */
function suggestionId(ticketId: string, by: string, parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of [ticketId, by.toLowerCase(), ...parts]) hash.update(part).update('\u0000');
  return `sg-${hash.digest('hex').slice(0, 32)}`;
}

function person(actor: PersonRef): PersonRef {
  return { aadObjectId: actor.aadObjectId.toLowerCase(), displayName: actor.displayName };
}
