/**
 * The index stops walking postings early and skips names that cannot rank; this checks, on thousands
 * of random catalogs and queries with many ties, that it returns exactly what scoring every document
 * returns (reference-search.ts): the same hits, in the same order, with the same scores.
 */
import { SearchIndex } from '../../../../src/domain/catalog/search/search-index';
import { ReferenceSearch } from './reference-search';

const VOCABULARY = [
  'expense',
  'expenses',
  'expens',
  'tracker',
  'trackers',
  'travel',
  'trail',
  'room',
  'rooms',
  'booking',
  'hr',
  'it',
  'ex',
  'exp',
  'v2',
  'app',
  'flow',
  'de',
  'la',
  'the',
  'équipe',
  'equipe',
  'Büro',
  'buro',
  '급여',
  '급여관리',
  '휴가',
  '신청',
  'inspection',
  'inspections',
  'onboarding',
  'onbaording',
  'x',
  '2025',
];

/** mulberry32: deterministic, so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function catalog(rnd: () => number, size: number): { id: string; name: string }[] {
  const pick = () => VOCABULARY[Math.floor(rnd() * VOCABULARY.length)]!;
  return Array.from({ length: size }, (_, i) => {
    const words = Array.from({ length: 1 + Math.floor(rnd() * 4) }, pick);
    // Some ids repeat across catalogs' case, some names repeat exactly.
    return { id: rnd() < 0.05 ? `Sol-${i % 7}` : `sol-${i}`, name: rnd() < 0.1 ? 'Expense Tracker' : words.join(' ') };
  });
}

function query(rnd: () => number, names: readonly { id: string; name: string }[]): string {
  const kind = Math.floor(rnd() * 6);
  const name = names[Math.floor(rnd() * names.length)]!.name;
  const words = name.split(' ');
  switch (kind) {
    case 0:
      return name;
    case 1:
      return words.map((w) => w.slice(0, 2 + Math.floor(rnd() * 3))).join(' ');
    case 2:
      return words.map((w) => (w.length > 4 ? w.slice(0, 2) + w.slice(3) : w)).join(' ');
    case 3:
      return `${words[0]} ${VOCABULARY[Math.floor(rnd() * VOCABULARY.length)]} zzzz`;
    case 4:
      return names[Math.floor(rnd() * names.length)]!.id;
    default:
      return [VOCABULARY[Math.floor(rnd() * VOCABULARY.length)], VOCABULARY[Math.floor(rnd() * VOCABULARY.length)]].join(' ');
  }
}

describe('search index and the scan it replaced', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('return the same hits, order and scores (seed %p)', (seed) => {
    const rnd = random(seed * 7919);
    for (let round = 0; round < 12; round++) {
      const names = catalog(rnd, 1 + Math.floor(rnd() * 300));
      const fast = SearchIndex.build(names, (d) => d);
      const slow = ReferenceSearch.build(names, (d) => d);
      for (let i = 0; i < 40; i++) {
        const q = query(rnd, names);
        const limit = [1, 3, 5, 8, 50][Math.floor(rnd() * 5)]!;
        const expected = slow.search(q, limit).map((h) => `${h.item.id}:${h.score}`);
        expect({ q, limit, hits: fast.search(q, limit).map((h) => `${h.item.id}:${h.score}`) }).toEqual({ q, limit, hits: expected });
      }
    }
  });
});

describe('search index on a large catalog with long queries', () => {
  it('returns what scoring every name returns when the walk gives way to counting every posting', () => {
    // Long queries whose best names share only some of their words: the walk would meet most postings
    // at every step, so the index counts them all instead (query-scorer.ts); both must agree.
    const rnd = random(4242);
    const words = VOCABULARY.slice(0, 30);
    const names = Array.from({ length: 20_000 }, (_, i) => ({
      id: `sol-${i}`,
      name: Array.from({ length: 2 + Math.floor(rnd() * 4) }, () => words[Math.floor(rnd() * words.length)]).join(' '),
    }));
    const fast = SearchIndex.build(names, (d) => d);
    const slow = ReferenceSearch.build(names, (d) => d);
    for (let i = 0; i < 30; i++) {
      const q = Array.from({ length: 5 + Math.floor(rnd() * 3) }, () => words[Math.floor(rnd() * words.length)]).join(' ');
      const limit = [3, 8, 20][i % 3]!;
      const expected = slow.search(q, limit).map((h) => `${h.item.id}:${h.score}`);
      expect({ q, hits: fast.search(q, limit).map((h) => `${h.item.id}:${h.score}`) }).toEqual({ q, hits: expected });
    }
  });
});
