/** The text a command carries (a note, a reply, a question…): present, trimmed and bounded, or refused. */
import type { MessageKey } from '../message-keys';
import { refuse } from './ticket-commands';

const MAX_TEXT = 4000;

/** What a command's text is, for its refusals ("Please write a note first."). */
type TextField = 'note' | 'reply' | 'question' | 'resolution' | 'answer' | 'details';

const MISSING = {
  note: 'messages.tickets.refused.missing.note',
  reply: 'messages.tickets.refused.missing.reply',
  question: 'messages.tickets.refused.missing.question',
  resolution: 'messages.tickets.refused.missing.resolution',
  answer: 'messages.tickets.refused.missing.answer',
  details: 'messages.tickets.refused.missing.details',
} as const satisfies Record<TextField, MessageKey>;

const TOO_LONG = {
  note: 'messages.tickets.refused.tooLong.note',
  reply: 'messages.tickets.refused.tooLong.reply',
  question: 'messages.tickets.refused.tooLong.question',
  resolution: 'messages.tickets.refused.tooLong.resolution',
  answer: 'messages.tickets.refused.tooLong.answer',
  details: 'messages.tickets.refused.tooLong.details',
} as const satisfies Record<TextField, MessageKey>;

export function requiredText(value: unknown, what: TextField): string {
  const typed = typeof value === 'string' ? value.trim() : '';
  if (typed === '') refuse(MISSING[what]);
  if (typed.length > MAX_TEXT) refuse(TOO_LONG[what], { max: MAX_TEXT });
  return typed;
}
