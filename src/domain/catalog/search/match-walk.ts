/**
 * The names that match the most query words, best first, stopping as soon as no name left can get in.
 *
 * Phase m offers the names matching exactly m of the query's words (every word first, then one
 * fewer, and so on). Within one bucket of the document table (names with the same number of distinct
 * words) such a name scores at most a known ceiling (match-score.ts), and the documents come in
 * tie-break order. So once the top hits are full and their lowest beats the ceiling, or equals it and
 * goes before the next document of the bucket, the rest of the bucket cannot get in and is skipped.
 * The names are found by walking the query words' postings together, galloping forward to the next
 * document that at least m of them share, so a search reads a few postings past the hits it keeps
 * rather than every posting of its words: its cost follows the hits, not the catalog's size.
 */
import type { DocumentTable } from './document-table';
import { bestSums, matchScore } from './match-score';
import type { TopHits } from './top-hits';
import type { WordMatch } from './word-lookup';

const NONE = 0x7fffffff;

export class MatchWalk {
  private readonly count: number;
  /** Cursor k walks the postings of word cursorWord[k], matched with cursorScore[k]. */
  private readonly cursorWord: Int32Array;
  private readonly cursorScore: Float64Array;
  private readonly cursorPos: Int32Array;
  /** Query word t's cursors are tokenStart[t] .. tokenStart[t + 1]. */
  private readonly tokenStart: Int32Array;
  /** Per query word, the document its cursors are next on; and the same, sorted. */
  private readonly next: Int32Array;
  private readonly sorted: Int32Array;
  /** Steps the walk may take before counting every posting would be cheaper. */
  private budget: number;
  /** bestSum[m]: the best sum of m words' matches (match-score.ts). */
  private readonly bestSum: Float64Array;

  constructor(
    private readonly table: DocumentTable<unknown>,
    matches: readonly (readonly WordMatch[])[],
    /** The query's meaningful words by number, or undefined when one is not in the catalog's words. */
    private readonly queryKey: Int32Array | undefined,
    private readonly excluded: number | undefined,
  ) {
    this.count = matches.length;
    const total = matches.reduce((n, list) => n + list.length, 0);
    this.cursorWord = new Int32Array(total);
    this.cursorScore = new Float64Array(total);
    this.cursorPos = new Int32Array(total);
    this.tokenStart = new Int32Array(this.count + 1);
    this.next = new Int32Array(this.count);
    this.sorted = new Int32Array(this.count);
    let k = 0;
    const bestOf = matches.map((list, t) => {
      let best = 0;
      for (const { word, score } of list) {
        this.cursorWord[k] = word;
        this.cursorScore[k++] = score;
        if (score > best) best = score;
      }
      this.tokenStart[t + 1] = k;
      return best;
    });
    this.bestSum = bestSums(bestOf);
    let postings = 0;
    for (const w of this.cursorWord) postings += table.postingStart[w + 1]! - table.postingStart[w]!;
    this.budget = Math.max(postings / 16, 4096);
  }

  /**
   * Offers `top` every name that can rank; false when it gave up (then `top` is partial): a long query
   * whose best names match only a few of its words meets most of its postings at every step.
   */
  run(top: TopHits): boolean {
    const buckets = this.table.bucketStart.length - 1;
    for (let m = this.count; m >= 1; m--) {
      // The best a name matching m words can do, whatever its words: stop when the top beats it.
      if (this.done(top, this.ceiling(m, m === this.count ? this.count : 1), NONE)) return true;
      // The bucket whose names can be exactly the query first: it holds the highest scores.
      if (m === this.count && this.count < buckets) this.walkBucket(m, this.count, top);
      for (let w = 1; w < buckets; w++) if (m !== this.count || w !== this.count) this.walkBucket(m, w, top);
      if (this.budget < 0) return false;
    }
    return true;
  }

  /** What a name matching m query words with `words` distinct words can score at most. */
  private ceiling(m: number, words: number): number {
    return matchScore(m, this.count, this.bestSum[m]!, m === this.count && words === this.count, words);
  }

