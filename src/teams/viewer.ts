import type { Activity, TurnContext } from 'botbuilder';
import { canonicalTimeZone, DEFAULT_VIEWER, supportedLocale, type Locale, type Viewer } from '../i18n/locales';

/** Where the turn's viewer is kept once worked out (viewer-memory.ts), for everything that renders. */
export const VIEWER_KEY = Symbol('viewer');

/** What an activity says about its sender's language and clock; either may be missing. */
export interface ActivityHint {
  readonly locale?: Locale;
  readonly timeZone?: string;
}

/** Teams puts the client's settings in an entity; only the first few entities are looked at. */
const MAX_ENTITIES = 20;

/**
 * The sender's language and time zone as this activity tells them: `activity.locale`, else the
 * `clientInfo` entity's `locale` ("fr-FR" → fr; a language the bot does not speak → en), and the
 * entity's `timezone` when it is an IANA zone Intl knows. Nothing said → nothing in the hint.
 */
export function activityHint(activity: Partial<Activity>): ActivityHint {
  const entities = Array.isArray(activity.entities) ? activity.entities.slice(0, MAX_ENTITIES) : [];
  const info = entities.find((e) => e !== null && typeof e === 'object' && (e as { type?: unknown }).type === 'clientInfo') as
    Record<string, unknown> | undefined;
  const tag = typeof activity.locale === 'string' && activity.locale.trim() !== '' ? activity.locale : info?.locale;
  const timeZone = canonicalTimeZone(info?.timezone);
  const said = typeof tag === 'string' && tag.trim() !== '';
  return {
    ...(said ? { locale: supportedLocale(tag) ?? DEFAULT_VIEWER.locale } : {}),
    ...(timeZone ? { timeZone } : {}),
  };
}

/**
 * Whose words an answer is in: the viewer worked out for this turn (the sender's language and zone,
 * remembered ones filling what the activity left out; in a registered channel, the channel's), or,
 * before that is known, what the activity says over English and UTC.
 */
export function viewerOf(context: TurnContext): Viewer {
  const known = context.turnState.get(VIEWER_KEY) as Viewer | undefined;
  if (known) return known;
  const hint = activityHint(context.activity);
  return { locale: hint.locale ?? DEFAULT_VIEWER.locale, timeZone: hint.timeZone ?? DEFAULT_VIEWER.timeZone };
}
