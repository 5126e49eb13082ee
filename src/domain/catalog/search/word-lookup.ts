/**
 * Which of the catalog's words a query word matches, and how well: exactly, as a word prefix, or
 * within a typo or two. Works on the vocabulary only (thousands of words, not the documents): prefixes
 * by binary search in the sorted words, typos through deletion neighbourhoods (SymSpell) and a bounded
 * edit distance on the few candidates.
 */
import { boundedDistance, deletions, maxEditsFor } from './edit-distance';

export const MATCH_SCORES = { exact: 1, prefixMin: 0.8, prefixMax: 0.9, oneTypo: 0.65, twoTypos: 0.5 } as const;
/** Shorter query words match only whole words (and typos, from four letters). */
const MIN_PREFIX = 2;

export interface WordMatch {
  /** The word's number in the vocabulary. */
  readonly word: number;
  /** 0–1: the best way this word matches the query word. */
  readonly score: number;
}

export class WordLookup {
  /** Word numbers sorted by spelling. */
  private readonly sorted: Int32Array;
  /** Deletion variant → the words that have it. */
  private readonly neighbourhoods = new Map<string, number[]>();

  constructor(
    private readonly words: readonly string[],
    private readonly wordIds: ReadonlyMap<string, number>,
  ) {
    this.sorted = Int32Array.from(words.keys()).sort((a, b) => (words[a]! < words[b]! ? -1 : words[a]! > words[b]! ? 1 : 0));
    words.forEach((word, w) => {
      for (const variant of deletions(word, maxEditsFor(word.length))) {
        const list = this.neighbourhoods.get(variant);
        if (list) list.push(w);
        else this.neighbourhoods.set(variant, [w]);
      }
    });
  }

  /** Every word `token` matches, each once, with its best score. */
  matches(token: string): WordMatch[] {
    const best = new Map<number, number>();
    const add = (word: number, score: number): void => {
      if (score > (best.get(word) ?? 0)) best.set(word, score);
    };
    const exact = this.wordIds.get(token);
    if (exact !== undefined) add(exact, MATCH_SCORES.exact);
    if (token.length >= MIN_PREFIX) {
      const spread = MATCH_SCORES.prefixMax - MATCH_SCORES.prefixMin;
      for (let i = this.lowerBound(token); i < this.sorted.length; i++) {
        const w = this.sorted[i]!;
        const word = this.words[w]!;
        if (!word.startsWith(token)) break;
        if (word !== token) add(w, MATCH_SCORES.prefixMin + (spread * token.length) / word.length);
      }
    }
    const maxEdits = maxEditsFor(token.length);
    if (maxEdits > 0) {
      const candidates = new Set<number>();
      for (const variant of deletions(token, maxEdits)) for (const w of this.neighbourhoods.get(variant) ?? []) candidates.add(w);
      for (const w of candidates) {
        const word = this.words[w]!;
        if (word === token) continue;
        const distance = boundedDistance(token, word, maxEdits);
        if (distance <= maxEdits) add(w, distance === 1 ? MATCH_SCORES.oneTypo : MATCH_SCORES.twoTypos);
      }
    }
    return [...best].map(([word, score]) => ({ word, score }));
  }

  private lowerBound(value: string): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.words[this.sorted[mid]!]! < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
