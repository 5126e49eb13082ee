/**
 * "Not my solution" flags for admins to review. The flags live in the request's shard partition
 * (written in the same transaction as the maker's answer); the open ones have an index row
 * (`flagopen|…`, newest first), so the review list is one short range query per shard, never a scan,
 * and a resolution (flag updated with the ETag, index row deleted) is one transaction.
 */
import { TableTransaction, type TableClient } from '@azure/data-tables';
import type { PersonRef } from '../../domain/history';
import type { CatalogFlag } from '../../domain/notifications/catalog-flag';
import { ConcurrencyConflictError, StorageUnavailableError } from '../storage-errors';
import { readOptionalText, textProperties } from '../stored-text';
import { describe, statusOf } from '../table-service';
import { OUTBOX_ROW, type FlagRow } from '../outbox/outbox-rows';
import { ALL_PARTITIONS, invertedTime, partitionOf, prefixEnd } from './case-partitions';

export interface StoredFlag extends CatalogFlag {
  readonly resolvedAt?: string;
  readonly resolvedBy?: PersonRef;
  readonly resolution?: string;
}

export class TableCatalogFlags {
  constructor(private readonly table: TableClient) {}

  /** Open flags, newest first: at most `limit` from each shard, merged. */
  async listOpen(limit: number): Promise<StoredFlag[]> {
    const perShard = await Promise.all(ALL_PARTITIONS.map((pk) => this.openIn(pk, limit)));
    return perShard.flat().sort((a, b) => (a.flaggedAt < b.flaggedAt ? 1 : a.flaggedAt > b.flaggedAt ? -1 : 0)).slice(0, limit);
  }

  /** Every flag of one solution (open and resolved): one prefix range per shard. */
  async ofSolution(solutionId: string): Promise<StoredFlag[]> {
    const prefix = OUTBOX_ROW.flagsOfSolutionPrefix(solutionId);
    const rows = await Promise.all(ALL_PARTITIONS.map((pk) => this.query(`PartitionKey eq '${pk}' and RowKey ge '${escape(prefix)}' and RowKey lt '${escape(prefixEnd(prefix))}'`)));
    return rows.flat().map(flagOf).sort((a, b) => (a.flaggedAt < b.flaggedAt ? 1 : -1));
  }

  /** Marks the flag resolved and takes it off the open list, in one transaction. False if it was already. */
  async resolve(solutionId: string, requestId: string, by: PersonRef, note: string, at: string): Promise<boolean> {
    const pk = partitionOf(requestId);
    let row: FlagRow & { etag: string };
    try {
      row = await this.table.getEntity<FlagRow>(pk, OUTBOX_ROW.flag(solutionId, requestId));
    } catch (error) {
      if (statusOf(error) === 404) return false;
      throw unavailable('read a catalog flag', error);
    }
    if (row.resolvedAt) return false;
    const tx = new TableTransaction();
    const { etag, ...rest } = row;
    tx.updateEntity({ ...rest, resolvedAt: at, resolvedBy: JSON.stringify(by), ...(note ? textProperties('resolution', note) : {}) }, 'Replace', { etag });
    tx.deleteEntity(pk, OUTBOX_ROW.openFlag(invertedTime(row.flaggedAt), requestId));
    try {
      await this.table.submitTransaction(tx.actions);
      return true;
    } catch (error) {
      const status = statusOf(error);
      if (status === 412 || status === 404) throw new ConcurrencyConflictError(`catalog flag ${solutionId}/${requestId}`);
      throw unavailable('resolve a catalog flag', error);
    }
  }

  private async openIn(pk: string, limit: number): Promise<StoredFlag[]> {
    const prefix = OUTBOX_ROW.openFlagPrefix;
    const index: { solutionId: string; requestId: string }[] = [];
    try {
      const pages = this.table
        .listEntities<{ solutionId: string; requestId: string }>({ queryOptions: { filter: `PartitionKey eq '${pk}' and RowKey ge '${prefix}' and RowKey lt '${prefixEnd(prefix)}'` } })
        .byPage({ maxPageSize: limit });
      const first = await pages.next();
      if (!first.done) index.push(...first.value.slice(0, limit));
    } catch (error) {
      throw unavailable('read the open catalog flags', error);
    }
    const flags = await Promise.all(
      index.map(async (entry) => {
        try {
          return flagOf(await this.table.getEntity<FlagRow>(pk, OUTBOX_ROW.flag(entry.solutionId, entry.requestId)));
        } catch (error) {
          if (statusOf(error) === 404) return undefined;
          throw unavailable('read a catalog flag', error);
        }
      }),
    );
    return flags.filter((f): f is StoredFlag => f !== undefined && f.resolvedAt === undefined);
  }

  private async query(filter: string): Promise<FlagRow[]> {
    const rows: FlagRow[] = [];
    try {
      for await (const row of this.table.listEntities<FlagRow>({ queryOptions: { filter } })) rows.push(row);
    } catch (error) {
      throw unavailable('read catalog flags', error);
    }
    return rows;
  }
}

function flagOf(row: FlagRow): StoredFlag {
  return {
    solutionId: row.solutionId,
    requestId: row.requestId,
    reason: 'not-my-solution',
    flaggedBy: JSON.parse(row.flaggedBy) as PersonRef,
    flaggedAt: row.flaggedAt,
    ...(row.note !== undefined ? { note: readOptionalText(row, 'note') } : {}),
    ...(row.resolvedAt ? { resolvedAt: row.resolvedAt } : {}),
    ...(row.resolvedBy ? { resolvedBy: JSON.parse(row.resolvedBy) as PersonRef } : {}),
    ...(row.resolution !== undefined ? { resolution: readOptionalText(row, 'resolution') } : {}),
  };
}

function escape(value: string): string {
  return value.replace(/'/g, "''");
}

function unavailable(what: string, error: unknown): StorageUnavailableError {
  return new StorageUnavailableError(`${what}: ${describe(error)}`, error);
}
