/**
 * Properties of the search index on generated catalogs (fast-check): what people rely on whatever the
 * names are. The index stops walking postings early and renumbers documents; a mistake there shows as
 * an exact name not found first, a typo no longer found, or a result that differs from scoring every
 * name (reference-search.ts).
 */
import fc from 'fast-check';
import { boundedDistance, maxEditsFor } from '../../../../src/domain/catalog/search/edit-distance';
import { SearchIndex } from '../../../../src/domain/catalog/search/search-index';
import { STOP_WORDS, queryWords } from '../../../../src/domain/catalog/search/text-normalization';
import { ReferenceSearch } from './reference-search';

interface Doc {
  readonly id: string;
  readonly name: string;
}

/** Words over a small alphabet, so names share words, prefixes and near-misses. */
const latinWord = fc.string({ unit: fc.constantFrom(...'abeilnorst'), minLength: 3, maxLength: 9 }).filter((w) => !STOP_WORDS.has(w));
const accentedWord = fc
  .string({ unit: fc.constantFrom(...'aeéüåñöbrst'), minLength: 3, maxLength: 8 })
  .filter((w) => !STOP_WORDS.has(key(w)));
const hangulWord = fc.string({ unit: fc.constantFrom(...'경비보고서급여휴가신청관리'), minLength: 1, maxLength: 4 });

/** Names of 1–4 distinct words; no two names with the same set of words (so "exactly this name" is one name). */
function catalog(word: fc.Arbitrary<string>, maxNames: number): fc.Arbitrary<Doc[]> {
  return fc
    .array(fc.uniqueArray(word, { minLength: 1, maxLength: 4, selector: (w) => key(w) }), { minLength: 1, maxLength: maxNames })
    .map((names) => {
      const seen = new Set<string>();
      return names
        .filter((words) => {
          const set = [...new Set(words.map(key))].sort().join(' ');
          if (set === '' || seen.has(set)) return false;
          seen.add(set);
          return true;
        })
        .map((words, i) => ({ id: `sol-${i}`, name: words.join(' ') }));
    });
}

function key(text: string): string {
  return queryWords(text).join(' ');
}

const search = (docs: readonly Doc[], query: string, limit = 8) =>
  SearchIndex.build(docs, (d) => d)
    .search(query, limit)
    .map((h) => h.item);

describe('search properties', () => {
  it.each([
    ['Latin', latinWord],
    ['accented', accentedWord],
    ['Hangul', hangulWord],
  ])('finds every %s name first when it is typed as it is', (_, word) => {
    fc.assert(
      fc.property(catalog(word, 60), fc.nat(), (docs, pick) => {
        const target = docs[pick % docs.length]!;
        expect(search(docs, target.name)[0]?.id).toBe(target.id);
      }),
      { numRuns: 60 },
    );
  });

  it('finds an accented name first typed without accents, in capitals', () => {
    fc.assert(
      fc.property(catalog(accentedWord, 60), fc.nat(), (docs, pick) => {
        const target = docs[pick % docs.length]!;
        const plain = target.name
          .normalize('NFD')
          .replace(/\p{M}+/gu, '')
          .toUpperCase();
        expect(search(docs, plain)[0]?.id).toBe(target.id);
      }),
      { numRuns: 60 },
    );
  });

  it('finds a name in the top 3 with one typo in a word of 5 letters or more', () => {
    const edit = fc.record({
      kind: fc.constantFrom('delete', 'insert', 'replace', 'swap'),
      at: fc.nat(),
      letter: fc.constantFrom(...'xyz'),
    });
    fc.assert(
      fc.property(catalog(latinWord, 80), fc.nat(), fc.nat(), edit, (docs, pick, wordPick, { kind, at, letter }) => {
        const target = docs[pick % docs.length]!;
        const words = target.name.split(' ');
        const long = words.filter((w) => w.length >= 5);
        fc.pre(long.length > 0);
        const word = long[wordPick % long.length]!;
        const i = 1 + (at % (word.length - 2));
        const typo =
          kind === 'delete'
            ? word.slice(0, i) + word.slice(i + 1)
            : kind === 'insert'
              ? word.slice(0, i) + letter + word.slice(i)
              : kind === 'replace'
                ? word.slice(0, i) + letter + word.slice(i + 1)
                : word.slice(0, i - 1) + word[i] + word[i - 1] + word.slice(i + 1);
        // The typo must not be (a prefix of, or a typo of) some other word of the catalog: then that name may rightly win.
        const vocabulary = new Set(docs.flatMap((d) => d.name.split(' ')));
        vocabulary.delete(word);
        fc.pre(typo !== word && !STOP_WORDS.has(typo));
        fc.pre([...vocabulary].every((v) => !v.startsWith(typo) && boundedDistance(typo, v, 2) > maxEditsFor(typo.length)));
        const query = words.map((w) => (w === word ? typo : w)).join(' ');
        expect(
          search(docs, query, 3)
            .map((d) => d.id)
            .includes(target.id),
        ).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('finds a solution first by its id, whatever its name', () => {
    fc.assert(
      fc.property(catalog(latinWord, 60), fc.nat(), (docs, pick) => {
        const target = docs[pick % docs.length]!;
        expect(search(docs, target.id.toUpperCase())[0]?.id).toBe(target.id);
      }),
      { numRuns: 40 },
    );
  });

  it('returns exactly what scoring every name returns, on catalogs with many ties', () => {
    // Few words, so thousands of names share them and the walk stops early within buckets of equal scores.
    const tied = fc.constantFrom('expense', 'expenses', 'tracker', 'trakcer', 'room', 'hr', 'la', 'équipe', '급여', 'v2');
    const names = fc.array(fc.array(tied, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 1500 });
    const query = fc.array(fc.oneof(tied, fc.constantFrom('exp', 'trac', 'expnse', 'zzzz', 'equipe')), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(names, query, fc.constantFrom(1, 3, 8, 20), (words, q, limit) => {
        const docs = words.map((w, i) => ({ id: `sol-${i % 500}`, name: w.join(' ') }));
        const text = q.join(' ');
        const hits = (index: { search(q: string, l: number): { item: Doc; score: number }[] }) =>
          index.search(text, limit).map((h) => `${h.item.id}|${h.item.name}|${h.score}`);
        expect(hits(SearchIndex.build(docs, (d) => d))).toEqual(hits(ReferenceSearch.build(docs, (d) => d)));
      }),
      { numRuns: 60 },
    );
  });
});
