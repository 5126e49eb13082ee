/**
 * "Find my solution from what I remember of its name", in memory, over hundreds of thousands of names.
 *
 * Built once per catalog version: an inverted index (word → documents) in flat arrays, documents
 * numbered by their number of words and then in tie-break order (document-table.ts), and a lookup of
 * the vocabulary for exact words, word prefixes and typos (word-lookup.ts).
 *
 * Ranking, per query word the best match in the name: exact (1) > word prefix (0.8–0.9) >
 * one typo (0.65) > two typos (0.5). Names matching every query word always rank above names that
 * miss one; then match quality; then a name that is exactly the query; then shorter names.
 *
 * A search matches the query's words against the vocabulary (words, not documents), then walks those
 * words' postings together, names matching the most query words first, and stops as soon as no name
 * left can get into the top hits (match-walk.ts). The result is exactly what scoring every document
 * would give (test/unit/catalog/search/search-equivalence.test.ts), at a cost that follows the hits
 * rather than the catalog.
 */
import { DocumentTable, type SearchDocument } from './document-table';
import { MatchWalk } from './match-walk';
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

export class SearchIndex<T> {
  private readonly table: DocumentTable<T>;
  private readonly lookup: WordLookup;
  /** For the fallback (query-scorer.ts), made the first time one is needed. */
  private scratch: SearchScratch | undefined;

  private constructor(items: readonly T[], describe: (item: T) => SearchDocument) {
    this.table = new DocumentTable(items, describe);
    this.lookup = new WordLookup(this.table.words, this.table.wordIds);
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
    let top = new TopHits(limit, (a, b) => this.table.precedes(a, b));
    if (tokens.length > 0) {
      const matches = tokens.map((token) => this.lookup.matches(token));
      // A name is exactly the query when its meaningful words are the query's, in order, repeats included.
      const queryKey = this.queryKey(query);
      if (!new MatchWalk(this.table, matches, queryKey, byId).run(top)) {
        top = new TopHits(limit, (a, b) => this.table.precedes(a, b));
        this.countAll(new QueryScorer(this.table, (this.scratch ??= new SearchScratch(this.size)), matches, queryKey), byId, top);
      }
    }
    // Someone who pastes the solution's id gets exactly that solution first.
    if (byId !== undefined) top.consider(byId, 1);
    return top.hits.map(({ doc, score }) => ({ item: this.table.items[doc]!, score: Math.round(score * 1e4) / 1e4 }));
  }

  /** Every document sharing a word with the query counted, then offered by how many query words it matches, while it matters. */
  private countAll(scorer: QueryScorer, byId: number | undefined, top: TopHits): void {
    scorer.countMatches();
    try {
      for (let matched = scorer.count; matched >= 1; matched--) {
        for (let i = 0; i < scorer.touchedCount; i++) {
          const doc = scorer.touched(i);
          if (scorer.matchedBy(doc) === matched && doc !== byId) top.consider(doc, scorer.score(doc));
        }
        if (top.full && top.lowest > scorer.ceiling(matched - 1)) return;
      }
    } finally {
      scorer.release();
    }
  }

  /** The query's meaningful words by number (repeats included), or undefined when a name cannot be exactly the query. */
  private queryKey(query: string): Int32Array | undefined {
    const ids = queryWords(query).map((word) => this.table.wordIds.get(word) ?? -1);
    return ids.includes(-1) ? undefined : Int32Array.from(ids);
  }
}
