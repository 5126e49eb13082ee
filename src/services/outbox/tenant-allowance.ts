/**
 * This instance's share of the tenant's calls to Teams: instants claimed from the shared schedule
 * (TenantBudgetStore) a few at a time, each handed to one caller, who waits for it and then calls.
 * One claim at a time per instance; whoever asks meanwhile waits for it. An instant more than
 * `lateMs` past is dropped, never used: that is what bounds the calls in any one-second span across
 * instances (domain/delivery/shared-budget.ts).
 */
import { DEFAULT_BUDGET_LATE_MS, instantsOf } from '../../domain/delivery/shared-budget';
import type { TenantBudgetStore } from '../../domain/ports/tenant-budget';

/** A call's instant (`atMs`, to give back if the call is not made), or how long to wait for one. */
export type Allowance = { readonly ok: true; readonly atMs: number } | { readonly ok: false; readonly waitMs: number };

export interface TenantAllowanceOptions {
  readonly tenant: string;
  /** Instants claimed per round-trip at most (default 10: at 45 / s, about 5 writes a second per tenant). */
  readonly batch?: number;
  /** How late after its instant a call may still be made (default DEFAULT_BUDGET_LATE_MS). */
  readonly lateMs?: number;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * The longest a delivery waits here for its instant: the schedule hands out instants up to a second
 * ahead (DEFAULT_BUDGET_AHEAD_MS), and a little for the claim itself. A shorter wait than the outbox's
 * poll would otherwise put the message back and end a manual run (tests, the CLI) with it undelivered.
 */
export const BUDGET_WAIT_MS = 1_100;

/** Rounds of claims and waits one take goes through at most (a clock that does not move must not keep it waiting). */
const MAX_ROUNDS = 64;

export class TenantAllowance {
  /** Claimed instants not handed out yet, earliest first. */
  private instants: number[] = [];
  private retryAtMs = 0;
  private claiming: Promise<void> | undefined;
  /** Callers waiting for a claim: what the next claim asks for at least (up to the batch). */
  private waiting = 0;
  /** The last claim's size, and whether all its instants went to callers (then the next asks for twice as many). */
  private lastGranted = 0;
  private droppedAtLastClaim = 0;
  /** Claims made, instants granted, instants dropped unused (too late), claims refused (for benchmarks and metrics). */
  readonly counts = { claims: 0, granted: 0, dropped: 0, refused: 0 };
  private readonly batch: number;
  private readonly lateMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly store: TenantBudgetStore,
    private readonly options: TenantAllowanceOptions,
  ) {
    this.batch = Math.max(1, options.batch ?? 10);
    this.lateMs = Math.max(0, options.lateMs ?? DEFAULT_BUDGET_LATE_MS);
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /**
   * One call: waits for an instant and returns when it has come (an instant is at most a second and
   * a claim's write ahead). A refused claim's retry time is waited for only while it falls within
   * `maxWaitMs`; otherwise the answer is how long to wait. A storage failure is thrown (the call is
   * not made).
   */
  async takeWithin(maxWaitMs = BUDGET_WAIT_MS): Promise<Allowance> {
    const deadline = this.now() + maxWaitMs;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const now = this.now();
      this.dropLate(now);
      const at = this.instants[0];
      if (at !== undefined) {
        // Taken even past the deadline: it is at most a second ahead (DEFAULT_BUDGET_AHEAD_MS), and an
        // instant claimed for a caller who then leaves would only run out unused.
        this.instants.shift();
        if (at > now) await this.sleep(at - now);
        // Woken too late (a busy event loop): made now, the call would crowd the ones after it.
        if (this.now() > at + this.lateMs) {
          this.counts.dropped += 1;
          continue;
        }
        return { ok: true, atMs: at };
      }
      if (now < this.retryAtMs) {
        if (this.retryAtMs > deadline) return { ok: false, waitMs: this.retryAtMs - now };
        await this.sleep(this.retryAtMs - now);
        continue;
      }
      this.waiting += 1;
      try {
        this.claiming ??= this.claim().finally(() => (this.claiming = undefined));
        await this.claiming;
      } finally {
        this.waiting -= 1;
      }
    }
    return { ok: false, waitMs: 5 };
  }

  /** An instant taken but not used (the call was held back): another caller may use it while it is not too late. */
  giveBack(atMs: number): void {
    if (atMs + this.lateMs < this.now()) return;
    const i = this.instants.findIndex((t) => t > atMs);
    this.instants.splice(i === -1 ? this.instants.length : i, 0, atMs);
  }

  private dropLate(now: number): void {
    while (this.instants.length > 0 && this.instants[0]! + this.lateMs < now) {
      this.instants.shift();
      this.counts.dropped += 1;
    }
  }

  /**
   * Asks for the callers waiting now, or, while every instant claimed is used, for twice the last
   * claim (up to the batch): callers arrive one by one, and a claim of one each would cap the rate at
   * one call per storage round-trip. Instants that run out unused bring it back to the callers waiting.
   */
  private async claim(): Promise<void> {
    this.counts.claims += 1;
    const allUsed = this.instants.length === 0 && this.counts.dropped === this.droppedAtLastClaim;
    const want = Math.min(this.batch, Math.max(1, this.waiting - this.instants.length, allUsed ? 2 * this.lastGranted : 0));
    this.droppedAtLastClaim = this.counts.dropped;
    const claim = await this.store.claim(this.options.tenant, want);
    if ('firstAtMs' in claim) {
      this.instants.push(...instantsOf(claim.firstAtMs, claim.intervalMs, claim.granted));
      this.counts.granted += claim.granted;
      this.lastGranted = claim.granted;
    } else {
      this.lastGranted = 0;
      this.counts.refused += 1;
      this.retryAtMs = claim.retryAtMs;
    }
  }
}
