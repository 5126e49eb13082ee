/**
 * Free text typed on a card (a note, a hand-off summary, a case reference): trimmed and bounded
 * before anything else looks at it. Refusals are codes; the limit is part of the answer so the
 * caller can say it.
 */
import { accept, refuse, type Decision } from './decision';

export type TextRefusal = 'missing' | 'too-long';

export interface TextRule {
  /** Most characters (UTF-16 code units, as the card's maxLength counts) after trimming. */
  readonly max: number;
  /** When false, empty text is accepted as undefined. */
  readonly required: boolean;
}

/** The trimmed text, or why not. Anything that is not a string counts as empty. */
export function checkText(value: unknown, rule: TextRule): Decision<{ readonly text: string | undefined }, TextRefusal> {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') return rule.required ? refuse('missing') : accept({ text: undefined });
  if (text.length > rule.max) return refuse('too-long');
  return accept({ text });
}

/** The same, for text that must be there. */
export function requireText(value: unknown, max: number): Decision<{ readonly text: string }, TextRefusal> {
  const checked = checkText(value, { max, required: true });
  return checked.ok ? accept({ text: checked.text as string }) : checked;
}
