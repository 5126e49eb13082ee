/**
 * The last catalog sync's result, one entity in CatalogMeta (PartitionKey "catalog", RowKey
 * "sync-status"), its JSON stored as UTF-8 bytes (stored-text.ts). Written by whichever instance
 * synced; read by admins. Replaced whole each time (the newest result is what matters).
 */
import type { TableClient } from '@azure/data-tables';
import type { SyncReport } from '../../domain/catalog/sync-report';
import { StorageUnavailableError } from '../storage-errors';
import { jsonProperties, readJson } from '../stored-text';
import { describe, statusOf } from '../table-service';

const KEY = { partitionKey: 'catalog', rowKey: 'sync-status' } as const;

export class TableSyncStatus {
  constructor(private readonly table: TableClient) {}

  async read(): Promise<SyncReport | undefined> {
    try {
      return readJson<SyncReport>(await this.table.getEntity(KEY.partitionKey, KEY.rowKey), 'data');
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw new StorageUnavailableError(`read the catalog sync status: ${describe(error)}`, error);
    }
  }

  /** Replaces the stored result with its ETag (or creates it); a concurrent writer's newer result is kept. */
  async save(report: SyncReport): Promise<void> {
    const entity = { ...KEY, ...jsonProperties('data', report, 'catalog sync status'), finishedAt: report.finishedAt };
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const current = await this.table.getEntity<{ finishedAt?: string }>(KEY.partitionKey, KEY.rowKey).catch((error: unknown) => {
          if (statusOf(error) === 404) return undefined;
          throw error;
        });
        if (current && typeof current.finishedAt === 'string' && current.finishedAt > report.finishedAt) return;
        if (current) await this.table.updateEntity(entity, 'Replace', { etag: current.etag });
        else await this.table.createEntity(entity);
        return;
      } catch (error) {
        const status = statusOf(error);
        if (status === 412 || status === 409) continue;
        throw new StorageUnavailableError(`save the catalog sync status: ${describe(error)}`, error);
      }
    }
  }
}
