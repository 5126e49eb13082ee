/**
 * Typo tolerance: the optimal-string-alignment distance (Levenshtein plus adjacent transpositions,
 * "restricted Damerau-Levenshtein"), computed only up to a bound, and the deletion neighbourhoods
 * that find candidates within that bound without comparing against every word (SymSpell).
 */

/** Edits tolerated for a word of this length: none under 4 letters, 1 up to 7, 2 from 8. */
export function maxEditsFor(length: number): number {
  if (length < 4) return 0;
  return length < 8 ? 1 : 2;
}

/** The distance between a and b if it is at most `max`, otherwise `max + 1`. */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = b.length;
  let beforePrevious = new Array<number>(n + 1).fill(0);
  let previous = Array.from({ length: n + 1 }, (_, j) => j);
  let current = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, beforePrevious[j - 2]! + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    // Every later row is at least this row's minimum: stop as soon as the bound is out of reach.
    if (rowMin > max) return max + 1;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return Math.min(previous[n]!, max + 1);
}

/**
 * Every string obtained by deleting up to `depth` characters (including the word itself). Two words
 * within distance d of each other share a member of their depth-d neighbourhoods (a transposition is
 * one delete on each side), so the index looks a query word's neighbourhood up instead of scanning.
 */
export function deletions(word: string, depth: number): Set<string> {
  const result = new Set<string>([word]);
  let frontier = [word];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const w of frontier) {
      for (let i = 0; i < w.length; i++) {
        const shorter = w.slice(0, i) + w.slice(i + 1);
        if (!result.has(shorter)) {
          result.add(shorter);
          next.push(shorter);
        }
      }
    }
    frontier = next;
  }
  return result;
}
