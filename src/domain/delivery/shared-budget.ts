/**
 * One tenant's call budget shared by every instance (issue 19): fixed one-second windows (calendar
 * seconds of the clock), the calls granted in the current one kept in one storage row. An instance
 * claims a few calls at a time and may make them only until its second ends: what is left then is
 * dropped, never carried over, so no calendar second holds more than `rate` calls, whichever instance
 * makes them. Pure arithmetic with injected time; the row and its ETag-conditional updates are the
 * adapter's (storage/budget/table-tenant-budget.ts).
 *
 * Why not a sliding window: a call is made some milliseconds after it is granted, and under load that
 * delay varies by more than any margin worth paying for, so a sliding guarantee either wastes most
 * grants or costs a large share of the rate. Counted per second, the end of one second and the start
 * of the next can together exceed the rate in a second that straddles them; the headroom between the
 * configured rate (45) and Teams' 50 / s is for that.
 */

/** The calls granted in one second (the second = ms since the epoch / 1000, rounded down). */
export interface BudgetWindow {
  readonly second: number;
  readonly used: number;
}

export const BUDGET_SECOND_MS = 1_000;

/**
 * How much of each second's end grants nothing: the time a call may take from its grant to Teams (a
 * claim of the message's row, the conversation's reference, the request), with room for a busy machine.
 */
export const DEFAULT_BUDGET_TAIL_MS = 200;

export type BudgetDecision =
  | {
      readonly granted: number;
      /** The calls may be made from `atMs` up to `untilMs` (the second's end less its tail), inclusive. */
      readonly atMs: number;
      readonly untilMs: number;
      /** The row to write back. */
      readonly window: BudgetWindow;
    }
  | {
      readonly granted: 0;
      /** The start of the next second in which a call may be granted. */
      readonly retryAtMs: number;
    };

export function secondOf(ms: number): number {
  return Math.floor(ms / BUDGET_SECOND_MS);
}

/**
 * Up to `want` calls now, against the row's window. A row already in a later second (an instance
 * whose clock is ahead) grants nothing until that second has passed here too: the check only ever errs
 * on the side of fewer calls.
 */
export function decideGrant(row: BudgetWindow | undefined, nowMs: number, want: number, rate: number, tailMs = 0): BudgetDecision {
  const second = secondOf(nowMs);
  // The second's last `tailMs` grant nothing and end every grant early: a call made late in a second
  // would reach Teams in the next one, on top of that second's own calls.
  const lastMs = (second + 1) * BUDGET_SECOND_MS - 1 - tailMs;
  if (nowMs > lastMs) return { granted: 0, retryAtMs: (Math.max(second, row?.second ?? second) + 1) * BUDGET_SECOND_MS };
  if (row !== undefined && row.second > second) return { granted: 0, retryAtMs: (row.second + 1) * BUDGET_SECOND_MS };
  const used = row !== undefined && row.second === second ? row.used : 0;
  const granted = Math.max(0, Math.min(Math.floor(want), rate - used));
  if (granted === 0) return { granted: 0, retryAtMs: (second + 1) * BUDGET_SECOND_MS };
  return {
    granted,
    atMs: nowMs,
    untilMs: lastMs,
    window: { second, used: used + granted },
  };
}

/** The row's window back; an unreadable count is taken as the whole budget (never more calls than allowed). */
export function readWindow(second: unknown, used: unknown, rate: number): BudgetWindow | undefined {
  if (typeof second !== 'number' || !Number.isInteger(second)) return undefined;
  return { second, used: typeof used === 'number' && Number.isInteger(used) && used >= 0 && used <= rate ? used : rate };
}
