import { TableClient, TableTransaction } from '@azure/data-tables';
import { StorageUnavailableError } from '../domain/ports/storage-errors';
import { describe, statusOf } from './table-service';

/** Transactions hold at most 100 entities, all in one partition. */
const BATCH = 100;

/**
 * Deletes the rows of one partition under `prefix` whose `expiresAt` (ISO-8601) is before `now`, at most
 * `limit` of them, in transactions of up to 100; returns how many went. Short-lived records (activity
 * markers) use it to keep their growth bounded. A row someone else deleted first is not an error.
 */
export async function deleteExpiredRows(table: TableClient, partitionKey: string, prefix: string, now: Date, limit = 1000): Promise<number> {
  const filter = `PartitionKey eq '${partitionKey}' and RowKey ge '${prefix}' and RowKey lt '${prefix}~' and expiresAt lt '${now.toISOString()}'`;
  const keys: string[] = [];
  try {
    for await (const page of table.listEntities<{ rowKey: string }>({ queryOptions: { filter, select: ['RowKey'] } }).byPage({ maxPageSize: Math.min(limit, 1000) })) {
      keys.push(...page.map((row) => row.rowKey));
      if (keys.length >= limit) break;
    }
    let deleted = 0;
    for (let i = 0; i < Math.min(keys.length, limit); i += BATCH) {
      const batch = keys.slice(i, Math.min(i + BATCH, limit));
      const tx = new TableTransaction();
      batch.forEach((rowKey) => tx.deleteEntity(partitionKey, rowKey));
      try {
        await table.submitTransaction(tx.actions);
        deleted += batch.length;
      } catch (error) {
        if (statusOf(error) !== 404) throw error;
        // One of them went meanwhile, which fails the whole transaction: delete them one by one.
        for (const rowKey of batch) {
          try {
            await table.deleteEntity(partitionKey, rowKey);
            deleted += 1;
          } catch (single) {
            if (statusOf(single) !== 404) throw single;
          }
        }
      }
    }
    return deleted;
  } catch (error) {
    throw new StorageUnavailableError(`delete expired ${partitionKey}/${prefix}: ${describe(error)}`, error);
  }
}
