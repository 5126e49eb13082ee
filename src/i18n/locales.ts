/** The languages the bot speaks, and how a Teams locale ("fr-FR", "ko-KR", "en-US") maps to one. */
export const LOCALES = ['en', 'fr', 'sv', 'ko'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';

/** The resource files in `locales/<lng>/`, one namespace each; a message key starts with its file's name. */
export const NAMESPACES = ['common', 'labels', 'messages', 'routing', 'cards', 'cases', 'incidents'] as const;
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
  if (typeof name !== 'string' || name === '' || name.length > 64) return 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return name;
  } catch {
    return 'UTC';
  }
}
