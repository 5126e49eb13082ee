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
  readonly ids: string[];
  /** Meaningful words of the name joined by spaces, for the exact-name bonus and tie-breaks. */
  readonly keys: string[];
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
    const givenIds: string[] = new Array<string>(n);
    const givenKeys: string[] = new Array<string>(n);
    const givenCounts = new Int32Array(n);
    const givenWords: number[][] = new Array<number[]>(n);
    let maxCount = 1;
    for (let i = 0; i < n; i++) {
      const { id, name } = describe(source[i]!);
      const read = reader.read(name);
      givenIds[i] = id;
      givenKeys[i] = read.key;
      givenCounts[i] = read.wordCount;
      givenWords[i] = read.distinct;
      if (read.wordCount > maxCount) maxCount = read.wordCount;
    }
    this.words = reader.words;
    this.wordIds = reader.wordIds;

    // The tie-break order, then a stable counting sort of it by word count.
    const byTie = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => {
      const keyA = givenKeys[a]!;
      const keyB = givenKeys[b]!;
      if (keyA.length !== keyB.length) return keyA.length - keyB.length;
      if (keyA !== keyB) return keyA < keyB ? -1 : 1;
      const idA = givenIds[a]!;
      const idB = givenIds[b]!;
      if (idA !== idB) return idA < idB ? -1 : 1;
      return a - b;
    });
    this.bucketStart = new Int32Array(maxCount + 2);
    for (let i = 0; i < n; i++) this.bucketStart[givenCounts[i]! + 1]! += 1;
    for (let w = 1; w <= maxCount + 1; w++) this.bucketStart[w]! += this.bucketStart[w - 1]!;
    const next = this.bucketStart.slice();
    const numberOf = new Int32Array(n);
    this.items = new Array<T>(n);
    this.ids = new Array<string>(n);
    this.keys = new Array<string>(n);
    this.wordCounts = new Int32Array(n);
    this.tieRank = new Int32Array(n);
    for (let rank = 0; rank < n; rank++) {
      const given = byTie[rank]!;
      const d = next[givenCounts[given]!]!++;
      numberOf[given] = d;
      this.items[d] = source[given]!;
      this.ids[d] = givenIds[given]!;
      this.keys[d] = givenKeys[given]!;
      this.wordCounts[d] = givenCounts[given]!;
      this.tieRank[d] = rank;
    }

    // Postings, filled in document order so each word's list is ascending.
    const counts = new Int32Array(this.words.length + 1);
    for (let i = 0; i < n; i++) for (const w of givenWords[i]!) counts[w + 1]! += 1;
    for (let w = 0; w < this.words.length; w++) counts[w + 1]! += counts[w]!;
    this.postingStart = counts;
    this.postings = new Int32Array(counts[this.words.length]!);
    const fill = counts.slice(0, this.words.length);
    for (let d = 0; d < n; d++) {
      for (const w of givenWords[byTie[this.tieRank[d]!]!]!) this.postings[fill[w]!++] = d;
    }
    // Of equal ids, the last one given is the one an id search finds.
    for (let i = 0; i < n; i++) this.byId.set(givenIds[i]!.toLowerCase(), numberOf[i]!);
  }

  get size(): number {
    return this.items.length;
  }

  /** Ranking's tie-break between equal scores: shorter key, then key, then id (then as given). */
  precedes(a: number, b: number): boolean {
    return this.tieRank[a]! < this.tieRank[b]!;
  }
}
