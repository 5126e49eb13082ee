import { TableClient, TableTransaction } from '@azure/data-tables';
import { isStatus, listRange, unavailable } from './table-calls';

/** Transactions hold at most 100 entities, all in one partition. */
const BATCH = 100;

/**
 * Deletes the rows of one partition under `prefix` whose `expiresAt` (ISO-8601) is before `now`, at most
 * `limit` of them, in transactions of up to 100; returns how many went. Short-lived records (activity
 * markers) use it to keep their growth bounded. A row someone else deleted first is not an error.
 */
export async function deleteExpiredRows(
  table: TableClient,
  partitionKey: string,
  prefix: string,
  now: Date,
  limit = 1000,
): Promise<number> {
  const what = `delete expired ${partitionKey}/${prefix}`;
  const query = { partitionKey, prefix, where: `expiresAt lt '${now.toISOString()}'`, select: ['RowKey'], limit };
  const keys = (await listRange<{ rowKey: string }>(table, query, what)).map((row) => row.rowKey);
  let deleted = 0;
  try {
    for (let i = 0; i < keys.length; i += BATCH) {
      const batch = keys.slice(i, i + BATCH);
      const tx = new TableTransaction();
      batch.forEach((rowKey) => tx.deleteEntity(partitionKey, rowKey));
      try {
        await table.submitTransaction(tx.actions);
        deleted += batch.length;
      } catch (error) {
        if (!isStatus(error, 'gone')) throw error;
        // One of them went meanwhile, which fails the whole transaction: delete them one by one.
        for (const rowKey of batch) {
          try {
            await table.deleteEntity(partitionKey, rowKey);
            deleted += 1;
          } catch (single) {
            if (!isStatus(single, 'gone')) throw single;
          }
        }
      }
    }
  } catch (error) {
    throw unavailable(what, error);
  }
  return deleted;
}
