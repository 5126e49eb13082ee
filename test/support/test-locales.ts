/**
 * Test translations, for tests that must tell which language a card was rendered in while fr, sv and
 * ko still hold English placeholders (and stay meaningful once the real translations land).
 *
 * A protocol test loads them in place of the shipped fr/sv/ko resources (see locales.protocol.test.ts:
 * `jest.mock` of src/i18n/resources' `readAllBundles`, the real reader underneath). Each is a
 * *pseudo-translation* of the English: every value marked with its language (`⟦fr⟧`) and its
 * vowels accented ("Review your request" → "⟦fr⟧ Révíéw ýóúr ŕéqúéšt"), placeholders kept. So:
 * - a text carrying ⟦fr⟧ was rendered from the fr resources, one carrying ⟦ko⟧ from ko's;
 * - an English word of the resources left in what a French reader gets came from somewhere else:
 *   the English fallback, a wrong viewer, or words written in code (see `englishWordsIn`).
 * The commands are the phrases the translators reported, so requesters type French and Korean.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Bundle } from '../../src/i18n/resources';

type Lng = 'fr' | 'sv' | 'ko';
export const TEST_LANGUAGES: readonly Lng[] = ['fr', 'sv', 'ko'];

export function mark(lng: string): string {
  return `⟦${lng}⟧`;
}

/** The commands as the translators wrote them in their sentences (fr, sv, ko reports). */
export const TEST_COMMANDS: Readonly<Record<Lng, Readonly<Record<string, string>>>> = {
  fr: {
    newRequest: 'nouvelle demande',
    greeting: 'bonjour|salut',
    help: 'aide',
    myRequests: 'mes demandes',
    mySolutions: 'mes solutions',
    solutionLookup: 'solution {{name}}',
    openTickets: 'tickets ouverts',
    unassigned: 'non attribués',
    mine: 'mes tickets',
    severity: 'gravité',
    ticket: 'ticket',
  },
  sv: {
    newRequest: 'ny förfrågan',
    greeting: 'hej',
    help: 'hjälp',
    myRequests: 'mina förfrågningar|mina ärenden',
    mySolutions: 'mina lösningar',
    solutionLookup: 'lösning {{name}}',
    openTickets: 'öppna ärenden',
    unassigned: 'ej tilldelade',
    mine: 'mina ärenden',
    severity: 'allvarlighet',
    ticket: 'ärende',
  },
  ko: {
    newRequest: '새 요청',
    greeting: '안녕하세요|안녕',
    help: '도움말',
    myRequests: '내 요청',
    mySolutions: '내 솔루션',
    solutionLookup: '솔루션 {{name}}',
    openTickets: '열린 티켓',
    unassigned: '미할당',
    mine: '내 티켓',
    severity: '심각도',
    ticket: '티켓',
  },
};

const ACCENTS: Readonly<Record<string, string>> = {
  a: 'á',
  e: 'é',
  i: 'í',
  o: 'ó',
  u: 'ú',
  y: 'ý',
  r: 'ŕ',
  s: 'š',
  A: 'Á',
  E: 'É',
  I: 'Í',
  O: 'Ó',
  U: 'Ú',
  Y: 'Ý',
};

/** "⟦fr⟧ Révíéw {{name}}": marked, letters accented, `{{placeholders}}` left as they are. */
export function pseudo(value: string, lng: string): string {
  const parts = value.split(/(\{\{[^}]*\}\})/);
  return (
    mark(lng) +
    ' ' +
    parts.map((part) => (part.startsWith('{{') ? part : part.replace(/[aeiouyrsAEIOUY]/g, (c) => ACCENTS[c] ?? c))).join('')
  );
}

function pseudoBundle(bundle: Bundle, lng: string): Bundle {
  const out: Record<string, string | Bundle> = {};
  for (const [key, value] of Object.entries(bundle)) out[key] = typeof value === 'string' ? pseudo(value, lng) : pseudoBundle(value, lng);
  return out;
}

/** The shipped bundles with fr, sv and ko replaced by pseudo-translations of the English, and the translators' commands. */
export function withTestTranslations<T extends Record<string, Record<string, Bundle>>>(bundles: T): T {
  const out: Record<string, Record<string, Bundle>> = { ...bundles };
  for (const lng of TEST_LANGUAGES) {
    const english = bundles.en!;
    const translated: Record<string, Bundle> = {};
    for (const [namespace, bundle] of Object.entries(english)) translated[namespace] = pseudoBundle(bundle, lng);
    // Text people typed: never translated ("{{text}}" is what an older row held, as it is).
    translated.common = { ...translated.common, verbatim: '{{text}}', commands: TEST_COMMANDS[lng] };
    out[lng] = translated;
  }
  return out as T;
}

/** Words of four letters or more, lower case. */
function wordsOf(text: string): string[] {
  return (text.match(/[A-Za-z]{4,}/g) ?? []).map((w) => w.toLowerCase());
}

const ROOT = path.resolve(__dirname, '../..');

/**
 * The English words of the resources (not the command phrases), less those still written in card
 * templates: until the templates bind all their words from locales/<lng>/cards.json, their own
 * static English is left out of the check; once they do, this set is every English word.
 */
export function englishResourceWords(bundles: Record<string, Bundle>, alsoAllow: readonly string[] = []): Set<string> {
  const words = new Set<string>();
  const walk = (bundle: Bundle, at: string) => {
    for (const [key, value] of Object.entries(bundle)) {
      if (at === 'common.' && (key === 'commands' || key === 'verbatim')) continue;
      if (typeof value === 'string') for (const w of wordsOf(value.replace(/\{\{[^}]*\}\}/g, ' '))) words.add(w);
      else walk(value, `${at}${key}.`);
    }
  };
  for (const [namespace, bundle] of Object.entries(bundles)) walk(bundle, `${namespace}.`);
  for (const w of templateWords()) words.delete(w);
  for (const w of alsoAllow.flatMap(wordsOf)) words.delete(w);
  return words;
}

/** Static words of cards/*.json (string values outside `${…}` bindings, not property names). */
function templateWords(): Set<string> {
  const words = new Set<string>();
  const walk = (node: unknown, key = ''): void => {
    if (typeof node === 'string') {
      if (
        [
          'type',
          'version',
          '$schema',
          'verb',
          'id',
          'style',
          'size',
          'weight',
          'color',
          'spacing',
          'horizontalAlignment',
          'width',
          'associatedInputs',
          'mode',
          'url',
          'iconUrl',
        ].includes(key)
      )
        return;
      for (const w of wordsOf(node.replace(/\$\{[^}]*\}/g, ' '))) words.add(w);
    } else if (Array.isArray(node)) node.forEach((item) => walk(item, key));
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, k);
  };
  const dir = path.join(ROOT, 'cards');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) walk(JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
  return words;
}

/** Whole static strings of cards/*.json (no `${…}` in them): what a template still says in English itself. */
export function templateStatics(): Set<string> {
  const out = new Set<string>();
  const walk = (node: unknown, key = ''): void => {
    if (typeof node === 'string') {
      if (!node.includes('${') && /[A-Za-z]{2,}/.test(node) && !['type', 'version', '$schema', 'verb', 'id', 'style', 'url'].includes(key))
        out.add(node);
    } else if (Array.isArray(node)) node.forEach((item) => walk(item, key));
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, k);
  };
  const dir = path.join(ROOT, 'cards');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) walk(JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
  return out;
}

/** The English words (of `english`) in these texts. */
export function englishWordsIn(texts: readonly string[], english: ReadonlySet<string>): string[] {
  return [...new Set(texts.flatMap(wordsOf).filter((w) => english.has(w)))];
}
