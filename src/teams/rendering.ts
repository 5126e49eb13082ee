/**
 * The one way words and cards reach Teams: `render` takes a card (`CardReference`) or words (`Text`,
 * or an older row's plain string) and the viewer (locale, time zone), and returns the bound Adaptive
 * Card or the string. Used by invoke answers, sent messages and the outbox sender.
 *
 * A card's data is resolved first (every `Text` and instant in it rendered for the viewer), then its
 * static words (`locales/<lng>/cards.json` → `<card>.<key>`, and `<card>.<list>.<key>` inside a
 * repeat over `<list>`, bound as `${t.<key>}`) are interpolated with the scalar data of their scope
 * (src/i18n/translate.ts, bindCardWords), then the template is bound. User text reaches the card only as data (the
 * templating engine treats data values as values, never as template expressions), and every field
 * Adaptive Cards render as Markdown is escaped once bound, so it shows as plain text.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as ACData from 'adaptivecards-templating';
import { Attachment, CardFactory } from 'botbuilder';
import type { CardReference } from '../domain/card-reference';
import { isInstant, isText, type Text } from '../domain/text';
import { DEFAULT_VIEWER, type Viewer } from '../i18n/locales';
import { bindCardWords, formatInstant, translate } from '../i18n/translate';
import { isCardName, type CardName } from '../presentation/cards';
import type { Answer } from '../presentation/answer';
import { plainTextCard } from './plain-text';

/** The top-level `cards/` folder; the same relative path from `src/teams` and `dist/teams`. */
const CARDS_DIR = path.resolve(__dirname, '../../cards');

const templates = new Map<string, ACData.Template>();

/** A bound card, as teams-ai expects it from an Action.Execute handler. */
export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  [key: string]: unknown;
}

export function render(value: CardReference, viewer?: Viewer): AdaptiveCardJson;
export function render(value: Text | string, viewer?: Viewer): string;
export function render(value: CardReference | Text | string, viewer?: Viewer): AdaptiveCardJson | string;
export function render(value: CardReference | Text | string, viewer: Viewer = DEFAULT_VIEWER): AdaptiveCardJson | string {
  if (typeof value === 'string' || isText(value)) return translate(value, viewer);
  return renderCard(value, viewer);
}

/** An answer: its card bound, or its words. */
export function renderAnswer(answer: Answer, viewer: Viewer): AdaptiveCardJson | string {
  return 'card' in answer ? renderCard(answer.card, viewer) : translate(answer.message, viewer);
}

/** Throws on a name that is not a template in `cards/` (a stored row's name is checked here). */
export function renderCard(ref: CardReference, viewer: Viewer = DEFAULT_VIEWER): AdaptiveCardJson {
  if (!isCardName(ref.card)) throw new Error('not a card template name');
  const data = bindCardWords(ref.card, resolveWords(ref.data, viewer) as Record<string, unknown>, viewer);
  return plainTextCard(templateOf(ref.card).expand({ $root: data }) as AdaptiveCardJson);
}

export function cardAttachment(ref: CardReference, viewer: Viewer = DEFAULT_VIEWER): Attachment {
  return CardFactory.adaptiveCard(renderCard(ref, viewer));
}

function templateOf(name: CardName): ACData.Template {
  let template = templates.get(name);
  if (template === undefined) {
    template = new ACData.Template(JSON.parse(readFileSync(path.join(CARDS_DIR, `${name}.json`), 'utf8')));
    templates.set(name, template);
  }
  return template;
}

/** The data with every Text and instant rendered for the viewer (plain values stay as they are). */
export function resolveWords(value: unknown, viewer: Viewer = DEFAULT_VIEWER, depth = 0): unknown {
  if (depth > 20 || value === null || typeof value !== 'object') return value;
  if (isText(value)) return translate(value, viewer);
  if (isInstant(value)) return formatInstant(value, viewer);
  if (Array.isArray(value)) return value.map((item) => resolveWords(item, viewer, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = resolveWords(item, viewer, depth + 1);
  return out;
}
