/**
 * The best `limit` hits seen so far, best first: by score, then by the ranking's tie-break. The order
 * is total, so the result does not depend on the order documents are offered in.
 */
export interface Ranked {
  readonly doc: number;
  readonly score: number;
}

export class TopHits {
  readonly hits: Ranked[] = [];

  constructor(
    private readonly limit: number,
    /** Whether document a goes before document b when they score the same. */
    private readonly precedes: (a: number, b: number) => boolean,
  ) {}

  get full(): boolean {
    return this.hits.length === this.limit;
  }

  /** The score a document must beat to get in (when full). */
  get lowest(): number {
    return this.hits[this.hits.length - 1]?.score ?? -Infinity;
  }

  consider(doc: number, score: number): void {
    const hits = this.hits;
    if (hits.length === this.limit && !this.before(doc, score, hits[this.limit - 1]!)) return;
    let at = hits.length;
    while (at > 0 && this.before(doc, score, hits[at - 1]!)) at--;
    hits.splice(at, 0, { doc, score });
    if (hits.length > this.limit) hits.pop();
  }

  private before(doc: number, score: number, other: Ranked): boolean {
    if (score !== other.score) return score > other.score;
    return this.precedes(doc, other.doc);
  }
}
