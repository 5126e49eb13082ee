/** One person's thank-you card for one month: their own figures, recorded once (ports/recognition.ts). */
import type { Helper } from '../reports/report-figures';
import type { Month } from './recognition-month';

export interface Thanks {
  /** Stable for the person and month: the record's and the DM's identity. */
  readonly id: string;
  readonly month: Month;
  readonly aadObjectId: string;
  readonly displayName: string;
  readonly answered: number;
  readonly resolved: number;
  /** Mean time from the request to their first answer, when they answered any. */
  readonly meanMs?: number;
  /** Solutions whose requests they answered or resolved (absent on rows counted before it was). */
  readonly solutions?: number;
  readonly createdAt: string;
}

/** How many solutions a person answered or resolved requests about, from a period's summed counters. */
export function solutionsOf(counts: Readonly<Record<string, number>>, aadObjectId: string): number {
  const prefix = `person|sol|${aadObjectId}|`;
  return Object.keys(counts).filter((key) => key.startsWith(prefix) && counts[key] > 0).length;
}

/** `id` is stable for the person and month (the job hashes them). */
export function thanksFor(id: string, month: Month, helper: Helper, at: Date, solutions = 0): Thanks {
  return {
    id,
    month,
    aadObjectId: helper.aadObjectId.toLowerCase(),
    displayName: helper.name ?? '',
    answered: helper.answered,
    resolved: helper.resolved,
    ...(helper.meanMs !== undefined ? { meanMs: helper.meanMs } : {}),
    ...(solutions > 0 ? { solutions } : {}),
    createdAt: at.toISOString(),
  };
}
