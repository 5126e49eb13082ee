import type { TurnContext } from 'botbuilder';
import { localeOf, type Viewer } from '../i18n/locales';

/**
 * Whose words an answer is in: the sender's locale from the activity (`activity.locale`, "fr-FR"),
 * falling back to English; times in UTC for now. (The `clientInfo` entity's locale and time zone, and
 * what is remembered per person for proactive messages, come later: see the README, "Words".)
 */
export function viewerOf(context: TurnContext): Viewer {
  return { locale: localeOf(context.activity.locale), timeZone: 'UTC' };
}
