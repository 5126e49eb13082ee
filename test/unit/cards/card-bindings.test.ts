import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LOCALES } from '../../../src/i18n/locales';
import { flatten, readBundle } from '../../../src/i18n/resources';

const CARDS = path.resolve(__dirname, '../../../cards');
const templates = readdirSync(CARDS)
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, JSON.parse(readFileSync(path.join(CARDS, f), 'utf8'))] as const);

interface Binding {
  readonly where: string;
  readonly key: string;
  readonly parentKey: string;
  readonly value: string;
  /** Inside one of Teams' chart elements (`Chart.Line`, `Chart.Donut`, …). */
  readonly chart: boolean;
}

/** Every string in a template that has a `${…}` binding, with the property it sits in. */
function bindings(template: unknown): Binding[] {
  const out: Binding[] = [];
  const walk = (node: unknown, where: string, parentKey: string, chart: boolean): void => {
    if (Array.isArray(node)) return node.forEach((child, i) => walk(child, `${where}[${i}]`, parentKey, chart));
    if (!node || typeof node !== 'object') return;
    const inChart = chart || String((node as { type?: unknown }).type).startsWith('Chart.');
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string' && value.includes('${')) out.push({ where: `${where}.${key}`, key, parentKey, value, chart: inChart });
      else walk(value, `${where}.${key}`, key, inChart);
    }
  };
  walk(template, '', '', false);
  return out;
}

const IDENT = /^\$\{[A-Za-z][A-Za-z0-9]*\}$/;
/** Properties shown to people as text (Markdown-escaped by renderCard where Adaptive Cards render Markdown). */
const TEXT_KEYS = new Set(['text', 'value', 'title', 'label']);
/** Ids a button carries back: only these, each a plain binding of a value our code put there. */
const ACTION_DATA_KEYS = new Set([
  'intakeId',
  'ticketId',
  'requestId',
  'incidentId',
  'view',
  'severity',
  'offset',
  'after',
  // "my requests": earlier pages' continuations, checked in the route and read only in the caller's index
  'trail',
  'solutionId',
  'etag',
  'articleId',
  // "Suggest an improvement": the item's id, and the status its card showed (first writer wins)
  'suggestionId',
  'shownStatus',
]);
/** The only URLs bound from data: Teams chat deep links our code builds (src/domain/chat-link.ts) from catalog addresses. */
const URL_BINDINGS = new Set(['${chatLink}', '${chatUrl}', '${helpLink}']);

/** The points of Teams' chart elements (Chart.Line, Chart.Donut, Chart.HorizontalBar, …): label and value. */
const CHART_KEYS = new Set(['x', 'y', 'legend', 'value']);

/** Properties that only ever hold a card's own words (locales/<lng>/cards.json), never data. */
const WORD_KEYS = new Set(['placeholder', 'errorMessage', 'altText', 'fallbackText']);
const WORD = /^\$\{t\.[A-Za-z][A-Za-z0-9]*\}$/;

/** Why a binding is not allowed where it is; undefined when it is. */
function problem(b: Binding): string | undefined {
  if (b.key === '$when') return undefined; // a condition, never shown
  if (WORD_KEYS.has(b.key)) return WORD.test(b.value) ? undefined : `data bound into "${b.key}" (only the card's words go there)`;
  if (b.key === '$data') return IDENT.test(b.value) ? undefined : '$data binds anything but a plain list from our data';
  if (b.key === 'url') return URL_BINDINGS.has(b.value) ? undefined : 'a URL bound from data other than our chat link';
  if (b.key === 'color') return /^\$\{if\([A-Za-z]+, '[A-Za-z]+', '[A-Za-z]+'\)\}$/.test(b.value) ? undefined : 'a style bound from data';
  // A chart point (Teams' Chart.* elements): a label or a number our code computed, bound whole.
  if (b.chart && CHART_KEYS.has(b.key)) return IDENT.test(b.value) ? undefined : 'a chart point bound from an expression';
  if (b.parentKey === 'data') return ACTION_DATA_KEYS.has(b.key) && IDENT.test(b.value) ? undefined : 'action data other than an id';
  if (b.parentKey === 'mentioned')
    return (b.key === 'id' && b.value === '${assigneeId}') || b.key === 'name' ? undefined : 'a mention bound to anything but the assignee';
  if (TEXT_KEYS.has(b.key)) return undefined;
  return `data bound into "${b.key}"`;
}

describe('card templates: where data may go', () => {
  it.each(templates)('%s binds data only into text, input values, conditions, list repeats and button ids', (_file, template) => {
    const wrong = bindings(template)
      .map((b) => [b.where, b.value, problem(b)] as const)
      .filter(([, , why]) => why !== undefined);
    expect(wrong).toEqual([]);
  });

  it.each(templates)('%s never binds a verb, an input id, a type, an image or an icon', (_file, template) => {
    const json = JSON.stringify(template);
    for (const key of ['verb', 'id', 'type', 'iconUrl', 'url', 'style', 'userIds']) {
      for (const match of json.matchAll(new RegExp(`"${key}":"([^"]*)"`, 'g'))) {
        if (key === 'url' && URL_BINDINGS.has(match[1]!)) continue;
        if (key === 'id' && match[1] === '${assigneeId}') continue; // the mention's Entra id, from the roster
        expect({ key, value: match[1] }).toEqual({ key, value: expect.not.stringContaining('${') });
      }
    }
  });

  it.each(templates)('%s has no Markdown of its own (renderCard shows every text field as plain text)', (_file, template) => {
    const literal = (value: string) => value.replace(/\$\{[^}]*\}/g, '');
    const marked: string[] = [];
    const walk = (node: any): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!node || typeof node !== 'object') return;
      const fields =
        node.type === 'TextBlock' ? [node.text] : node.type === 'FactSet' ? (node.facts ?? []).flatMap((f: any) => [f.title, f.value]) : [];
      for (const field of fields)
        if (typeof field === 'string' && /[\\*_~`[\]]|^\s*(#|>|-|\+|\d+\.)/m.test(literal(field))) marked.push(field);
      Object.values(node).forEach(walk);
    };
    walk(template);
    expect(marked).toEqual([]);
  });

  it.each(LOCALES)("the cards' words in %s have no Markdown of their own either (they are escaped with the rest once bound)", (locale) => {
    const marked = flatten(readBundle(locale, 'cards'))
      .map(([key, word]) => [key, word.replace(/\{\{[^}]*\}\}/g, '')] as const)
      .filter(([, word]) => /[\\*_~`[\]]|^\s*(#|>|-|\+|\d+\.)/m.test(word));
    expect(marked).toEqual([]);
  });
});
