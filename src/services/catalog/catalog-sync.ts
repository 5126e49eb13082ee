/**
 * The scheduled catalog sync: reads the configured CoE export, validates it exactly as the command
 * line import does (line-numbered report), writes only what changed (the import plan), and stores
 * the result for admins. With several instances exactly one syncs: it runs under a renewed lease
 * (`catalog-sync`), and the stored result's time keeps the interval across instances.
 */
import { CatalogSourceError, type CatalogSource } from '../../domain/ports/catalog-source';
import { SYNC_LIST_LIMIT, type SyncReport } from '../../domain/catalog/sync-report';
import type { Clock } from '../../domain/ports/clock';
import type { LeaseStore } from '../../domain/ports/leases';
import { RenewedLeases } from '../jobs/renewed-leases';
import type { CatalogService } from './catalog-service';
import { readCatalogFile } from './files/catalog-file';

export const SYNC_LEASE = 'catalog-sync';

export interface SyncStatusStore {
  read(): Promise<SyncReport | undefined>;
  save(report: SyncReport): Promise<void>;
}

export interface CatalogSyncDeps {
  readonly source: CatalogSource;
  readonly catalog: Pick<CatalogService, 'importRows'>;
  readonly status: SyncStatusStore;
  readonly leases: LeaseStore;
  readonly clock: Clock;
  readonly owner: string;
  readonly intervalMs: number;
  readonly leaseTtlMs?: number;
}

export type SyncRun = { readonly ran: false; readonly why: 'not-leader' | 'not-due' } | { readonly ran: true; readonly report: SyncReport };

export class CatalogSync {
  /** The sync's lease, renewed on a timer of its own while the job runs (a sync can take a while: Graph look-ups). */
  readonly leases: RenewedLeases;

  constructor(private readonly deps: CatalogSyncDeps) {
    this.leases = new RenewedLeases(deps.leases, deps.clock, { owner: deps.owner, names: [SYNC_LEASE], ttlMs: deps.leaseTtlMs });
  }

  async release(): Promise<void> {
    await this.leases.releaseAll();
  }

  /** How long the loop waits between two checks: a sync is never late by more than this. */
  get pollMs(): number {
    return Math.min(this.deps.intervalMs, 60_000);
  }

  /** Syncs if this instance holds the lease and the last sync (any instance's) is older than the interval. */
  async runOnce(options: { force?: boolean } = {}): Promise<SyncRun> {
    await this.leases.refresh();
    if (!this.leases.holds(SYNC_LEASE)) return { ran: false, why: 'not-leader' };
    const last = await this.deps.status.read();
    const now = this.deps.clock.now();
    if (!options.force && last && now.getTime() - Date.parse(last.startedAt) < this.deps.intervalMs) return { ran: false, why: 'not-due' };
    const report = await this.sync(now);
    await this.deps.status.save(report);
    return { ran: true, report };
  }

  private async sync(started: Date): Promise<SyncReport> {
    const base = { source: this.deps.source.description, startedAt: started.toISOString(), instance: this.deps.owner };
    const empty = { added: 0, updated: 0, unchanged: 0, rejected: 0, attention: 0 };
    try {
      const file = await this.deps.source.read();
      const parsed = readCatalogFile(file.text, file.format);
      // Like `import --partial`: the valid rows are written, the rejected ones reported.
      const report = await this.deps.catalog.importRows(parsed.rows, { partial: true });
      const { plan } = report;
      return {
        ...base,
        finishedAt: this.deps.clock.now().toISOString(),
        outcome: 'ok',
        counts: {
          added: plan.added.length,
          updated: plan.updated.length,
          unchanged: plan.unchanged.length,
          rejected: plan.rejected.length,
          attention: report.attention.length,
        },
        rejected: plan.rejected.slice(0, SYNC_LIST_LIMIT).map((r) => ({ line: r.line, ...(r.id ? { id: r.id } : {}), reasons: r.reasons })),
        attention: report.attention.slice(0, SYNC_LIST_LIMIT),
        warnings: report.warnings.slice(0, SYNC_LIST_LIMIT),
      };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const known = error instanceof CatalogSourceError || (error as { code?: string }).code === 'CATALOG_FILE_INVALID';
      return {
        ...base,
        finishedAt: this.deps.clock.now().toISOString(),
        outcome: 'failed',
        error: known ? reason : `the sync failed: ${reason}`,
        counts: empty,
        rejected: [],
        attention: [],
        warnings: [],
      };
    }
  }
}
