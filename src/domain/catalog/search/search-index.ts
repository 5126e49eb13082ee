/**
 * "Find my solution from what I remember of its name", in memory, over hundreds of thousands of names.
 *
 * Built once per catalog version: an inverted index (word → documents) in flat arrays
 * (document-table.ts) and a lookup of the vocabulary for exact words, word prefixes and typos
 * (word-lookup.ts).
 *
 * Ranking, per query word the best match in the name: exact (1) > word prefix (0.8–0.9) >
 * one typo (0.65) > two typos (0.5). Names matching every query word always rank above names that
 * miss one; then match quality; then a name that is exactly the query; then shorter names.
 *
 * A search matches the query's words against the vocabulary (words, not documents), counts along
 * those words' postings how many query words each document matches (integer work in typed arrays, no
 * scoring, no allocation per document), then scores only what can rank: the full matches, and only
 * when fewer of them exist than asked for, the names matching the most query words, stopping as soon
 * as names matching fewer words could not get in. The result is exactly what scoring every document
 * would give (test/unit/catalog/search/search-equivalence.test.ts), at a cost that follows the
 * postings of the query's words rather than the catalog.
 */
import { DocumentTable, type SearchDocument } from './document-table';
import { QueryScorer, SearchScratch } from './query-scorer';
import { queryTokens, queryWords } from './text-normalization';
import { TopHits } from './top-hits';
import { WordLookup } from './word-lookup';

export type { SearchDocument } from './document-table';
export { MATCH_SCORES } from './word-lookup';

export interface SearchHit<T> {
  readonly item: T;
  /** 0–1, higher is better. */
  readonly score: number;
}

/** Room for rounding when bounding what names that miss a word can score. */
const EPSILON = 1e-9;

export class SearchIndex<T> {
  private readonly table: DocumentTable<T>;
  private readonly lookup: WordLookup;
  private readonly scratch: SearchScratch;

  private constructor(items: readonly T[], describe: (item: T) => SearchDocument) {
    this.table = new DocumentTable(items, describe);
    this.lookup = new WordLookup(this.table.words, this.table.wordIds);
    this.scratch = new SearchScratch(this.table.size);
  }

  static build<T>(items: readonly T[], describe: (item: T) => SearchDocument): SearchIndex<T> {
    return new SearchIndex(items, describe);
  }

  get size(): number {
    return this.table.size;
  }

  search(query: string, limit = 10): SearchHit<T>[] {
    if (limit <= 0) return [];
    const byId = this.table.byId.get(query.trim().toLowerCase());
    const tokens = queryTokens(query);
    const top = new TopHits(limit, (a, b) => this.table.precedes(a, b));
    if (tokens.length > 0) {
      const matches = tokens.map((token) => this.lookup.matches(token));
      // A name is exactly the query when its meaningful words are the query's, in order, repeats included.
      const scorer = new QueryScorer(this.table, this.scratch, matches, queryWords(query).join(' '));
      try {
        this.rank(
          scorer,
          matches.map((list) => list.reduce((max, m) => Math.max(max, m.score), 0)),
          byId,
          top,
        );
      } finally {
        scorer.release();
      }
    }
    // Someone who pastes the solution's id gets exactly that solution first.
    if (byId !== undefined) top.consider(byId, 1);
    return top.hits.map(({ doc, score }) => ({ item: this.table.items[doc]!, score: Math.round(score * 1e4) / 1e4 }));
  }

  private rank(scorer: QueryScorer, bestOf: readonly number[], byId: number | undefined, top: TopHits): void {
    const count = bestOf.length;
    scorer.countMatches();
    // Full matches: they outrank every name that misses a word (0.5 points for matching them all).
    const fullMatches = bestOf.every((b) => b > 0);
    if (fullMatches) {
      this.considerMatching(count, scorer, byId, top);
      if (top.full) return;
    }
    // Fewer full matches than asked for: names matching the most query words first, while it matters.
    const descending = [...bestOf].sort((a, b) => b - a);
    for (let matched = count - 1; matched >= 1; matched--) {
      this.considerMatching(matched, scorer, byId, top);
      // What a name matching fewer words can score at most: its words matched at their best, all of its words matched.
      const fewer = matched - 1;
      const ceiling = 0.35 * (descending.slice(0, fewer).reduce((a, b) => a + b, 0) / count) + 0.05 + EPSILON;
      if (fewer === 0 || (top.full && top.lowest > ceiling)) return;
    }
  }

  /** Offers every document matching exactly `matched` query words. */
  private considerMatching(matched: number, scorer: QueryScorer, byId: number | undefined, top: TopHits): void {
    for (let i = 0; i < scorer.touchedCount; i++) {
      const doc = scorer.touched(i);
      if (scorer.matchedBy(doc) === matched && doc !== byId) top.consider(doc, scorer.score(doc));
    }
  }
}
