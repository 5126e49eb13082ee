import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as ACData from 'adaptivecards-templating';
import { Attachment, CardFactory } from 'botbuilder';
import { plainTextCard } from './plain-text';

/** The top-level `cards/` folder; the same relative path from `src/teams` and `dist/teams`. */
const CARDS_DIR = path.resolve(__dirname, '../../cards');

const templates = new Map<string, ACData.Template>();

/** A bound card, as teams-ai expects it from an Action.Execute handler. */
export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  [key: string]: unknown;
}

/** The names of the templates in `cards/` (file name without `.json`). */
export type CardName =
  | 'welcome'
  | 'intake-need'
  | 'intake-solution'
  | 'intake-details'
  | 'intake-review'
  | 'intake-confirmation'
  | 'intake-closed'
  | 'my-requests'
  | 'request-notification'
  | 'my-solutions'
  | 'solution-support'
  | 'ticket'
  | 'ticket-requester'
  | 'ticket-sla-alert'
  | 'ticket-list'
  | 'channel-registered'
  | 'maker-notification'
  | 'co-owner-ping'
  | 'requester-update'
  | 'outbox-status';

/**
 * Binds a template from `cards/` to data. User-provided text reaches the card only through `data`
 * (the templating engine treats data values as values, never as template expressions), and every
 * field Adaptive Cards render as Markdown is escaped once bound, so it shows as plain text.
 */
export function renderCard(name: CardName, data: object): AdaptiveCardJson {
  let template = templates.get(name);
  if (template === undefined) {
    template = new ACData.Template(JSON.parse(readFileSync(path.join(CARDS_DIR, `${name}.json`), 'utf8')));
    templates.set(name, template);
  }
  return plainTextCard(template.expand({ $root: data }) as AdaptiveCardJson);
}

export function cardAttachment(name: CardName, data: object): Attachment {
  return CardFactory.adaptiveCard(renderCard(name, data));
}
