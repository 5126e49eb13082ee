import { TableClient } from '@azure/data-tables';
import type { ActivityClaim } from '../../domain/activity-ref';
import type { ActivityLog, ExpiringRecords } from '../../domain/ports/activities';
import { StorageUnavailableError } from '../../domain/ports/storage-errors';
import { deleteExpiredRows } from '../expired-rows';
import { deleteRow, getOrUndefined, isStatus, unavailable } from '../table-calls';

/**
 * Messages being handled or handled already (see services/activities/activity-gate.ts): one row per
 * activity key, `act|{key}` in one of 16 partitions (`a0`…`af`, the key's first hex digit), with its
 * state, when it was claimed and when it expires. State changes carry the row's ETag.
 */
const PREFIX = 'act|';
const PARTITIONS = Array.from({ length: 16 }, (_, i) => `a${i.toString(16)}`);

interface Row {
  partitionKey: string;
  rowKey: string;
  state: 'in-progress' | 'done';
  claimedAt: string;
  expiresAt: string;
}

export class TableActivityLog implements ActivityLog, ExpiringRecords {
  constructor(private readonly table: TableClient) {}

  async begin(key: string, now: Date, expiresAt: string): Promise<ActivityClaim> {
    const row = this.row(key, 'in-progress', now, expiresAt);
    // Two rounds: a record released (deleted) between our create and our read is created again.
    for (let round = 0; round < 2; round++) {
      try {
        const created = await this.table.createEntity(row);
        return { kind: 'claimed', etag: created.etag ?? '' };
      } catch (error) {
        if (!isStatus(error, 'exists')) throw unavailable(`record activity ${key}`, error);
      }
      const current = await getOrUndefined<Row>(this.table, partitionOf(key), PREFIX + key, `read activity ${key}`);
      if (current?.state === 'done') return { kind: 'done' };
      if (current) return { kind: 'in-progress', claimedAt: current.claimedAt, etag: current.etag };
    }
    throw new StorageUnavailableError(`record activity ${key}: it keeps changing`);
  }

  async takeOver(key: string, etag: string, now: Date, expiresAt: string): Promise<string | undefined> {
    try {
      const updated = await this.table.updateEntity(this.row(key, 'in-progress', now, expiresAt), 'Replace', { etag });
      return updated.etag ?? '';
    } catch (error) {
      if (isStatus(error, 'changed', 'gone')) return undefined;
      throw unavailable(`take over activity ${key}`, error);
    }
  }

  async finish(key: string, etag: string): Promise<void> {
    try {
      await this.table.updateEntity({ partitionKey: partitionOf(key), rowKey: PREFIX + key, state: 'done' }, 'Merge', { etag });
    } catch (error) {
      if (isStatus(error, 'changed', 'gone')) return;
      throw unavailable(`finish activity ${key}`, error);
    }
  }

  /** An upsert: whatever the record said (nothing, or a takeover in progress), the message was handled. */
  async markDone(key: string, now: Date, expiresAt: string): Promise<void> {
    try {
      await this.table.upsertEntity(this.row(key, 'done', now, expiresAt), 'Replace');
    } catch (error) {
      throw unavailable(`record activity ${key} as done`, error);
    }
  }

  async release(key: string): Promise<void> {
    await deleteRow(this.table, partitionOf(key), PREFIX + key, `release activity ${key}`);
  }

  async sweepExpired(now: Date): Promise<number> {
    let deleted = 0;
    for (const pk of PARTITIONS) deleted += await deleteExpiredRows(this.table, pk, PREFIX, now);
    return deleted;
  }

  private row(key: string, state: Row['state'], now: Date, expiresAt: string): Row {
    return { partitionKey: partitionOf(key), rowKey: PREFIX + key, state, claimedAt: now.toISOString(), expiresAt };
  }
}

function partitionOf(key: string): string {
  const first = key.charAt(0).toLowerCase();
  return /^[0-9a-f]$/.test(first) ? `a${first}` : 'a0';
}
