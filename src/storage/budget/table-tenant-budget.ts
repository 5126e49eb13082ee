import type { TableClient } from '@azure/data-tables';
import { DEFAULT_BUDGET_TAIL_MS, decideGrant, readWindow, type BudgetWindow } from '../../domain/delivery/shared-budget';
import type { BudgetClaim, TenantBudgetStore } from '../../domain/ports/tenant-budget';
import { getOrUndefined, isStatus, unavailable } from '../table-calls';

interface BudgetRow {
  partitionKey: string;
  rowKey: string;
  /** The second whose calls are counted (ms since the epoch / 1000), and how many were granted in it. */
  second: number;
  used: number;
}

/** The budget rows live in the Leases table, in a partition of their own: one row per tenant. */
const PARTITION = 'tenant-budget';

export interface TableTenantBudgetOptions {
  /** The end of every second that grants nothing (default DEFAULT_BUDGET_TAIL_MS, shared-budget.ts). */
  readonly tailMs?: number;
  /** Lost races retried before answering "retry shortly" (default 6). */
  readonly retries?: number;
  /** Now, in ms since the epoch (tests pass a controllable one). */
  readonly now?: () => number;
  readonly random?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * The shared budget in one row per tenant (the current second and the calls granted in it), changed only with its ETag: of two instances claiming at
 * once, one writes and the other gets 412, reads the row again and decides again on what the first
 * wrote (after a short random pause, so they do not collide again in step). The row's last known
 * version is kept, so a claim that nobody raced costs one write and no read. Every call has the
 * storage deadline of the client it is given (deadline-policy.ts).
 */
export class TableTenantBudget implements TenantBudgetStore {
  private known = new Map<string, { window: BudgetWindow | undefined; etag: string }>();
  private readonly retries: number;
  private readonly tailMs: number;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly table: TableClient,
    /** Calls per second, summed over every instance. */
    private readonly rate: number,
    options: TableTenantBudgetOptions = {},
  ) {
    this.retries = options.retries ?? 6;
    this.tailMs = options.tailMs ?? DEFAULT_BUDGET_TAIL_MS;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  async claim(tenant: string, want: number): Promise<BudgetClaim> {
    const what = `tenant budget ${tenant}`;
    for (let attempt = 0; attempt <= this.retries; attempt++) {
      const known = this.known.get(tenant) ?? (await this.read(tenant, what));
      const decision = decideGrant(known?.window, this.now(), want, this.rate, this.tailMs);
      // Full on the version we know: in this second the row can only count more calls, never fewer.
      if (!('atMs' in decision)) return decision;
      const row: BudgetRow = { partitionKey: PARTITION, rowKey: tenant, ...decision.window };
      try {
        const answer = known ? await this.table.updateEntity(row, 'Replace', { etag: known.etag }) : await this.table.createEntity(row);
        if (answer.etag) this.known.set(tenant, { window: decision.window, etag: answer.etag });
        else this.known.delete(tenant);
        return { granted: decision.granted, atMs: decision.atMs, untilMs: decision.untilMs };
      } catch (error) {
        this.known.delete(tenant);
        // 412: another instance wrote since; 409: it created the row first; 404: the row was deleted.
        if (!isStatus(error, 'changed', 'exists', 'gone')) throw unavailable(what, error);
        await this.sleep(Math.floor(this.random() * (5 + 5 * attempt)));
      }
    }
    return { granted: 0, retryAtMs: this.now() + 5 + Math.floor(this.random() * 10) };
  }

  private async read(tenant: string, what: string): Promise<{ window: BudgetWindow | undefined; etag: string } | undefined> {
    const row = await getOrUndefined<BudgetRow>(this.table, PARTITION, tenant, what);
    if (row === undefined) return undefined;
    const known = { window: readWindow(row.second, row.used, this.rate) ?? { second: 0, used: 0 }, etag: row.etag };
    this.known.set(tenant, known);
    return known;
  }
}
