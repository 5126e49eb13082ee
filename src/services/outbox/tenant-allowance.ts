/**
 * This instance's share of the tenant's calls to Teams: calls claimed from the shared budget
 * (TenantBudgetStore) a few at a time and handed out one per call. One claim at a time per instance;
 * whoever asks meanwhile waits for it. A granted call is valid only in the second it was granted in:
 * what is left when the second ends is dropped, never carried over (that is what keeps every second
 * under the rate across instances: domain/delivery/shared-budget.ts).
 */
import type { TenantBudgetStore } from '../../domain/ports/tenant-budget';

export type Allowance = { readonly ok: true } | { readonly ok: false; readonly waitMs: number };

export interface TenantAllowanceOptions {
  readonly tenant: string;
  /** Calls claimed per round-trip at most (default 10: at 45 / s, about 5 writes a second per tenant). */
  readonly batch?: number;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * The longest a delivery waits here for the tenant's budget: the rest of a budget second and its tail.
 * A shorter wait than the outbox's poll would otherwise put the message back and end a manual run
 * (tests, the CLI) with it undelivered although a call was due a few milliseconds later.
 */
export const BUDGET_WAIT_MS = 1_100;

export class TenantAllowance {
  private left = 0;
  private untilMs = -1;
  private retryAtMs = 0;
  private claiming: Promise<void> | undefined;
  /** Claims made, calls granted, and granted calls whose second ended unused (for benchmarks and metrics). */
  readonly counts = { claims: 0, granted: 0, dropped: 0, refused: 0 };
  /** Callers waiting for a claim. */
  private waiting = 0;
  private readonly batch: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly store: TenantBudgetStore,
    private readonly options: TenantAllowanceOptions,
  ) {
    this.batch = Math.max(1, options.batch ?? 10);
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** One call, waiting for it while the wait ends within `maxWaitMs`; otherwise how long to wait. */
  async takeWithin(maxWaitMs = BUDGET_WAIT_MS): Promise<Allowance> {
    const deadline = this.now() + maxWaitMs;
    // Bounded in rounds too: a clock that does not move (a test's) must not keep this waiting.
    for (let round = 0; round < 8; round++) {
      const share = await this.take();
      if (share.ok || this.now() + share.waitMs > deadline) return share;
      await this.sleep(Math.max(1, share.waitMs));
    }
    return this.take();
  }

  /** One call now, or how long to wait for one. A storage failure is thrown (the call is not made). */
  async take(): Promise<Allowance> {
    for (let round = 0; round < 4; round++) {
      const now = this.now();
      if (this.left > 0 && now <= this.untilMs) {
        this.left -= 1;
        return { ok: true };
      }
      if (now < this.retryAtMs) return { ok: false, waitMs: this.retryAtMs - now };
      // Callers waiting when a claim starts are what it asks for (up to the batch): a claim never
      // takes calls nobody is there to make before its second ends.
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

  /** A call taken but not made (the conversation's own limit held it back): usable again until its second ends. */
  giveBack(): void {
    if (this.now() <= this.untilMs) this.left += 1;
  }

  private async claim(): Promise<void> {
    this.counts.dropped += this.left;
    this.left = 0;
    this.counts.claims += 1;
    const claim = await this.store.claim(this.options.tenant, Math.min(this.batch, Math.max(1, this.waiting)));
    if ('atMs' in claim) {
      this.left = claim.granted;
      this.counts.granted += claim.granted;
      this.untilMs = claim.untilMs;
    } else {
      this.counts.refused += 1;
      this.retryAtMs = claim.retryAtMs;
    }
  }
}
