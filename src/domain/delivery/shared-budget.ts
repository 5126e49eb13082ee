/**
 * One tenant's call budget shared by every instance (issue 19): a sliding-window log of grants kept in
 * one storage row, each grant a number of calls an instance may make in a short "hold" after it. Pure
 * arithmetic with injected time; the row and its ETag-conditional updates are the adapter's
 * (storage/budget/table-tenant-budget.ts).
 *
 * Why the window is 1 s + the hold: a grant made at `at` lets its calls go at any instant in
 * [at, at + holdMs]. Any one second of calls then holds calls of grants made within 1 s + holdMs of
 * each other, so capping the grants in every such span at `rate` caps the calls in every second at
 * `rate`, whichever instance makes them and however they are spread inside their holds. Grants are
 * checked in the order they are written (the row's ETag orders them), each against every earlier one.
 */

/** Calls granted at an instant (ms since the epoch). */
export interface BudgetGrant {
  readonly atMs: number;
  readonly count: number;
}

export interface BudgetRules {
  /** Calls per second, summed over every instance. */
  readonly rate: number;
  /** How long after a grant its calls may be made (ms); the window is 1 s + this. */
  readonly holdMs: number;
}

export const BUDGET_SECOND_MS = 1_000;

export type BudgetDecision =
  | {
      readonly granted: number;
      /** The calls may be made from `atMs` up to `untilMs`, inclusive. */
      readonly atMs: number;
      readonly untilMs: number;
      /** The log to write back: the new grant and the grants still inside the window. */
      readonly grants: readonly BudgetGrant[];
    }
  | {
      readonly granted: 0;
      /** The earliest instant at which a grant of one call fits. */
      readonly retryAtMs: number;
    };

export function budgetSpanMs(rules: BudgetRules): number {
  return BUDGET_SECOND_MS + rules.holdMs;
}

/**
 * Up to `want` calls granted at `atMs` (now, or a little later so that the grant's hold is not spent
 * while it is being written), against the grants already in the log. Grants dated after `atMs` (an
 * instance whose clock is ahead) count too: the check only ever errs on the side of fewer calls.
 */
export function decideGrant(log: readonly BudgetGrant[], atMs: number, want: number, rules: BudgetRules): BudgetDecision {
  const span = budgetSpanMs(rules);
  const live = log.filter((g) => g.atMs > atMs - span && g.count > 0).sort((a, b) => a.atMs - b.atMs);
  const used = live.reduce((sum, g) => sum + g.count, 0);
  const granted = Math.max(0, Math.min(Math.floor(want), rules.rate - used));
  if (granted > 0) {
    // The log keeps two spans, so an instance whose clock is behind (by up to a span) still sees
    // the grants it must count.
    const kept = log.filter((g) => g.atMs > atMs - 2 * span && g.count > 0);
    return { granted, atMs, untilMs: atMs + rules.holdMs, grants: [...kept, { atMs, count: granted }] };
  }
  // Room for one call once the oldest grants have left the window: drop them in age order until the
  // rest leaves a call free; the last dropped leaves at its instant + span.
  let rest = used;
  let leaves = atMs + 1;
  for (const g of live) {
    if (rest <= rules.rate - 1) break;
    rest -= g.count;
    leaves = g.atMs + span;
  }
  return { granted: 0, retryAtMs: Math.max(atMs + 1, leaves) };
}

/** The log as the row keeps it: "at:count" pairs, comma-separated (at most 2 × `rate` of them). */
export function encodeGrants(grants: readonly BudgetGrant[]): string {
  return grants.map((g) => `${g.atMs}:${g.count}`).join(',');
}

/** The row's log back; a malformed pair counts as a full grant at its instant, or is skipped without one. */
export function decodeGrants(text: string | undefined, rules: BudgetRules): BudgetGrant[] {
  if (!text) return [];
  const grants: BudgetGrant[] = [];
  for (const pair of text.split(',')) {
    const [at, count] = pair.split(':');
    const atMs = Number(at);
    if (!Number.isFinite(atMs)) continue;
    const n = Number(count);
    // An unreadable count is taken as the whole budget: never more calls than the row allows.
    grants.push({ atMs, count: Number.isInteger(n) && n > 0 && n <= rules.rate ? n : rules.rate });
  }
  return grants;
}
