/**
 * One tenant's call budget shared by every instance (issue 19), as a schedule: the calls to Teams are
 * given instants `1000 / rate` ms apart, and one storage row keeps the next free instant. An instance
 * claims a few consecutive instants in one ETag-conditional write and makes each call at its instant
 * (or up to `lateMs` after it; a later one is dropped, never made). Pure arithmetic with injected time;
 * the row is the adapter's (storage/budget/table-tenant-budget.ts), the waiting TenantAllowance's.
 *
 * Why a schedule and not a count per second: Teams counts the calls in any one-second span. Calls
 * counted per calendar second all start when the second does, so the end of one second and the start
 * of the next add up in a span that straddles them (55–76 calls against Teams' 50 at a rate of 45,
 * measured), and each 429 costs a retry. Instants spaced evenly put at most
 * `floor((1000 + late) / interval) + 1` calls in any one-second span, `late` being how late a call
 * reaches Teams after its instant: at 45 / s and 100 ms late at most, 50, which is Teams' limit. Time not used is not saved up: a schedule that fell behind
 * the clock restarts at now, so there is never a burst.
 */

/** The row: the earliest instant (ms since the epoch, fractional) at which the next call may be made. */
export interface BudgetSchedule {
  readonly nextMs: number;
}

/** How far ahead of now instants are handed out (a claim's instants all lie within it). */
export const DEFAULT_BUDGET_AHEAD_MS = 1_000;

/**
 * How late after its instant a call may still be made. With the way to Teams it bounds the calls in
 * any one-second span (above): at the default rate of 45 and Teams' 50, the two together may take
 * 100 ms; a quarter is left for the request's own way there. Shorter drops more instants when the
 * event loop is busy (measured: 50 ms lost a fifth of the rate at load 4); longer lets a 429 through.
 */
export const DEFAULT_BUDGET_LATE_MS = 75;

/** A row's instant further ahead than this is not believed (a clock far off, or a damaged row). */
export const MAX_SCHEDULE_SKEW_MS = 60_000;

export type BudgetDecision =
  | {
      readonly granted: number;
      /** The first instant; the others follow `intervalMs` apart. */
      readonly firstAtMs: number;
      readonly intervalMs: number;
      /** The row to write back. */
      readonly schedule: BudgetSchedule;
    }
  | {
      readonly granted: 0;
      /** The earliest instant at which a claim can be granted something. */
      readonly retryAtMs: number;
    };

export function intervalOf(rate: number): number {
  return 1_000 / Math.max(1, rate);
}

/**
 * Up to `want` instants from the row's next free one (or now, if that has passed), none further than
 * `aheadMs` ahead of now. An instance whose clock is behind the row's waits for the row's instant by
 * its own clock: the check only ever errs on the side of fewer calls.
 */
export function decideGrant(
  row: BudgetSchedule | undefined,
  nowMs: number,
  want: number,
  rate: number,
  aheadMs = DEFAULT_BUDGET_AHEAD_MS,
): BudgetDecision {
  const intervalMs = intervalOf(rate);
  const next = row === undefined || row.nextMs < nowMs || row.nextMs > nowMs + MAX_SCHEDULE_SKEW_MS ? nowMs : row.nextMs;
  const room = Math.floor((nowMs + aheadMs - next) / intervalMs) + 1;
  const granted = Math.max(0, Math.min(Math.floor(want), room));
  if (granted === 0) return { granted: 0, retryAtMs: Math.max(nowMs + 1, next - aheadMs) };
  return { granted, firstAtMs: next, intervalMs, schedule: { nextMs: next + granted * intervalMs } };
}

/** The instants of a granted claim. */
export function instantsOf(firstAtMs: number, intervalMs: number, granted: number): number[] {
  return Array.from({ length: granted }, (_, i) => firstAtMs + i * intervalMs);
}

/** The row's schedule back; anything unreadable is no schedule (the next claim starts at now). */
export function readSchedule(nextMs: unknown): BudgetSchedule | undefined {
  return typeof nextMs === 'number' && Number.isFinite(nextMs) ? { nextMs } : undefined;
}
