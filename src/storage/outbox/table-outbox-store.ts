import { TableClient, TableTransaction } from '@azure/data-tables';
import type { AttemptCounts, DeliveryFailure, DeliveryReceipt } from '../../domain/delivery/delivery-outcome';
import type { RequestTimer } from '../../domain/notifications/request-timers';
import type { OutboxMessage } from '../../domain/outbox-message';
import type { FailedRecord, GiveUpReason, PendingDelivery, SentRecord } from '../../domain/delivery/outbox-records';
import { partitionOf, partitionOfShard, prefixEnd } from '../cases/case-partitions';
import { ConcurrencyConflictError, StorageUnavailableError } from '../storage-errors';
import { describe, statusOf } from '../table-service';
import { OUTBOX_ROW, type FailedRow, type PendingRow, type SentRow, type TimerRow } from './outbox-rows';

/**
 * The outbox rows of the Cases table (layout in outbox-rows.ts). Each state change of a message is
 * one transaction in its request's partition: a pending row is deleted (with its ETag) and its
 * "sent" or "failed" row created together, so a message is never both, and never lost.
 */
export class TableOutboxStore {
  constructor(private readonly table: TableClient) {}

  async due(shard: number, now: Date, limit: number): Promise<PendingDelivery[]> {
    const pk = partitionOfShard(shard);
    const rows = await this.query<PendingRow>(pk, OUTBOX_ROW.pendingPrefix, limit, `nextAttemptAt le '${now.toISOString()}'`);
    return rows.map(pendingOf).sort((a, b) => (a.message.createdAt < b.message.createdAt ? -1 : a.message.createdAt > b.message.createdAt ? 1 : 0));
  }

  /** Every pending message of a shard (admin view, health). */
  async pending(shard: number, limit = 1000): Promise<PendingDelivery[]> {
    return (await this.query<PendingRow>(partitionOfShard(shard), OUTBOX_ROW.pendingPrefix, limit)).map(pendingOf);
  }

  async failed(shard: number, limit = 1000): Promise<FailedRecord[]> {
    return (await this.query<FailedRow>(partitionOfShard(shard), OUTBOX_ROW.failedPrefix, limit)).map(failedOf);
  }

  async sentOfShard(shard: number, limit = 1000): Promise<SentRecord[]> {
    return (await this.query<SentRow>(partitionOfShard(shard), OUTBOX_ROW.sentPrefix, limit)).map(sentOf);
  }

  /** All messages of one request, in every state (tests, admin). Message ids start with the request id. */
  async messagesOf(requestId: string): Promise<{ pending: PendingDelivery[]; sent: SentRecord[]; failed: FailedRecord[] }> {
    const pk = partitionOf(requestId);
    const [pending, sent, failed] = await Promise.all([
      this.query<PendingRow>(pk, OUTBOX_ROW.pending(requestId), 1000),
      this.query<SentRow>(pk, OUTBOX_ROW.sent(requestId), 1000),
      this.query<FailedRow>(pk, OUTBOX_ROW.failed(requestId), 1000),
    ]);
    return { pending: pending.map(pendingOf), sent: sent.map(sentOf), failed: failed.map(failedOf) };
  }

  async markSent(pending: PendingDelivery, receipt: DeliveryReceipt, at: Date, timer?: RequestTimer): Promise<void> {
    const message = pending.message;
    const pk = partitionOf(message.requestId);
    const tx = new TableTransaction();
    // A transaction delete matches any ETag; a row moved meanwhile is gone, and the delete fails with 404.
    tx.deleteEntity(pk, OUTBOX_ROW.pending(message.id));
    const sent: SentRow = {
      partitionKey: pk,
      rowKey: OUTBOX_ROW.sent(message.id),
      data: JSON.stringify(message),
      conversationId: receipt.conversationId,
      deliveredAt: at.toISOString(),
      attempts: pending.counts.attempts,
      throttles: pending.counts.throttles,
      ...(receipt.activityId ? { activityId: receipt.activityId } : {}),
      ...(receipt.serviceUrl ? { serviceUrl: receipt.serviceUrl } : {}),
    };
    tx.createEntity(sent);
    // A timer is named by its request, kind and due time: two deliveries that start the same one (two
    // co-owner pings in the same millisecond) write the same row, which must not fail the second one.
    if (timer) tx.upsertEntity(timerRow(timer), 'Replace');
    await this.submit(tx, `deliver ${message.id}`);
  }

