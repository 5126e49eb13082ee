/**
 * "Not my solution" flags for admins to review. The flags live in the request's shard partition
 * (written in the same transaction as the maker's answer); the open ones have an index row
 * (`flagopen|…`, newest first), so the review list is one short range query per shard, never a scan,
 * and a resolution (flag updated with the ETag, index row deleted) is one transaction.
 */
import { TableTransaction, type TableClient } from '@azure/data-tables';
import type { PersonRef } from '../../domain/history';
import type { CatalogFlag } from '../../domain/notifications/catalog-flag';
import { textProperties } from '../stored-text';
import { getOrUndefined, listRange, submit } from '../table-calls';
import { FLAG_ROW, flagOf as openFlagOf, OPEN_FLAG_ROW, type FlagRow, type OpenFlagRow } from '../outbox/flag-rows';
import { readOptionalText } from '../stored-text';
import { ALL_PARTITIONS, invertedTime, partitionOf } from './case-partitions';

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
    return perShard
      .flat()
      .sort((a, b) => (a.flaggedAt < b.flaggedAt ? 1 : a.flaggedAt > b.flaggedAt ? -1 : 0))
      .slice(0, limit);
  }

  /** Every flag of one solution (open and resolved): one prefix range per shard. */
  async ofSolution(solutionId: string): Promise<StoredFlag[]> {
    const prefix = FLAG_ROW.ofSolutionPrefix(solutionId);
    const rows = await Promise.all(
      ALL_PARTITIONS.map((pk) => listRange<FlagRow>(this.table, { partitionKey: pk, prefix }, 'read catalog flags')),
    );
    return rows
      .flat()
      .map(storedFlagOf)
      .sort((a, b) => (a.flaggedAt < b.flaggedAt ? 1 : -1));
  }

  /** Marks the flag resolved and takes it off the open list, in one transaction. False if it was already. */
  async resolve(solutionId: string, requestId: string, by: PersonRef, note: string, at: string): Promise<boolean> {
    const pk = partitionOf(requestId);
    const row = await getOrUndefined<FlagRow>(this.table, pk, FLAG_ROW.key(solutionId, requestId), 'read a catalog flag');
    if (row === undefined || row.resolvedAt) return false;
    const tx = new TableTransaction();
    const { etag, ...rest } = row;
    tx.updateEntity(
      { ...rest, resolvedAt: at, resolvedBy: JSON.stringify(by), ...(note ? textProperties('resolution', note) : {}) },
      'Replace',
      { etag },
    );
    tx.deleteEntity(pk, OPEN_FLAG_ROW.key(invertedTime(row.flaggedAt), requestId));
    await submit(this.table, tx, 'resolve a catalog flag', { on: ['changed', 'gone'], key: `catalog flag ${solutionId}/${requestId}` });
    return true;
  }

  private async openIn(pk: string, limit: number): Promise<StoredFlag[]> {
    const index = await listRange<OpenFlagRow>(
      this.table,
      { partitionKey: pk, prefix: OPEN_FLAG_ROW.prefix, limit },
      'read the open catalog flags',
    );
    const flags = await Promise.all(
      index.map((entry) =>
        getOrUndefined<FlagRow, StoredFlag>(
          this.table,
          pk,
          FLAG_ROW.key(entry.solutionId, entry.requestId),
          'read a catalog flag',
          storedFlagOf,
        ),
      ),
    );
    return flags.filter((f): f is StoredFlag => f !== undefined && f.resolvedAt === undefined);
  }
}

function storedFlagOf(row: FlagRow): StoredFlag {
  return {
    ...openFlagOf(row),
    ...(row.resolvedAt ? { resolvedAt: row.resolvedAt } : {}),
    ...(row.resolvedBy ? { resolvedBy: JSON.parse(row.resolvedBy) as PersonRef } : {}),
    ...(row.resolution !== undefined ? { resolution: readOptionalText(row, 'resolution') } : {}),
  };
}
