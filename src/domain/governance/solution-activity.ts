/**
 * What the report counters say about each solution over a window of days: the requests its users
 * made and how often its maker or co-owners let a request's timer run out. The under-supported job
 * reads these (never the requests themselves). Pure: no I/O.
 */
import type { DayCounts } from '../reports/report-tallies';

export interface SolutionActivity {
  /** Requests submitted for the solution (counter `req.sol|{id}`). */
  readonly requests: number;
  /** Requests handed on because the maker or co-owners did not answer in time (`timeout.sol|{id}`). */
  readonly timeouts: number;
}

export const NO_ACTIVITY: SolutionActivity = { requests: 0, timeouts: 0 };

const FIELDS = [
  ['req.sol|', 'requests'],
  ['timeout.sol|', 'timeouts'],
] as const;

/** Sums the per-solution counters of the given days. */
export function solutionActivity(days: Iterable<DayCounts>): Map<string, SolutionActivity> {
  const found = new Map<string, { requests: number; timeouts: number }>();
  for (const day of days) {
    for (const [key, value] of Object.entries(day.counts)) {
      for (const [prefix, field] of FIELDS) {
        if (!key.startsWith(prefix)) continue;
        const id = key.slice(prefix.length);
        const entry = found.get(id) ?? { requests: 0, timeouts: 0 };
        entry[field] += value;
        found.set(id, entry);
      }
    }
  }
  return found;
}

/** The window's first and last UTC day (`YYYY-MM-DD`), `days` days ending on the day of `now`. */
export function activityWindow(now: Date, days: number): { from: string; to: string } {
  const to = now.toISOString().slice(0, 10);
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  return { from, to };
}
