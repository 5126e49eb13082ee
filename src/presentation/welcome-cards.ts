/** The welcome card (on install, and "What can you do?"), and the hints for messages no route understood. */
import { text, type Text } from '../domain/text';
import type { CardRef } from './cards';

/** What the bot can do, shown when the user expands the welcome card. */
const CAPABILITIES = [
  { command: text('messages.welcome.commands.newRequest'), description: text('messages.welcome.capabilities.newRequest') },
  { command: text('messages.welcome.commands.myRequests'), description: text('messages.welcome.capabilities.myRequests') },
  { command: text('messages.welcome.commands.mySolutions'), description: text('messages.welcome.capabilities.mySolutions') },
  { command: text('messages.welcome.commands.help'), description: text('messages.welcome.capabilities.help') },
];

export function welcomeCard(firstName: string, expanded: boolean): CardRef {
  return { card: 'welcome', data: { firstName: firstName || text('messages.common.there'), expanded, capabilities: CAPABILITIES } };
}

/** The hello above the questionnaire's first card when a greeting started it. */
export function greeting(firstName: string): Text {
  return text('messages.welcome.greeting', { name: firstName || text('messages.common.there') });
}

export const HINTS = {
  personal: text('messages.welcome.hintPersonal'),
  channel: text('messages.welcome.hintChannel'),
} as const;
