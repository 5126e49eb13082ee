/**
 * A feedback item from the help desk to the Power Platform team (issue 16, "create a feedback loop
 * from the help desk to the dedicated support team"): what the help desk observes, how often, and
 * what it suggests, linked to the ticket it was seen on. Pure: the form read within its limits, the
 * item made, and each status change with its history event.
 */
import type { PersonRef } from '../history';
import type { TicketNumber } from '../ticket-number';
import { literalGuard } from '../errors';
import { mayMove, needsNote, type SuggestionMove, type SuggestionStatus } from './suggestion-status';

export const SUGGESTION_FREQUENCIES = ['daily', 'weekly', 'monthly', 'occasionally'] as const;
export type SuggestionFrequency = (typeof SUGGESTION_FREQUENCIES)[number];
export const isSuggestionFrequency = literalGuard(SUGGESTION_FREQUENCIES);

/** Input limits, checked before anything reads the text. */
export const SUGGESTION_LIMITS = { observed: 2000, proposal: 2000, note: 1000 } as const;

export interface SuggestionEvent {
  readonly at: string;
  readonly by: PersonRef;
  readonly from?: SuggestionStatus;
  readonly to: SuggestionStatus;
  readonly note?: string;
}

export interface Suggestion {
  readonly id: string;
  readonly ticketId: string;
  readonly ticketNumber: TicketNumber;
  readonly ticketTitle: string;
  readonly observed: string;
  readonly frequency: SuggestionFrequency;
  readonly proposal: string;
  readonly suggester: PersonRef;
  readonly status: SuggestionStatus;
  readonly createdAt: string;
  readonly changedAt: string;
  readonly changedBy?: PersonRef;
  /** The team's note with the last change (required to decline). */
  readonly note?: string;
}

export interface SuggestionForm {
  readonly observed: string;
  readonly frequency: SuggestionFrequency;
  readonly proposal: string;
}

export type FormRead =
  | { readonly ok: true; readonly form: SuggestionForm }
  | { readonly ok: false; readonly reason: 'too-long' | 'observed-required' | 'frequency-required' };

/** The card's raw inputs: lengths first, then what they say. */
export function readSuggestionForm(raw: Readonly<Record<string, unknown>>): FormRead {
  const str = (name: 'observed' | 'proposal'): string | undefined => {
    const value = raw[name] ?? '';
    return typeof value === 'string' && value.length <= SUGGESTION_LIMITS[name] ? value.trim() : undefined;
  };
  const observed = str('observed');
  const proposal = str('proposal');
  if (observed === undefined || proposal === undefined) return { ok: false, reason: 'too-long' };
  if (observed === '') return { ok: false, reason: 'observed-required' };
  const frequency = raw.frequency;
  if (!isSuggestionFrequency(frequency)) return { ok: false, reason: 'frequency-required' };
  return { ok: true, form: { observed, frequency, proposal } };
}

export interface SuggestionTicket {
  readonly id: string;
  readonly number: TicketNumber;
  readonly title: string;
}

export function newSuggestion(id: string, ticket: SuggestionTicket, form: SuggestionForm, by: PersonRef, at: string): Suggestion {
  return {
    id,
    ticketId: ticket.id,
    ticketNumber: ticket.number,
    ticketTitle: ticket.title,
    ...form,
    suggester: by,
    status: 'new',
    createdAt: at,
    changedAt: at,
  };
}

export function createdEvent(s: Suggestion): SuggestionEvent {
  return { at: s.createdAt, by: s.suggester, to: 'new' };
}

export type StatusChange =
  | { readonly ok: true; readonly next: Suggestion; readonly event: SuggestionEvent }
  | { readonly ok: false; readonly reason: 'not-allowed' | 'note-required' | 'note-too-long' };

/** A status change by the team: allowed from the current status, with a note when declining. */
export function changeSuggestionStatus(s: Suggestion, to: SuggestionMove, note: unknown, by: PersonRef, at: string): StatusChange {
  const said = typeof note === 'string' ? note : '';
  if (said.length > SUGGESTION_LIMITS.note) return { ok: false, reason: 'note-too-long' };
  if (!mayMove(s.status, to)) return { ok: false, reason: 'not-allowed' };
  const trimmed = said.trim();
  if (needsNote(to) && trimmed === '') return { ok: false, reason: 'note-required' };
  const { note: _old, ...rest } = s;
  const next: Suggestion = { ...rest, status: to, changedAt: at, changedBy: by, ...(trimmed ? { note: trimmed } : {}) };
  return { ok: true, next, event: { at, by, from: s.status, to, ...(trimmed ? { note: trimmed } : {}) } };
}