  async scheduleRetry(pending: PendingDelivery, counts: AttemptCounts, nextAttemptAt: Date, failure: DeliveryFailure): Promise<void> {
    const message = pending.message;
    const row: Partial<PendingRow> & { partitionKey: string; rowKey: string } = {
      partitionKey: partitionOf(message.requestId),
      rowKey: OUTBOX_ROW.pending(message.id),
      status: 'retry',
      attempts: counts.attempts,
      throttles: counts.throttles,
      nextAttemptAt: nextAttemptAt.toISOString(),
      lastError: `${failure.kind}: ${failure.detail}`.slice(0, 1000),
      ...(failure.status !== undefined ? { lastStatus: failure.status } : {}),
    };
    try {
      await this.table.updateEntity(row, 'Merge', { etag: pending.etag });
    } catch (error) {
      if (statusOf(error) === 412 || statusOf(error) === 404) throw new ConcurrencyConflictError(row.rowKey);
      throw unavailable(`reschedule ${message.id}`, error);
    }
  }

  async markFailed(pending: PendingDelivery, reason: GiveUpReason, failure: DeliveryFailure, at: Date): Promise<void> {
    const tx = new TableTransaction();
    failedMove(tx, pending, reason, failure, at);
    await this.submit(tx, `fail ${pending.message.id}`);
  }

  async sentRecord(requestId: string, messageId: string): Promise<SentRecord | undefined> {
    const row = await this.getRow<SentRow>(partitionOf(requestId), OUTBOX_ROW.sent(messageId));
    return row ? sentOf(row) : undefined;
  }

  async isPending(requestId: string, messageId: string): Promise<boolean> {
    return (await this.getRow<PendingRow>(partitionOf(requestId), OUTBOX_ROW.pending(messageId))) !== undefined;
  }

  /** Timers of a shard due at `now` or before, oldest first. */
  async dueTimers(shard: number, now: Date, limit: number): Promise<RequestTimer[]> {
    const pk = partitionOfShard(shard);
    const filter = `PartitionKey eq '${pk}' and RowKey ge '${OUTBOX_ROW.timerPrefix}' and RowKey le '${OUTBOX_ROW.timerPrefix}${now.toISOString()}~'`;
    const rows = await this.list<TimerRow>(filter, limit, `timers ${pk}`);
    return rows.map((r) => ({ requestId: r.requestId, kind: r.kind as RequestTimer['kind'], dueAt: r.dueAt }));
  }

  async deleteTimer(timer: RequestTimer): Promise<void> {
    try {
      await this.table.deleteEntity(partitionOf(timer.requestId), OUTBOX_ROW.timer(timer.dueAt, timer.requestId, timer.kind));
    } catch (error) {
      if (statusOf(error) === 404) return;
      throw unavailable(`delete timer ${timer.requestId}`, error);
    }
  }

  private async submit(tx: TableTransaction, what: string): Promise<void> {
    try {
      await this.table.submitTransaction(tx.actions);
    } catch (error) {
      const status = statusOf(error);
      if (status === 412 || status === 404 || status === 409) throw new ConcurrencyConflictError(what);
      throw unavailable(what, error);
    }
  }

  private async getRow<T extends object>(pk: string, rk: string): Promise<(T & { etag: string }) | undefined> {
    try {
      return await this.table.getEntity<T>(pk, rk);
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw unavailable(`read ${pk}/${rk}`, error);
    }
  }

