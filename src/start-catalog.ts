/**
 * Composition of the catalog's outside connections: the Microsoft Graph directory (people named by
 * email or UPN) and the scheduled sync from a CoE export. Called by the composition root (start-bot.ts).
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { AppConfig } from './config/app-config';
import type { PeopleDirectory } from './domain/ports/people-directory';
import type { Logger } from './logging/logger';
import type { CatalogService } from './services/catalog/catalog-service';
import { CatalogSync } from './services/catalog/catalog-sync';
import type { Clock } from './domain/ports/clock';
import { BackgroundJob } from './services/jobs/background-job';
import { TableSyncStatus } from './storage/catalog/table-sync-status';
import { GraphPeopleDirectory } from './storage/directory/graph-people-directory';
import { appTokens, graphTokens } from './storage/directory/graph-tokens';
import { TableLeaseStore } from './storage/leases/table-lease-store';
import type { TableService } from './storage/table-service';

export interface CatalogSyncOptions {
  /** 'manual': no background loop; tests run syncs through onSync. Default 'auto'. */
  readonly background?: 'auto' | 'manual';
  readonly onSync?: (sync: CatalogSync) => void;
  readonly instanceId?: string;
}

export function createPeopleDirectory(config: AppConfig): PeopleDirectory | undefined {
  if (!config.graph) return undefined;
  const baseUrl = config.graph.baseUrl;
  return new GraphPeopleDirectory({ baseUrl, tokens: graphTokens(baseUrl, { kind: 'bot', bot: config.bot }) });
}

/** The sources load only when a sync is configured: @azure/storage-blob is large, and most runs never need it. */
export async function createCatalogSync(
  config: AppConfig,
  tables: TableService,
  catalog: CatalogService,
  clock: Clock,
  logger: Logger,
  options: CatalogSyncOptions = {},
): Promise<{ readonly sync?: CatalogSync; stop(): Promise<void> }> {
  const settings = config.catalogSync;
  if (!settings) return { stop: async () => undefined };
  const identity = { kind: 'bot', bot: config.bot } as const;
  const { BlobCatalogSource } = await import('./storage/catalog-sources/blob-catalog-source');
  const { DataverseCatalogSource } = await import('./storage/catalog-sources/dataverse-catalog-source');
  const source =
    settings.source.kind === 'blob'
      ? new BlobCatalogSource({
          storage: config.storage,
          container: settings.source.container,
          path: settings.source.path,
          ...(settings.source.blobUrl ? { blobUrl: settings.source.blobUrl } : {}),
        })
      : new DataverseCatalogSource({
          url: settings.source.url,
          tokens: appTokens(settings.source.url, DataverseCatalogSource.scopeOf(settings.source.url), identity),
        });
  const sync = new CatalogSync({
    source,
    catalog,
    status: new TableSyncStatus(tables.client('catalogMeta')),
    leases: new TableLeaseStore(tables.client('leases')),
    clock,
    owner: options.instanceId ?? `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`,
    intervalMs: settings.intervalMs,
  });
  options.onSync?.(sync);
  if ((options.background ?? 'auto') === 'manual') return { sync, stop: () => sync.release() };
  const job = new BackgroundJob({
    name: 'catalog-sync',
    leases: sync.leases,
    run: async () => {
      const run = await sync.runOnce();
      if (run.ran) {
        const { counts, outcome } = run.report;
        (outcome === 'ok' ? logger.info.bind(logger) : logger.warn.bind(logger))(
          { job: 'catalog-sync', outcome, ...counts },
          'catalog sync',
        );
      }
      return sync.pollMs;
    },
    reporter: logger,
    failureMessage: 'catalog sync failed; retrying',
  });
  job.start();
  return { sync, stop: () => job.stop() };
}
