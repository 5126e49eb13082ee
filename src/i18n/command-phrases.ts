/**
 * What people type to the bot, in each language: `locales/<lng>/common.json` → `commands.<name>`,
 * alternatives separated by `|` ("nouvelle demande|nouveau"), a lookup's solution name as
 * `{{name}}` ("how is {{name}} supported"). The translators' words are the commands: every
 * language's phrases are understood from everyone (a French speaker whose Teams is in English
 * still gets "nouvelle demande"), and English always.
 */
import type { MessageKey } from '../domain/message-keys';
import { LOCALES } from './locales';
import { resourceText } from './translate';

export type CommandName =
  | 'newRequest'
  | 'greeting'
  | 'help'
  | 'myRequests'
  | 'mySolutions'
  | 'solutionLookup'
  | 'openTickets'
  | 'unassigned'
  | 'mine'
  | 'severity'
  | 'ticket'
  | 'catalogFlags'
  | 'helpWith'
  | 'report'
  | 'underSupported'
  | 'outboxStatus'
  | 'knowledgeReview'
  | 'stopThanks'
  | 'startThanks'
  | 'suggestions';

export const COMMAND_KEYS: Readonly<Record<CommandName, MessageKey>> = {
  newRequest: 'common.commands.newRequest',
  greeting: 'common.commands.greeting',
  help: 'common.commands.help',
  myRequests: 'common.commands.myRequests',
  mySolutions: 'common.commands.mySolutions',
  solutionLookup: 'common.commands.solutionLookup',
  openTickets: 'common.commands.openTickets',
  unassigned: 'common.commands.unassigned',
  mine: 'common.commands.mine',
  severity: 'common.commands.severity',
  ticket: 'common.commands.ticket',
  // The catalog admins' words are in their own namespace (admin.json).
  catalogFlags: 'admin.commands.flags',
  // The makers' "Get help" link carries it (locales/<lng>/conversation.json).
  helpWith: 'conversation.commands.helpWith',
  // The help desk lead's and the admins' words, in their features' namespaces.
  report: 'reports.commands.report',
  underSupported: 'governance.commands.underSupported',
  outboxStatus: 'admin.commands.outboxStatus',
  // The knowledge owners' review list (locales/<lng>/kb-review.json).
  knowledgeReview: 'kb-review.commands.review',
  // The makers' monthly thank-you cards (locales/<lng>/recognition.json).
  stopThanks: 'recognition.commands.stop',
  startThanks: 'recognition.commands.start',
  // "Suggest an improvement" (locales/<lng>/suggestions.json).
  suggestions: 'suggestions.commands.list',
};

export type CommandPhrases = Readonly<Record<CommandName, readonly string[]>>;

/** Phrases no longer than this are read; a longer one in a resource is a mistake and is left out. */
const MAX_PHRASE = 100;

/** Every language's phrases for each command, from the loaded resources (read once per process by the caller). */
export function commandPhrases(): CommandPhrases {
  const out = {} as Record<CommandName, string[]>;
  for (const [name, key] of Object.entries(COMMAND_KEYS) as Array<[CommandName, MessageKey]>) {
    const phrases = new Set<string>();
    for (const locale of LOCALES) {
      for (const phrase of splitPhrases(resourceText(locale, key) ?? '')) phrases.add(phrase);
    }
    out[name] = [...phrases];
  }
  return out;
}

export function splitPhrases(value: string): string[] {
  return value
    .split('|')
    .map((phrase) => phrase.replace(/\s+/g, ' ').trim())
    .filter((phrase) => phrase !== '' && phrase.length <= MAX_PHRASE);
}
