/**
 * The words of many names, numbered, for building the index in one pass. Catalog names share most
 * of their words, so each whitespace-separated piece of a name ("Expense", "Équipe", "(old)") is
 * normalised once per build and remembered as word numbers; a name is then the concatenation of its
 * pieces' words, with no regular expression run per name. Normalising piece by piece gives the same
 * words as normalising the whole name: nothing normalizeText does (camel-case split, accents, Hangul
 * composition, case, punctuation) looks across a space.
 *
 * What each name contributes is appended to flat lists of numbers (no object, array or string per
 * name), which keeps building 200,000 names clear of the garbage collector.
 */
import { STOP_WORDS, tokenize } from './text-normalization';

export class NameWordReader {
  /** The distinct words, by number. */
  readonly words: string[] = [];
  readonly wordIds = new Map<string, number>();
  /** Each name's distinct words (stop words included), in the order first met, name after name. */
  readonly distinctWords: number[] = [];
  /** Each name's key, name after name: its meaningful words in order (all of them when none is). */
  readonly keyWords: number[] = [];
  /** The last name read: how many distinct words its key has (at least 1), and the key's length as text. */
  wordCount = 0;
  keyLength = 0;
  private readonly stop: boolean[] = [];
  /** The last name (plus one) that counted each word, so a name counts each word once. */
  private readonly lastSeen: number[] = [];
  private readonly lastCounted: number[] = [];
  private readonly pieces = new Map<string, readonly number[]>();
  private readonly all: number[] = [];
  private names = 0;

  read(name: string): void {
    const stamp = ++this.names;
    const all = this.all;
    all.length = 0;
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
    let meaningful = 0;
    for (const w of all) {
      if (!this.stop[w]) meaningful++;
      if (this.lastSeen[w] === stamp) continue;
      this.lastSeen[w] = stamp;
      this.distinctWords.push(w);
    }
    let wordCount = 0;
    let keyLength = -1;
    for (const w of all) {
      if (meaningful > 0 && this.stop[w]) continue;
      this.keyWords.push(w);
      keyLength += this.words[w]!.length + 1;
      if (this.lastCounted[w] !== stamp) {
        this.lastCounted[w] = stamp;
        wordCount++;
      }
    }
    this.wordCount = Math.max(1, wordCount);
    this.keyLength = Math.max(0, keyLength);
  }

  /** Word numbers by spelling: rank[w] < rank[v] when word w sorts before word v. */
  ranks(): Int32Array {
    const sorted = Int32Array.from(this.words.keys()).sort((a, b) => (this.words[a]! < this.words[b]! ? -1 : 1));
    const rank = new Int32Array(this.words.length);
    sorted.forEach((w, i) => (rank[w] = i));
    return rank;
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
