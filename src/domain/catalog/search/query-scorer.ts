/**
 * One query against the document table, every document sharing a word with it counted: what a search
 * falls back to when the walk (match-walk.ts) would read more postings than this (a long query whose
 * best names match only some of its words). A single pass along the postings of the words each query
 * word matches records, per document, how many query words it matches and the sum of its best match
 * per query word (each query word's matches are walked best first, so the first time a document is
 * met for a query word is its best match for it). Scoring a document is then plain arithmetic on two
 * numbers. Uses scratch arrays owned by the index and zeroes what it touched in `release`, so a search
 * allocates nothing per document whatever the catalog's size.
 */
import type { DocumentTable } from './document-table';
import { bestSums, matchScore } from './match-score';
import type { WordMatch } from './word-lookup';

/** Per-index scratch, one slot per document; all zero between searches. */
export class SearchScratch {
  /** How many query words the document matches. */
  readonly matched: Uint16Array;
  /** The last query word (plus one) that counted the document, so each counts it once. */
  readonly countedBy: Uint16Array;
  /** The sum of the document's best match per query word, added in query-word order. */
  readonly sums: Float64Array;
  /** Documents counted so far, in the order first met. */
  readonly touched: Int32Array;

  constructor(documents: number) {
    this.matched = new Uint16Array(documents);
    this.countedBy = new Uint16Array(documents);
    this.sums = new Float64Array(documents);
    this.touched = new Int32Array(documents);
  }
}

export class QueryScorer {
  readonly count: number;
  /** bestSum[m]: the best sum of m query words' matches (match-score.ts). */
  private readonly bestSum: Float64Array;
  /** How many entries of scratch.touched this query filled. */
  touchedCount = 0;

  constructor(
    private readonly table: DocumentTable<unknown>,
    private readonly scratch: SearchScratch,
    /** Per query word, the words it matches. */
    private readonly matches: readonly (readonly WordMatch[])[],
    /** The query's meaningful words by number, or undefined when one is not in the catalog's words. */
    private readonly queryKey: Int32Array | undefined,
  ) {
    this.count = matches.length;
    this.bestSum = bestSums(matches.map((list) => list.reduce((max, m) => Math.max(max, m.score), 0)));
  }

  /** The most a document matching `matched` of the query words can score (0 for none). */
  ceiling(matched: number): number {
    if (matched === 0) return 0;
    return matchScore(matched, this.count, this.bestSum[matched]!, matched === this.count, 1);
  }

  /** The one pass over the postings (see above). */
  countMatches(): void {
    const { postings, postingStart } = this.table;
    const { matched, countedBy, sums, touched } = this.scratch;
    let touchedCount = 0;
    this.matches.forEach((list, t) => {
      const mark = t + 1;
      for (const { word, score } of [...list].sort((a, b) => b.score - a.score)) {
        for (let p = postingStart[word]!, end = postingStart[word + 1]!; p < end; p++) {
          const doc = postings[p]!;
          if (countedBy[doc] === mark) continue;
          countedBy[doc] = mark;
          if (matched[doc]++ === 0) touched[touchedCount++] = doc;
          sums[doc] += score;
        }
      }
    });
    this.touchedCount = touchedCount;
  }

  /** The i-th document countMatches met. */
  touched(i: number): number {
    return this.scratch.touched[i]!;
  }

  /** How many query words `doc` matches. */
  matchedBy(doc: number): number {
    return this.scratch.matched[doc]!;
  }

  /** The document's score (match-score.ts). */
  score(doc: number): number {
    const exact = this.queryKey !== undefined && this.table.keyIs(doc, this.queryKey);
    return matchScore(this.scratch.matched[doc]!, this.count, this.scratch.sums[doc]!, exact, this.table.wordCounts[doc]!);
  }

  /** Leaves the scratch arrays all zero again. */
  release(): void {
    const { matched, countedBy, sums, touched } = this.scratch;
    for (let i = 0; i < this.touchedCount; i++) {
      const doc = touched[i]!;
      matched[doc] = 0;
      countedBy[doc] = 0;
      sums[doc] = 0;
    }
    this.touchedCount = 0;
  }
}
