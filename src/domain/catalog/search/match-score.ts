/**
 * A name's score for a query, in one place: the search, the ceilings it stops at and the tests'
 * reference all do this arithmetic in this order, so a ceiling computed from the best possible
 * inputs is never below a real score (floating-point addition and multiplication are monotonic).
 *
 * Half a point for matching every query word, the mean of its best match per query word, a bonus
 * for a name that is exactly the query, and a little for matching a large share of the name's words.
 */
export function matchScore(matched: number, queryWords: number, sum: number, exactName: boolean, nameWords: number): number {
  return (matched === queryWords ? 0.5 : 0) + 0.35 * (sum / queryWords) + (exactName ? 0.1 : 0) + 0.05 * Math.min(1, matched / nameWords);
}

/**
 * For each m, the largest sum of m of the query words' best matches, each added in query-word order
 * as a name's sum is (so it bounds every real sum exactly, ties included). Exact for up to 10 query
 * words; beyond that an upper bound with room for rounding.
 */
export function bestSums(bestOf: readonly number[]): Float64Array {
  const count = bestOf.length;
  const best = new Float64Array(count + 1);
  if (count <= 10) {
    for (let mask = 1; mask < 1 << count; mask++) {
      let sum = 0;
      let bits = 0;
      for (let t = 0; t < count; t++) {
        if (mask & (1 << t)) {
          sum += bestOf[t]!;
          bits++;
        }
      }
      if (sum > best[bits]!) best[bits] = sum;
    }
    return best;
  }
  const descending = [...bestOf].sort((a, b) => b - a);
  for (let m = 1; m <= count; m++) best[m] = (best[m - 1]! + descending[m - 1]!) * (1 + 1e-9) + 1e-9;
  return best;
}
