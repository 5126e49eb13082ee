/**
 * No word is kept that nothing shows. A message key is used when src/ names it as a literal (dynamic
 * keys come from typed maps, `Record<…, MessageKey>`, whose values are literals too); a card's word
 * is used when its template binds `${t.<key>}` in the scope the word belongs to (the root, or a
 * `$data` repeat over the list it is filed under). And every word a template binds exists.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_LOCALE } from '../../../src/i18n/locales';
import { englishMessageKeys } from '../../../src/i18n/message-keys-source';
import { flatten, readBundle } from '../../../src/i18n/resources';
import { sourceLiterals } from '../../support/source-literals';

const CARDS = path.resolve(__dirname, '../../../cards');

describe('message keys (locales/en common, labels, messages, routing)', () => {
  it('every key is named somewhere in src/', () => {
    const named = new Set(sourceLiterals().map((l) => l.text));
    expect(englishMessageKeys().filter((key) => !named.has(key))).toEqual([]);
  });
});

/** Every `${t.<key>}` of a template as `<card>.<lists…>.<key>`, the lists being the `$data` repeats it sits in. */
function boundWords(card: string, template: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown, scope: string): void => {
    if (Array.isArray(node)) return node.forEach((child) => walk(child, scope));
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    const list = typeof record.$data === 'string' ? /^\$\{([A-Za-z][A-Za-z0-9]*)\}$/.exec(record.$data)?.[1] : undefined;
    const inner = list ? `${scope}${list}.` : scope;
    for (const value of Object.values(record)) {
      if (typeof value === 'string') for (const m of value.matchAll(/\$\{t\.([A-Za-z0-9]+)\}/g)) out.push(`${inner}${m[1]}`);
      else walk(value, inner);
    }
  };
  walk(template, `${card}.`);
  return out;
}

describe('card words (locales/en/cards.json)', () => {
  const templates = readdirSync(CARDS)
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(path.join(CARDS, f), 'utf8'))] as const);
  const bound = new Set(templates.flatMap(([card, template]) => boundWords(card, template)));
  const words = new Set(flatten(readBundle(DEFAULT_LOCALE, 'cards')).map(([key]) => key));

  it('every word is bound by its card, in its scope', () => {
    expect([...words].filter((key) => !bound.has(key))).toEqual([]);
  });

  it('every word a card binds exists (in the scope it is bound in)', () => {
    expect([...bound].filter((key) => !words.has(key))).toEqual([]);
  });
});
