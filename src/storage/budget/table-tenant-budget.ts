import type { TableClient } from '@azure/data-tables';
import { DEFAULT_BUDGET_AHEAD_MS, decideGrant, readSchedule, type BudgetSchedule } from '../../domain/delivery/shared-budget';
import type { BudgetClaim, TenantBudgetStore } from '../../domain/ports/tenant-budget';
import { getOrUndefined, isStatus, unavailable } from '../table-calls';

interface BudgetRow {
  partitionKey: string;
  rowKey: string;
  /** The next free instant for a call (ms since the epoch, fractional). */
  nextMs: number;
}

/** The longest lead taken (a slow write is not a reason to hand out instants far ahead). */
const MAX_LEAD_MS = 250;

/** The budget rows live in the Leases table, in a partition of their own: one row per tenant. */
const PARTITION = 'tenant-budget';

export interface TableTenantBudgetOptions {
  /** How far ahead instants are handed out (default DEFAULT_BUDGET_AHEAD_MS, shared-budget.ts). */
  readonly aheadMs?: number;
  /** The lead taken before any write has been timed (default 25 ms; tests with a clock that does not move pass 0). */
  readonly leadMs?: number;
  /** Lost races retried before answering "retry shortly" (default 6). */
  readonly retries?: number;
  /** Now, in ms since the epoch (tests pass a controllable one). */
  readonly now?: () => number;
  readonly random?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * The shared schedule in one row per tenant (the next free instant for a call), changed only with its
 * ETag: of two instances claiming at once, one writes and the other gets 412, reads the row again and decides again on what the first
 * wrote (after a short random pause, so they do not collide again in step). The row's last known
 * version is kept, so a claim that nobody raced costs one write and no read. Every call has the
 * storage deadline of the client it is given (deadline-policy.ts).
 */
export class TableTenantBudget implements TenantBudgetStore {
  private known = new Map<string, { schedule: BudgetSchedule | undefined; etag: string }>();
  /**
   * How long a claim's write takes (a moving average): the instants are decided that far ahead of
   * now, so that they have not already passed when the claim comes back.
   */
  private leadMs: number;
  private readonly retries: number;
  private readonly aheadMs: number;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly table: TableClient,
    /** Calls per second, summed over every instance. */
    private readonly rate: number,
    options: TableTenantBudgetOptions = {},
  ) {
    this.leadMs = options.leadMs ?? 25;
    this.retries = options.retries ?? 6;
    this.aheadMs = options.aheadMs ?? DEFAULT_BUDGET_AHEAD_MS;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  async claim(tenant: string, want: number): Promise<BudgetClaim> {
    const what = `tenant budget ${tenant}`;
    for (let attempt = 0; attempt <= this.retries; attempt++) {
      const known = this.known.get(tenant) ?? (await this.read(tenant, what));
      const started = this.now();
      const decision = decideGrant(known?.schedule, started + this.leadMs, want, this.rate, this.aheadMs);
      // Nothing free soon enough on the version we know: another instance's write only moves it later.
      if (!('schedule' in decision)) return decision;
      const row: BudgetRow = { partitionKey: PARTITION, rowKey: tenant, ...decision.schedule };
      try {
        const answer = known ? await this.table.updateEntity(row, 'Replace', { etag: known.etag }) : await this.table.createEntity(row);
        this.leadMs = Math.min(MAX_LEAD_MS, 0.8 * this.leadMs + 0.2 * Math.max(0, this.now() - started));
        if (answer.etag) this.known.set(tenant, { schedule: decision.schedule, etag: answer.etag });
        else this.known.delete(tenant);
        return { granted: decision.granted, firstAtMs: decision.firstAtMs, intervalMs: decision.intervalMs };
      } catch (error) {
        this.known.delete(tenant);
        // 412: another instance wrote since; 409: it created the row first; 404: the row was deleted.
        if (!isStatus(error, 'changed', 'exists', 'gone')) throw unavailable(what, error);
        await this.sleep(Math.floor(this.random() * (5 + 5 * attempt)));
      }
    }
    return { granted: 0, retryAtMs: this.now() + 5 + Math.floor(this.random() * 10) };
  }

  private async read(tenant: string, what: string): Promise<{ schedule: BudgetSchedule | undefined; etag: string } | undefined> {
    const row = await getOrUndefined<BudgetRow>(this.table, PARTITION, tenant, what);
    if (row === undefined) return undefined;
    // A row of the earlier per-second shape has no instant: the next claim replaces it, under its ETag.
    const known = { schedule: readSchedule(row.nextMs), etag: row.etag };
    this.known.set(tenant, known);
    return known;
  }
}
