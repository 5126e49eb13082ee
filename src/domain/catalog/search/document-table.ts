/**
 * The catalog's names laid out for search, in flat typed arrays rather than an object, a Set or a
 * list per name: a search walks them without allocating.
 *
 * Documents are renumbered: grouped by how many distinct words the name has (a "bucket"), and within
 * a bucket in the ranking's tie-break order (shorter key, then key, then id, then as given). A word's
 * postings are therefore sorted that way too, which is what lets a search stop early: within a
 * bucket the documents it has not reached yet lose every tie (full-match-walk.ts).
 */
import { NameWordReader } from './name-words';

export interface SearchDocument {
  readonly id: string;
  readonly name: string;
}

export class DocumentTable<T> {
  /** Everything below is by document number (the renumbered order). */
  readonly items: T[];
  /** Document d's key (its meaningful words, see name-words.ts) is keyWords[keyStart[d] .. keyStart[d + 1]). */
  readonly keyStart: Int32Array;
  readonly keyWords: Int32Array;
  /** How many distinct meaningful words the name has (for the share of its words a query matches). */
  readonly wordCounts: Int32Array;
  /** Position in the ranking's tie-break order: lower goes first between equal scores. */
  readonly tieRank: Int32Array;
  /** Documents whose names have w distinct words are bucketStart[w] .. bucketStart[w + 1]. */
  readonly bucketStart: Int32Array;
  /** The distinct words, by number. */
  readonly words: string[];
  readonly wordIds: ReadonlyMap<string, number>;
  /** Word w's documents, in ascending order, are postings[postingStart[w] .. postingStart[w + 1]). */
  readonly postingStart: Int32Array;
  readonly postings: Int32Array;
  /** Documents by lower-cased id. */
  readonly byId = new Map<string, number>();

  constructor(source: readonly T[], describe: (item: T) => SearchDocument) {
    const n = source.length;
    const reader = new NameWordReader();
    const ids: string[] = new Array<string>(n);
    const counts = new Int32Array(n);
    const keyLengths = new Int32Array(n);
    const keyFrom = new Int32Array(n + 1);
    const wordsFrom = new Int32Array(n + 1);
    let maxCount = 1;
    for (let i = 0; i < n; i++) {
      const { id, name } = describe(source[i]!);
      ids[i] = id;
      reader.read(name);
      counts[i] = reader.wordCount;
      keyLengths[i] = reader.keyLength;
      keyFrom[i + 1] = reader.keyWords.length;
      wordsFrom[i + 1] = reader.distinctWords.length;
      if (reader.wordCount > maxCount) maxCount = reader.wordCount;
    }
    this.words = reader.words;
    this.wordIds = reader.wordIds;
    const givenKeys = Int32Array.from(reader.keyWords);
    const givenWords = Int32Array.from(reader.distinctWords);

    // The tie-break order: key length, key (word by word, which is the order of the keys as text:
    // words are letters and digits, all after the space between them), id, as given.
    const rank = reader.ranks();
    const byTie = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => {
      if (keyLengths[a] !== keyLengths[b]) return keyLengths[a]! - keyLengths[b]!;
      for (let p = keyFrom[a]!, q = keyFrom[b]!; p < keyFrom[a + 1]! && q < keyFrom[b + 1]!; p++, q++) {
        if (givenKeys[p] !== givenKeys[q]) return rank[givenKeys[p]!]! - rank[givenKeys[q]!]!;
      }
      const lengths = keyFrom[a + 1]! - keyFrom[a]! - (keyFrom[b + 1]! - keyFrom[b]!);
      if (lengths !== 0) return lengths;
      if (ids[a] !== ids[b]) return ids[a]! < ids[b]! ? -1 : 1;
      return a - b;
    });
    // Then a stable counting sort of that order by word count.
    this.bucketStart = new Int32Array(maxCount + 2);
    for (let i = 0; i < n; i++) this.bucketStart[counts[i]! + 1]! += 1;
    for (let w = 1; w <= maxCount + 1; w++) this.bucketStart[w]! += this.bucketStart[w - 1]!;
    const next = this.bucketStart.slice();
    const givenOf = new Int32Array(n);
    this.tieRank = new Int32Array(n);
    for (let r = 0; r < n; r++) {
      const d = next[counts[byTie[r]!]!]!++;
      givenOf[d] = byTie[r]!;
      this.tieRank[d] = r;
    }
    this.items = new Array<T>(n);
    this.wordCounts = new Int32Array(n);
    this.keyStart = new Int32Array(n + 1);
    this.keyWords = new Int32Array(givenKeys.length);
    const postingCounts = new Int32Array(this.words.length + 1);
    for (let d = 0, k = 0; d < n; d++) {
      const given = givenOf[d]!;
      this.items[d] = source[given]!;
      this.wordCounts[d] = counts[given]!;
      for (let p = keyFrom[given]!; p < keyFrom[given + 1]!; p++) this.keyWords[k++] = givenKeys[p]!;
      this.keyStart[d + 1] = k;
      for (let p = wordsFrom[given]!; p < wordsFrom[given + 1]!; p++) postingCounts[givenWords[p]! + 1]! += 1;
    }

    // Postings, filled in document order so each word's list is ascending.
    for (let w = 0; w < this.words.length; w++) postingCounts[w + 1]! += postingCounts[w]!;
    this.postingStart = postingCounts;
    this.postings = new Int32Array(givenWords.length);
    const fill = postingCounts.slice(0, this.words.length);
    for (let d = 0; d < n; d++) {
      const given = givenOf[d]!;
      for (let p = wordsFrom[given]!; p < wordsFrom[given + 1]!; p++) this.postings[fill[givenWords[p]!]!++] = d;
    }
    // Of equal ids, the last one given is the one an id search finds.
    const numberOf = new Int32Array(n);
    for (let d = 0; d < n; d++) numberOf[givenOf[d]!] = d;
    for (let i = 0; i < n; i++) this.byId.set(ids[i]!.toLowerCase(), numberOf[i]!);
  }

  get size(): number {
    return this.items.length;
  }

  /** Whether document d's key is exactly these words. */
  keyIs(d: number, words: Int32Array): boolean {
    const from = this.keyStart[d]!;
    if (this.keyStart[d + 1]! - from !== words.length) return false;
    for (let i = 0; i < words.length; i++) if (this.keyWords[from + i] !== words[i]) return false;
    return true;
  }

  /** Ranking's tie-break between equal scores: shorter key, then key, then id (then as given). */
  precedes(a: number, b: number): boolean {
    return this.tieRank[a]! < this.tieRank[b]!;
  }
}
