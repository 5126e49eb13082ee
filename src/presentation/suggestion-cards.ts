/**
 * "Suggest an improvement" (issue 16): the form on the help desk's ticket card (`sg.*` in the
 * ticket card's data), the item's card in the Power Platform team's queue (`suggestion`), the
 * suggester's notice of a status change (`suggestion-update`) and the open items (`suggestion-list`).
 * Words are `Text` from the suggestions namespace, bound as data; what people typed is data.
 */
import type { MessageKey } from '../domain/message-keys';
import { SUGGESTION_FREQUENCIES, type Suggestion, type SuggestionFrequency } from '../domain/suggestions/suggestion';
import { nextStatuses, type SuggestionMove, type SuggestionStatus } from '../domain/suggestions/suggestion-status';
import { capText } from '../domain/cap-text';
import { text, type Text } from '../domain/text';
import type { CardRef } from './cards';

const STATUS = {
  new: 'suggestions.status.new',
  'under-review': 'suggestions.status.under-review',
  planned: 'suggestions.status.planned',
  done: 'suggestions.status.done',
  declined: 'suggestions.status.declined',
} as const satisfies Record<SuggestionStatus, MessageKey>;

const FREQUENCY = {
  daily: 'suggestions.frequency.daily',
  weekly: 'suggestions.frequency.weekly',
  monthly: 'suggestions.frequency.monthly',
  occasionally: 'suggestions.frequency.occasionally',
} as const satisfies Record<SuggestionFrequency, MessageKey>;

const MOVE = {
  'under-review': 'suggestions.card.move.under-review',
  planned: 'suggestions.card.move.planned',
  done: 'suggestions.card.move.done',
  declined: 'suggestions.card.move.declined',
} as const satisfies Record<SuggestionMove, MessageKey>;

const FORM = {
  button: 'suggestions.form.button',
  observed: 'suggestions.form.observed',
  frequency: 'suggestions.form.frequency',
  proposal: 'suggestions.form.proposal',
  send: 'suggestions.form.send',
} as const satisfies Record<string, MessageKey>;

/** A listed item shows the start of what was observed (its card has the whole text). */
const LIST_OBSERVED_CHARS = 200;

export const suggestionStatusLabel = (status: SuggestionStatus): Text => text(STATUS[status]);

/** The ticket card's part: the form's words and choices, and the newest linked suggestion's status. */
export function ticketSuggestionFields(latest?: Pick<Suggestion, 'status'>): Record<string, unknown> {
  return {
    sg: Object.fromEntries(Object.entries(FORM).map(([w, key]) => [w, text(key)])),
    sgFrequencies: SUGGESTION_FREQUENCIES.map((f) => ({ title: text(FREQUENCY[f]), value: f })),
    suggestionLine: latest ? text('suggestions.ticketLine', { status: suggestionStatusLabel(latest.status) }) : '',
  };
}

/** The item in the Power Platform team's channel, with a button per status it may move to. */
export function suggestionCard(s: Suggestion, notice?: Text): CardRef {
  const moves = new Set(nextStatuses(s.status));
  return {
    card: 'suggestion',
    data: {
      heading: text('suggestions.card.heading'),
      notice: notice ?? '',
      suggestionId: s.id,
      ticketId: s.ticketId,
      shownStatus: s.status,
      facts: [
        {
          title: text('suggestions.card.ticket'),
          value: text('suggestions.card.ticketValue', { number: s.ticketNumber, title: s.ticketTitle }),
        },
        { title: text('suggestions.card.frequency'), value: text(FREQUENCY[s.frequency]) },
        { title: text('suggestions.card.suggester'), value: s.suggester.displayName },
        { title: text('suggestions.card.status'), value: statusLine(s) },
      ],
      observedLabel: text('suggestions.card.observed'),
      observed: s.observed,
      proposalLabel: text('suggestions.card.proposal'),
      proposal: s.proposal,
      noteLine: s.note ? text('suggestions.card.noteLine', { note: s.note }) : '',
      canMove: moves.size > 0,
      noteLabel: text('suggestions.card.noteInput'),
      canReview: moves.has('under-review'),
      canPlan: moves.has('planned'),
      canDone: moves.has('done'),
      canDecline: moves.has('declined'),
      l: Object.fromEntries(Object.entries(MOVE).map(([m, key]) => [camel(m), text(key)])),
    },
  };
}

/** To the suggester, when the team changes the status. */
export function suggestionUpdateCard(s: Suggestion): CardRef {
  return {
    card: 'suggestion-update',
    data: {
      heading: text('suggestions.update.heading', { number: s.ticketNumber, status: suggestionStatusLabel(s.status) }),
      observed: s.observed,
      byLine: s.changedBy ? text('suggestions.update.by', { name: s.changedBy.displayName }) : '',
      noteLine: s.note ? text('suggestions.card.noteLine', { note: s.note }) : '',
    },
  };
}

/** The open items, newest first; `more` when the list was cut at `shown`. */
export function suggestionListCard(items: readonly Suggestion[], more: boolean): CardRef {
  return {
    card: 'suggestion-list',
    data: {
      heading: text('suggestions.list.heading', { count: items.length }),
      empty: items.length === 0 ? text('suggestions.list.empty') : '',
      more: more ? text('suggestions.list.more', { count: items.length }) : '',
      items: items.map((s) => ({
        line: text('suggestions.list.line', {
          number: s.ticketNumber,
          status: suggestionStatusLabel(s.status),
          observed: startOf(s.observed),
        }),
      })),
    },
  };
}

function statusLine(s: Suggestion): Text {
  const status = suggestionStatusLabel(s.status);
  return s.changedBy ? text('suggestions.card.statusLine', { status, name: s.changedBy.displayName }) : status;
}

function startOf(observed: string): string {
  return observed.length > LIST_OBSERVED_CHARS ? `${capText(observed, LIST_OBSERVED_CHARS)}…` : observed;
}

function camel(move: string): string {
  return move.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
}
