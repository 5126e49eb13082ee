/**
 * The last catalog sync's result, one entity in CatalogMeta (PartitionKey "catalog", RowKey
 * "sync-status"), its JSON stored as UTF-8 bytes (stored-text.ts). Written by whichever instance
 * synced; read by admins. Replaced whole each time (the newest result is what matters).
 */
import type { TableClient } from '@azure/data-tables';
import type { SyncReport } from '../../domain/catalog/sync-report';
import { jsonProperties, readJson } from '../stored-text';
import { getOrUndefined, isStatus, unavailable } from '../table-calls';

const KEY = { partitionKey: 'catalog', rowKey: 'sync-status' } as const;

export class TableSyncStatus {
  constructor(private readonly table: TableClient) {}

  async read(): Promise<SyncReport | undefined> {
    return getOrUndefined(this.table, KEY.partitionKey, KEY.rowKey, 'read the catalog sync status', (row) =>
      readJson<SyncReport>(row, 'data'),
    );
  }

  /** Replaces the stored result with its ETag (or creates it); a concurrent writer's newer result is kept. */
  async save(report: SyncReport): Promise<void> {
    const entity = { ...KEY, ...jsonProperties('data', report, 'catalog sync status'), finishedAt: report.finishedAt };
    for (let attempt = 0; attempt < 3; attempt++) {
      const current = await getOrUndefined<{ finishedAt?: string }>(
        this.table,
        KEY.partitionKey,
        KEY.rowKey,
        'read the catalog sync status',
      );
      if (current && typeof current.finishedAt === 'string' && current.finishedAt > report.finishedAt) return;
      try {
        if (current) await this.table.updateEntity(entity, 'Replace', { etag: current.etag });
        else await this.table.createEntity(entity);
        return;
      } catch (error) {
        // Another instance saved meanwhile: read again and keep the newer result.
        if (isStatus(error, 'changed', 'exists')) continue;
        throw unavailable('save the catalog sync status', error);
      }
    }
  }
}