  private async query<T extends object>(pk: string, prefix: string, limit: number, extra?: string): Promise<Array<T & { etag: string }>> {
    const filter = `PartitionKey eq '${pk}' and RowKey ge '${prefix}' and RowKey lt '${prefixEnd(prefix)}'${extra ? ` and ${extra}` : ''}`;
    return this.list<T>(filter, limit, `query ${pk}/${prefix}`);
  }

  private async list<T extends object>(filter: string, limit: number, what: string): Promise<Array<T & { etag: string }>> {
    const rows: Array<T & { etag: string }> = [];
    try {
      for await (const page of this.table.listEntities<T>({ queryOptions: { filter } }).byPage({ maxPageSize: Math.min(limit, 1000) })) {
        rows.push(...(page as Array<T & { etag: string }>));
        if (rows.length >= limit) break;
      }
    } catch (error) {
      throw unavailable(what, error);
    }
    return rows.slice(0, limit);
  }
}

/** Adds "pending → failed" to a transaction (also used by the request-change transaction). */
export function failedMove(tx: TableTransaction, pending: PendingDelivery, reason: GiveUpReason, failure: DeliveryFailure, at: Date): void {
  const message = pending.message;
  const pk = partitionOf(message.requestId);
  // A transaction delete matches any ETag; a row moved meanwhile is gone, and the delete fails with 404.
    tx.deleteEntity(pk, OUTBOX_ROW.pending(message.id));
  const row: FailedRow = {
    partitionKey: pk,
    rowKey: OUTBOX_ROW.failed(message.id),
    data: JSON.stringify(message),
    reason,
    lastError: `${failure.kind}: ${failure.detail}`.slice(0, 1000),
    failedAt: at.toISOString(),
    attempts: pending.counts.attempts,
    throttles: pending.counts.throttles,
    ...(failure.status !== undefined ? { lastStatus: failure.status } : {}),
  };
  tx.createEntity(row);
}

export function timerRow(timer: RequestTimer): TimerRow {
  return {
    partitionKey: partitionOf(timer.requestId),
    rowKey: OUTBOX_ROW.timer(timer.dueAt, timer.requestId, timer.kind),
    requestId: timer.requestId,
    kind: timer.kind,
    dueAt: timer.dueAt,
  };
}

function pendingOf(row: PendingRow & { etag: string }): PendingDelivery {
  return {
    message: JSON.parse(row.data) as OutboxMessage,
    etag: row.etag,
    counts: { attempts: row.attempts ?? 0, throttles: row.throttles ?? 0 },
    nextAttemptAt: row.nextAttemptAt,
    ...(row.lastError ? { lastError: row.lastError } : {}),
    ...(row.lastStatus !== undefined ? { lastStatus: row.lastStatus } : {}),
  };
}

function sentOf(row: SentRow): SentRecord {
  return {
    message: JSON.parse(row.data) as OutboxMessage,
    conversationId: row.conversationId,
    deliveredAt: row.deliveredAt,
    counts: { attempts: row.attempts ?? 0, throttles: row.throttles ?? 0 },
    ...(row.activityId ? { activityId: row.activityId } : {}),
    ...(row.serviceUrl ? { serviceUrl: row.serviceUrl } : {}),
  };
}

function failedOf(row: FailedRow): FailedRecord {
  return {
    message: JSON.parse(row.data) as OutboxMessage,
    reason: row.reason as GiveUpReason,
    lastError: row.lastError,
    failedAt: row.failedAt,
    counts: { attempts: row.attempts ?? 0, throttles: row.throttles ?? 0 },
    ...(row.lastStatus !== undefined ? { lastStatus: row.lastStatus } : {}),
  };
}

function unavailable(what: string, error: unknown): StorageUnavailableError {
  return new StorageUnavailableError(`${what}: ${describe(error)}`, error);
}
