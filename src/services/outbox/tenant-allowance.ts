/**
 * This instance's share of the tenant's calls to Teams: calls claimed from the shared budget
 * (TenantBudgetStore) a few at a time and handed out one per call. One claim at a time per instance;
 * whoever asks meanwhile waits for it. A granted call is valid only inside its grant's hold: what is
 * left when the hold ends is dropped, never carried over (that is what keeps every second under the
 * rate across instances: domain/delivery/shared-budget.ts).
 */
import type { TenantBudgetStore } from '../../domain/ports/tenant-budget';

export type Allowance = { readonly ok: true } | { readonly ok: false; readonly waitMs: number };

export interface TenantAllowanceOptions {
  readonly tenant: string;
  /** Calls claimed per round-trip (default 10). */
  readonly batch?: number;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** The grant is dated this far ahead of the claim at most: a slow write should not spend its hold. */
const MAX_LEAD_MS = 100;

export class TenantAllowance {
  private left = 0;
  private fromMs = 0;
  private untilMs = -1;
  private retryAtMs = 0;
  private claiming: Promise<void> | undefined;
  /** The last claims' round-trip (ms), the lead of the next grant. */
  private roundTripMs = 0;
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

  /** One call now, or how long to wait for one. A storage failure is thrown (the call is not made). */
  async take(): Promise<Allowance> {
    for (let round = 0; round < 4; round++) {
      const now = this.now();
      if (this.left > 0 && now <= this.untilMs) {
        // A grant dated a little ahead (its lead, at most MAX_LEAD_MS): wait for it here.
        if (now < this.fromMs) {
          await this.sleep(this.fromMs - now);
          continue;
        }
        this.left -= 1;
        return { ok: true };
      }
      if (now < this.retryAtMs) return { ok: false, waitMs: this.retryAtMs - now };
      this.claiming ??= this.claim().finally(() => (this.claiming = undefined));
      await this.claiming;
    }
    return { ok: false, waitMs: 5 };
  }

  /** A call taken but not made (the conversation's own limit held it back): usable again inside its hold. */
  giveBack(): void {
    if (this.now() <= this.untilMs) this.left += 1;
  }

  private async claim(): Promise<void> {
    const started = this.now();
    const claim = await this.store.claim(this.options.tenant, this.batch, Math.min(MAX_LEAD_MS, this.roundTripMs));
    this.roundTripMs = Math.max(0, this.now() - started);
    if ('atMs' in claim) {
      this.left = claim.granted;
      this.fromMs = claim.atMs;
      this.untilMs = claim.untilMs;
    } else {
      this.left = 0;
      this.retryAtMs = claim.retryAtMs;
    }
  }
}
