/**
 * Renders words in a viewer's language: `Text` descriptors through i18next (plurals by `count`,
 * `{{name}}` interpolation), instants with Intl in the viewer's locale and time zone. Values are
 * inserted as they are (no HTML escaping: cards escape Markdown once bound) and never read as
 * templates or nested keys (`skipOnVariables`), so what people typed stays text.
 */
import i18next, { type i18n } from 'i18next';
import type { MessageKey } from '../domain/message-keys';
import { isInstant, isText, type Instant, type Text, type TextParam } from '../domain/text';
import { DEFAULT_LOCALE, LOCALES, NAMESPACES, type Locale, type Viewer } from './locales';
import { readAllBundles } from './resources';

let instance: i18n | undefined;

function i18n(): i18n {
  if (instance) return instance;
  const created = i18next.createInstance();
  void created.init({
    resources: readAllBundles(),
    lng: DEFAULT_LOCALE,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...LOCALES],
    ns: [...NAMESPACES],
    defaultNS: 'messages',
    // Keys are "<namespace>.<path>": the namespace is split off here, not by i18next.
    nsSeparator: false,
    keySeparator: '.',
    initAsync: false,
    returnNull: false,
    returnEmptyString: true,
    interpolation: { escapeValue: false, skipOnVariables: true },
    showSupportNotice: false,
  } as Parameters<i18n['init']>[0]);
  instance = created;
  return created;
}

/** The words of `value` for `viewer`: a Text rendered, a plain string (an older row's English) as it is. */
export function translate(value: Text | string, viewer: Viewer): string {
  if (typeof value === 'string') return value;
  const plain = value.params === undefined || Object.keys(value.params).length === 0;
  const cached = plain ? plainWords.get(viewer.locale, value.key) : undefined;
  if (cached !== undefined) return cached;
  const dot = value.key.indexOf('.');
  const ns = value.key.slice(0, dot);
  const key = value.key.slice(dot + 1);
  const options: Record<string, unknown> = { lng: viewer.locale, ns };
  for (const [name, param] of Object.entries(value.params ?? {})) options[name] = renderParam(param, viewer);
  const words = i18n().t(key, options) as string;
  if (plain) plainWords.set(viewer.locale, value.key, words);
  return words;
}

/**
 * Words without parameters, once looked up: the resources never change while the process runs, so
 * a key's words in a language are always the same (i18next's lookup and interpolation pass were a
 * visible part of every card in the bots benchmark's profile). Bounded: keys come from the resources
 * (and stored rows), and past MAX_PLAIN_WORDS nothing more is kept.
 */
const MAX_PLAIN_WORDS = 20_000;
const plainWords = {
  map: new Map<string, string>(),
  get(locale: string, key: string): string | undefined {
    return this.map.get(`${locale}\u0000${key}`);
  },
  set(locale: string, key: string, words: string): void {
    if (this.map.size < MAX_PLAIN_WORDS) this.map.set(`${locale}\u0000${key}`, words);
  },
};

function renderParam(param: TextParam, viewer: Viewer): string | number {
  if (typeof param === 'string' || typeof param === 'number') return param;
  if (isInstant(param)) return formatInstant(param, viewer);
  if (isText(param)) return translate(param, viewer);
  return '';
}

const INSTANT_STYLES: Readonly<Record<NonNullable<Instant['style']>, Intl.DateTimeFormatOptions>> = {
  'date-time': {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  },
  date: { year: 'numeric', month: 'short', day: 'numeric' },
  time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' },
};

/** "Nov 20, 2026, 14:30 UTC", "20 nov. 2026, 15:30 UTC+1": the viewer's locale and time zone. */
export function formatInstant(value: Instant, viewer: Viewer): string {
  const at = new Date(value.instant);
  if (Number.isNaN(at.getTime())) return value.instant;
  return new Intl.DateTimeFormat(viewer.locale, { ...INSTANT_STYLES[value.style ?? 'date-time'], timeZone: viewer.timeZone }).format(at);
}

/**
 * A card's static words (`locales/<lng>/cards.json`), bound into its data as `t` for the template's
 * `${t.<key>}`: `<card>.<key>` at the data's root, and `<card>.<list>.<key>` on each item of the
 * data's list `<list>` (a `$data` repeat binds against the item, so its words are the item's; lists
 * nest). Each word is interpolated with the scalar values of its own scope (`{{severity}}` is the
 * root's severity at the root, the item's in a repeat); values go in as they are and are never read
 * as templates (`skipOnVariables`), and the template engine binds the result as a value. English is
 * the source of the keys; a word missing in a language falls back to English.
 */
export function bindCardWords(card: string, data: Readonly<Record<string, unknown>>, viewer: Viewer): Record<string, unknown> {
  const english = (i18n().getResourceBundle(DEFAULT_LOCALE, 'cards') ?? {}) as Record<string, unknown>;
  const tree = english[card];
  return isRecord(tree) ? bindScope(`${card}.`, tree, data, viewer) : { ...data, t: {} };
}

function bindScope(
  prefix: string,
  words: Readonly<Record<string, unknown>>,
  data: Readonly<Record<string, unknown>>,
  viewer: Viewer,
): Record<string, unknown> {
  const scalars = scalarsOf(data);
  const t: Record<string, string> = {};
  const out: Record<string, unknown> = { ...data, t };
  for (const [key, word] of Object.entries(words)) {
    if (typeof word === 'string') {
      // A word without `{{…}}` (in English, and so in every language: test/unit/i18n) needs no scope.
      const plain = !word.includes('{{');
      const cached = plain ? plainWords.get(viewer.locale, `cards.${prefix}${key}`) : undefined;
      t[key] = cached ?? (i18n().t(`${prefix}${key}`, { lng: viewer.locale, ns: 'cards', replace: scalars }) as string);
      if (plain && cached === undefined) plainWords.set(viewer.locale, `cards.${prefix}${key}`, t[key]);
    } else if (isRecord(word) && Array.isArray(data[key])) {
      out[key] = (data[key] as unknown[]).map((item) => (isRecord(item) ? bindScope(`${prefix}${key}.`, word, item, viewer) : item));
    }
  }
  return out;
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The values a word may interpolate: the scope's strings, numbers and booleans (lists and objects are not words). */
function scalarsOf(data: Readonly<Record<string, unknown>>): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(data))
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out[key] = value;
  return out;
}

/**
 * A resource's text as written, uninterpolated (`{{name}}` stays), or undefined when the locale does
 * not have it: for words that are read, not shown (the command phrases, command-phrases.ts).
 */
export function resourceText(locale: Locale, key: MessageKey): string | undefined {
  const dot = key.indexOf('.');
  const value = i18n().getResource(locale, key.slice(0, dot), key.slice(dot + 1)) as unknown;
  return typeof value === 'string' ? value : undefined;
}
