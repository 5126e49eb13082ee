/** The languages the bot speaks, and how a Teams locale ("fr-FR", "ko-KR", "en-US") maps to one. */
export const LOCALES = ['en', 'fr', 'sv', 'ko'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';

/** The resource files in `locales/<lng>/`, one namespace each; a message key starts with its file's name. */
export const NAMESPACES = [
  'common',
  'labels',
  'messages',
  'routing',
  'cards',
  'queues',
  'governance',
  'admin',
  'followup',
  'cases',
  'incidents',
  'paths',
  'reports',
  'conversation',
  'knowledge',
  'kb-review',
  'recognition',
  'suggestions',
] as const;
export type Namespace = (typeof NAMESPACES)[number];

/** Whose words and clock: the locale the words are rendered in and the IANA time zone instants are shown in. */
export interface Viewer {
  readonly locale: Locale;
  readonly timeZone: string;
}

export const DEFAULT_VIEWER: Viewer = { locale: DEFAULT_LOCALE, timeZone: 'UTC' };

/** "fr-FR" → fr, "sv" → sv, "nb-NO" or nothing → en. */
export function localeOf(tag: unknown): Locale {
  if (typeof tag !== 'string') return DEFAULT_LOCALE;
  const language = tag.trim().slice(0, 35).split(/[-_]/)[0]!.toLowerCase();
  return (LOCALES as readonly string[]).includes(language) ? (language as Locale) : DEFAULT_LOCALE;
}

/** A valid IANA time zone name, or UTC. */
export function timeZoneOf(name: unknown): string {
  return canonicalTimeZone(name) ?? 'UTC';
}

/**
 * Names already looked up (null: no zone). Every turn reads the sender's zone, and building an
 * Intl.DateTimeFormat to check it was the largest cost of a card action in the bots benchmark's
 * profile. Bounded: names come from the activity (anyone's text), so the cache starts over when full.
 */
const ZONES = new Map<string, string | null>();
const MAX_ZONES = 1_000;

/** The IANA name Intl knows a zone by ("europe/paris" → "Europe/Paris"), or undefined for no zone at all. */
export function canonicalTimeZone(name: unknown): string | undefined {
  if (typeof name !== 'string' || name === '' || name.length > 64) return undefined;
  let zone = ZONES.get(name);
  if (zone === undefined) {
    try {
      zone = new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
    } catch {
      zone = null;
    }
    if (ZONES.size >= MAX_ZONES) ZONES.clear();
    ZONES.set(name, zone);
  }
  return zone ?? undefined;
}

/** One of the bot's languages named by a tag ("fr", "fr-CA", "KO"), or undefined (not "en" by default). */
export function supportedLocale(tag: unknown): Locale | undefined {
  if (typeof tag !== 'string' || tag.length > 35) return undefined;
  const language = tag.trim().split(/[-_]/)[0]!.toLowerCase();
  return (LOCALES as readonly string[]).includes(language) ? (language as Locale) : undefined;
}
