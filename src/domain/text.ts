/**
 * Words for people, as data: a message key and its parameters, never a sentence. The domain, the
 * services and the presenters produce `Text` values; they are rendered late, in the viewer's
 * language and time zone (src/i18n/translate.ts): an answer in the sender's, an outbox message at
 * delivery in the recipient's. The English (and every other language) lives in `locales/`.
 */
import type { MessageKey } from './message-keys';

/** An instant, formatted with Intl in the viewer's locale and time zone when the text is rendered. */
export interface Instant {
  readonly instant: string;
  /** date-time (default), date only, or time only. */
  readonly style?: 'date-time' | 'date' | 'time';
}

/** What a parameter may be: text people typed or names (shown as they are), a number, other words, an instant. */
export type TextParam = string | number | Text | Instant;

export interface Text {
  readonly key: MessageKey;
  readonly params?: Readonly<Record<string, TextParam>>;
}

export function text(key: MessageKey, params?: Readonly<Record<string, TextParam>>): Text {
  return params === undefined ? { key } : { key, params };
}

export function instant(iso: string, style?: Instant['style']): Instant {
  return style === undefined ? { instant: iso } : { instant: iso, style };
}

/** Text rows stored before words were descriptors held rendered English: it is shown as it is. */
export function verbatim(words: string): Text {
  return text('common.verbatim', { text: words });
}

/** A stored value that is a Text, or an older row's plain string (shown as it is). */
export function readText(value: unknown): Text | undefined {
  if (typeof value === 'string') return verbatim(value);
  return isText(value) ? value : undefined;
}

export function isText(value: unknown): value is Text {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  if (typeof v.key !== 'string') return false;
  for (const name of Object.keys(v)) if (name !== 'key' && name !== 'params') return false;
  return v.params === undefined || (v.params !== null && typeof v.params === 'object' && !Array.isArray(v.params));
}

export function isInstant(value: unknown): value is Instant {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return typeof v.instant === 'string' && Object.keys(v).every((name) => name === 'instant' || name === 'style');
}
