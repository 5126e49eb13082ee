import { TableClient } from '@azure/data-tables';
import type { LeaseStore } from '../../domain/ports/leases';
import { StorageError } from '../../domain/ports/storage-errors';
import { getOrUndefined, isStatus, translate } from '../table-calls';

interface LeaseRow {
  partitionKey: string;
  rowKey: string;
  owner: string;
  expiresAt: string;
}

const PARTITION = 'lease';

/**
 * Named leases so that, with several instances running, exactly one runs a given background job at a
 * time (the outbox worker of a shard, the SLA scheduler…). A lease is an entity whose owner and expiry
 * change only with its ETag: two instances racing for an expired lease cannot both win.
 */
export class TableLeaseStore implements LeaseStore {
  constructor(private readonly table: TableClient) {}

  /** Takes the lease if it is free, expired or already ours; true if we hold it until now + ttl. */
  async tryAcquire(name: string, owner: string, ttlMs: number, now: Date): Promise<boolean> {
    const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
    const row: LeaseRow = { partitionKey: PARTITION, rowKey: name, owner, expiresAt };
    try {
      const current = await this.get(name, `lease ${name}`);
      if (current === undefined) {
        await this.table.createEntity(row);
        return true;
      }
      if (current.owner !== owner && Date.parse(current.expiresAt) > now.getTime()) return false;
      await this.table.updateEntity(row, 'Replace', { etag: current.etag });
      return true;
    } catch (error) {
      // 409: someone created it first; 412: someone took or renewed it since we read it.
      if (isStatus(error, 'exists', 'changed')) return false;
      throw error instanceof StorageError ? error : translate(error, `lease ${name}`);
    }
  }

  /** Gives the lease up early (on shutdown), only if we still hold it. */
  async release(name: string, owner: string): Promise<void> {
    try {
      const current = await this.get(name, `release lease ${name}`);
      if (current?.owner === owner) await this.table.deleteEntity(PARTITION, name, { etag: current.etag });
    } catch (error) {
      if (isStatus(error, 'gone', 'changed')) return;
      throw error instanceof StorageError ? error : translate(error, `release lease ${name}`);
    }
  }

  private get(name: string, what: string): Promise<(LeaseRow & { etag: string }) | undefined> {
    return getOrUndefined<LeaseRow>(this.table, PARTITION, name, what);
  }
}
