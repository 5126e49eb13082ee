/**
 * What appending a note (reply, question, answer, details) records as the ticket's last note, and how
 * a double click of it is told from a second note.
 */
import type { PersonRef } from '../history';
import { text, type Text } from '../text';
import type { LastNoteKind, Ticket } from './ticket';

/** What each appended thing is called on the card's "last note" (the kind is stored, the words are not). */
export const APPENDS = {
  note: { done: text('messages.tickets.done.note') },
  reply: { done: text('messages.tickets.done.reply') },
  'request-info': { done: text('messages.tickets.done.request-info') },
  answer: { done: text('messages.tickets.done.answer') },
  'add-details': { done: text('messages.tickets.done.add-details') },
  'info-given': { done: text('messages.handoff.done.answered') },
} as const satisfies Record<LastNoteKind, unknown>;

export function lastNoteBy(actor: PersonRef, kind: LastNoteKind, text: string, now: Date): NonNullable<Ticket['lastNote']> {
  return { kind, text, by: actor.displayName, byId: actor.aadObjectId, at: now.toISOString() };
}

/**
 * A double click sends the same note (reply, question, answer, details) twice under two activity ids,
 * and the second may arrive after the first was saved, so the ETag does not stop it. Within this window
 * the same person appending the same text as the ticket's last note is taken as one action.
 */
export const REPEAT_WINDOW_MS = 10_000;

/** If `command` repeats the last thing this person appended within the window: the line they were told. */
export function repeatOf(
  ticket: Ticket,
  command: { readonly type: string; readonly text?: unknown; readonly [other: string]: unknown },
  actor: PersonRef,
  now: Date,
): Text | undefined {
  const append = Object.prototype.hasOwnProperty.call(APPENDS, command.type) ? APPENDS[command.type as keyof typeof APPENDS] : undefined;
  const value = 'text' in command ? command.text : undefined;
  const typed = typeof value === 'string' ? value.trim() : '';
  const last = ticket.lastNote;
  if (append === undefined || typed === '' || last?.byId !== actor.aadObjectId) return undefined;
  const age = now.getTime() - Date.parse(last.at);
  return (last.kind ?? 'note') === command.type && last.text === typed && age >= 0 && age <= REPEAT_WINDOW_MS ? append.done : undefined;
}
