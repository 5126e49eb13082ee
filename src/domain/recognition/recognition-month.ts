/**
 * The months the makers' thank-you cards are about. A month is a calendar month in UTC, because the
 * report counters it reads are per UTC day (domain/reports/report-tallies.ts): a request answered
 * at 00:30 in Paris on 1 December counts in November when it is still 23:30 UTC. A month's cards go
 * once it has ended and a grace period has passed, so the aggregator has folded its last day.
 */
import type { ReportPeriod } from '../reports/report-period';

/** `YYYY-MM`. */
export type Month = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): boolean {
  return MONTH.test(value);
}

/** The UTC month an instant falls in. */
export function monthOf(at: Date): Month {
  return at.toISOString().slice(0, 7);
}

function parts(month: Month): { year: number; index: number } {
  const m = MONTH.exec(month);
  if (!m) throw new Error(`not a month: ${month}`);
  return { year: Number(m[1]), index: Number(m[2]) - 1 };
}

/** The month before `month` (January → December of the year before). */
export function previousMonth(month: Month): Month {
  const { year, index } = parts(month);
  return new Date(Date.UTC(year, index - 1, 1)).toISOString().slice(0, 7);
}

/** The month's first and last UTC day, inclusive (28 to 31 days, leap years included). */
export function monthPeriod(month: Month): ReportPeriod {
  const { year, index } = parts(month);
  const from = new Date(Date.UTC(year, index, 1)).toISOString().slice(0, 10);
  const to = new Date(Date.UTC(year, index + 1, 0)).toISOString().slice(0, 10);
  return { from, to };
}

/** The instant a month ends (the first instant of the next one). */
export function monthEnd(month: Month): Date {
  const { year, index } = parts(month);
  return new Date(Date.UTC(year, index + 1, 1));
}

/**
 * The month whose cards are due at `now`: the latest month that ended at least `graceMs` ago. Only
 * that one: a job that was off for a while does not thank people for long-gone months.
 */
export function dueMonth(now: Date, graceMs: number): Month {
  return previousMonth(monthOf(new Date(now.getTime() - graceMs)));
}

/** The month number (1-12) and year, for words. */
export function monthParts(month: Month): { year: number; month: number } {
  const { year, index } = parts(month);
  return { year, month: index + 1 };
}