  private done(top: TopHits, ceiling: number, next: number): boolean {
    if (!top.full) return false;
    const lowest = top.hits[top.hits.length - 1]!;
    return lowest.score > ceiling || (lowest.score === ceiling && next !== NONE && this.table.precedes(lowest.doc, next));
  }

  private walkBucket(m: number, words: number, top: TopHits): void {
    const from = this.table.bucketStart[words]!;
    const to = this.table.bucketStart[words + 1]!;
    const ceiling = this.ceiling(m, words);
    if (from === to || this.done(top, ceiling, from)) return;
    const { postings, postingStart } = this.table;
    for (let k = 0; k < this.cursorPos.length; k++) {
      const w = this.cursorWord[k]!;
      this.cursorPos[k] = lowerBound(postings, postingStart[w]!, postingStart[w + 1]!, from);
    }
    let x = from;
    while (x < to) {
      if ((this.budget -= this.cursorPos.length) < 0) return;
      // The next document ≥ x that m query words share: the m-th smallest of where they are next.
      for (;;) {
        for (let t = 0; t < this.count; t++) this.next[t] = this.advance(t, x);
        const y = this.nthSmallest(m);
        if (y >= to) return;
        if (y === x) break;
        x = y;
        this.budget -= this.cursorPos.length;
      }
      let matched = 0;
      for (let t = 0; t < this.count; t++) if (this.next[t] === x) matched++;
      if (matched === m && x !== this.excluded) top.consider(x, this.score(x, m));
      x++;
      if (x < to && this.done(top, ceiling, x)) return;
    }
  }

  /** Moves query word t's cursors to the first document ≥ x; the smallest document they are on. */
  private advance(t: number, x: number): number {
    const { postings, postingStart } = this.table;
    let smallest = NONE;
    for (let k = this.tokenStart[t]!; k < this.tokenStart[t + 1]!; k++) {
      const end = postingStart[this.cursorWord[k]! + 1]!;
      let pos = this.cursorPos[k]!;
      if (pos < end && postings[pos]! < x) pos = gallop(postings, pos, end, x);
      this.cursorPos[k] = pos;
      if (pos < end && postings[pos]! < smallest) smallest = postings[pos]!;
    }
    return smallest;
  }

  /** The m-th smallest of `next` (insertion sort: a query has a handful of words). */
  private nthSmallest(m: number): number {
    const { next, sorted } = this;
    for (let i = 0; i < this.count; i++) {
      const value = next[i]!;
      let j = i;
      while (j > 0 && sorted[j - 1]! > value) {
        sorted[j] = sorted[j - 1]!;
        j--;
      }
      sorted[j] = value;
    }
    return sorted[m - 1]!;
  }

  /** The document's score; every query word's cursors are on or past it. */
  private score(doc: number, matched: number): number {
    const { postings, postingStart } = this.table;
    let sum = 0;
    for (let t = 0; t < this.count; t++) {
      let best = 0;
      for (let k = this.tokenStart[t]!; k < this.tokenStart[t + 1]!; k++) {
        const pos = this.cursorPos[k]!;
        const onDoc = pos < postingStart[this.cursorWord[k]! + 1]! && postings[pos] === doc;
        if (onDoc && this.cursorScore[k]! > best) best = this.cursorScore[k]!;
      }
      sum += best;
    }
    return matchScore(
      matched,
      this.count,
      sum,
      this.queryKey !== undefined && this.table.keyIs(doc, this.queryKey),
      this.table.wordCounts[doc]!,
    );
  }
}

/** The first position in [lo, hi) whose value is ≥ x, searching forward from lo in growing steps. */
function gallop(values: Int32Array, lo: number, hi: number, x: number): number {
  let step = 1;
  let bound = lo + 1;
  while (bound < hi && values[bound]! < x) {
    lo = bound + 1;
    step *= 2;
    bound = lo + step;
  }
  return lowerBound(values, lo, Math.min(bound + 1, hi), x);
}

function lowerBound(values: Int32Array, lo: number, hi: number, x: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
