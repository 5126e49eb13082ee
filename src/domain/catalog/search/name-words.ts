/**
 * The words of many names, numbered, for building the index in one pass. Catalog names share most
 * of their words, so each whitespace-separated piece of a name ("Expense", "Équipe", "(old)") is
 * normalised once per build and remembered as word numbers; a name is then the concatenation of its
 * pieces' words, with no regular expression run per name. Normalising piece by piece gives the same
 * words as normalising the whole name: nothing normalizeText does (camel-case split, accents, Hangul
 * composition, case, punctuation) looks across a space.
 */
import { STOP_WORDS, tokenize } from './text-normalization';

/** What one name contributes to the index. */
export interface NameWords {
  /** Its meaningful words joined by spaces (all of its words when none is meaningful). */
  readonly key: string;
  /** How many distinct words `key` has (at least 1). */
  readonly wordCount: number;
  /** Its distinct words (stop words included), by number, in the order first met. */
  readonly distinct: number[];
}

export class NameWordReader {
  /** The distinct words, by number. */
  readonly words: string[] = [];
  readonly wordIds = new Map<string, number>();
  private readonly stop: boolean[] = [];
  /** The last name (plus one) that counted each word, so a name counts each word once. */
  private readonly lastSeen: number[] = [];
  private readonly lastCounted: number[] = [];
  private readonly pieces = new Map<string, readonly number[]>();
  private names = 0;

  read(name: string): NameWords {
    const stamp = ++this.names;
    const all: number[] = [];
    let start = -1;
    for (let i = 0; i <= name.length; i++) {
      const c = i < name.length ? name.charCodeAt(i) : 32;
      const space = c === 32 || (c >= 9 && c <= 13);
      if (!space && start < 0) start = i;
      else if (space && start >= 0) {
        for (const w of this.piece(name.slice(start, i))) all.push(w);
        start = -1;
      }
    }
    const distinct: number[] = [];
    let meaningful = 0;
    for (const w of all) {
      if (!this.stop[w]) meaningful++;
      if (this.lastSeen[w] === stamp) continue;
      this.lastSeen[w] = stamp;
      distinct.push(w);
    }
    const keep = meaningful > 0 ? (w: number) => !this.stop[w] : () => true;
    let key = '';
    let wordCount = 0;
    for (const w of all) {
      if (!keep(w)) continue;
      key = key === '' ? this.words[w]! : `${key} ${this.words[w]!}`;
      if (this.lastCounted[w] !== stamp) {
        this.lastCounted[w] = stamp;
        wordCount++;
      }
    }
    return { key, wordCount: Math.max(1, wordCount), distinct };
  }

  private piece(text: string): readonly number[] {
    let ids = this.pieces.get(text);
    if (ids === undefined) {
      ids = tokenize(text).map((token) => this.intern(token));
      this.pieces.set(text, ids);
    }
    return ids;
  }

  private intern(token: string): number {
    let w = this.wordIds.get(token);
    if (w === undefined) {
      w = this.words.push(token) - 1;
      this.wordIds.set(token, w);
      this.stop.push(STOP_WORDS.has(token));
      this.lastSeen.push(0);
      this.lastCounted.push(0);
    }
    return w;
  }
}
