import { TableClient, TableTransaction } from '@azure/data-tables';
import type { AttemptCounts, DeliveryFailure, DeliveryReceipt } from '../../domain/delivery/delivery-outcome';
import type { RequestTimer } from '../../domain/notifications/request-timers';
import type { OutboxMessage } from '../../domain/outbox-message';
import type { FailedRecord, GiveUpReason, PendingDelivery, SentRecord, UncertainRecord } from '../../domain/delivery/outbox-records';
import { ALL_PARTITIONS, partitionOf, partitionOfShard, prefixEnd } from '../cases/case-partitions';
import type { OutboxListing, OutboxStore } from '../../domain/ports/outbox';
import type { OutboxLookup } from '../../domain/ports/request-changes';
import type { TimerStore } from '../../domain/ports/timers';
import { ConcurrencyConflictError, StorageUnavailableError } from '../../domain/ports/storage-errors';
import { jsonProperties, readJson } from '../stored-text';
import { describe, statusOf } from '../table-service';
import { OUTBOX_ROW, type FailedRow, type PendingRow, type SentRow, type TimerRow, type UncertainRow } from './outbox-rows';

/**
 * The outbox rows of the Cases table (layout in outbox-rows.ts). Each state change of a message is
 * one transaction in its request's partition: a pending row is deleted (with its ETag) and its
 * "sent", "failed" or "uncertain" row created together, so a message is never two of them, and never lost.
 */
export class TableOutboxStore implements OutboxStore, OutboxListing, OutboxLookup, TimerStore {
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

  async uncertain(shard: number, limit = 1000): Promise<UncertainRecord[]> {
    return (await this.query<UncertainRow>(partitionOfShard(shard), OUTBOX_ROW.uncertainPrefix, limit)).map(uncertainOf);
  }

  async sentOfShard(shard: number, limit = 1000): Promise<SentRecord[]> {
    return (await this.query<SentRow>(partitionOfShard(shard), OUTBOX_ROW.sentPrefix, limit)).map(sentOf);
  }

  /** All messages of one request, in every state (tests, admin). Message ids start with the request id. */
  async messagesOf(requestId: string): Promise<{ pending: PendingDelivery[]; sent: SentRecord[]; failed: FailedRecord[]; uncertain: UncertainRecord[] }> {
    const pk = partitionOf(requestId);
    const [pending, sent, failed, uncertain] = await Promise.all([
      this.query<PendingRow>(pk, OUTBOX_ROW.pending(requestId), 1000),
      this.query<SentRow>(pk, OUTBOX_ROW.sent(requestId), 1000),
      this.query<FailedRow>(pk, OUTBOX_ROW.failed(requestId), 1000),
      this.query<UncertainRow>(pk, OUTBOX_ROW.uncertain(requestId), 1000),
    ]);
    return { pending: pending.map(pendingOf), sent: sent.map(sentOf), failed: failed.map(failedOf), uncertain: uncertain.map(uncertainOf) };
  }

  async claim(pending: PendingDelivery, by: string, at: Date, until: Date): Promise<PendingDelivery> {
    const message = pending.message;
    const since = at.toISOString();
    const row = { partitionKey: partitionOf(message.requestId), rowKey: OUTBOX_ROW.pending(message.id), claimedAt: since, claimedBy: by.slice(0, 200), nextAttemptAt: until.toISOString() };
    try {
      const written = await this.table.updateEntity(row, 'Merge', { etag: pending.etag });
      if (!written.etag) throw new Error('no ETag in the answer');
      return { ...pending, etag: written.etag, nextAttemptAt: row.nextAttemptAt, inFlight: { since, by: row.claimedBy } };
    } catch (error) {
      if (statusOf(error) === 412 || statusOf(error) === 404) throw new ConcurrencyConflictError(row.rowKey);
      throw unavailable(`claim ${message.id}`, error);
    }
  }

  async markUncertain(pending: PendingDelivery, failure: DeliveryFailure, at: Date): Promise<void> {
    const message = pending.message;
    const pk = partitionOf(message.requestId);
    const tx = new TableTransaction();
    // A transaction delete matches any ETag; a row moved meanwhile is gone, and the delete fails with 404.
    tx.deleteEntity(pk, OUTBOX_ROW.pending(message.id));
    const row: UncertainRow = {
      partitionKey: pk,
      rowKey: OUTBOX_ROW.uncertain(message.id),
      data: JSON.stringify(message),
      attemptedAt: pending.inFlight?.since ?? at.toISOString(),
      recordedAt: at.toISOString(),
      lastError: `${failure.kind}: ${failure.detail}`.slice(0, 1000),
      attempts: pending.counts.attempts,
      throttles: pending.counts.throttles,
    };
    tx.createEntity(row);
    await this.submit(tx, `uncertain ${message.id}`);
  }

  /**
   * An admin's decision on an uncertain message (they checked with the person): `resend` puts it back
   * in the outbox, due now; `dismiss` removes it (it did arrive, or is no longer needed). Found by
   * message id in every shard; false when no uncertain message has that id.
   */
  async decideUncertain(messageId: string, decision: 'resend' | 'dismiss', at: Date): Promise<boolean> {
    const found = (await Promise.all(ALL_PARTITIONS.map((pk) => this.getRow<UncertainRow>(pk, OUTBOX_ROW.uncertain(messageId))))).find((row) => row !== undefined);
    if (!found) return false;
    const tx = new TableTransaction();
    tx.deleteEntity(found.partitionKey, found.rowKey);
    if (decision === 'resend') {
      const row: PendingRow = {
        partitionKey: found.partitionKey,
        rowKey: OUTBOX_ROW.pending(messageId),
        data: found.data,
        status: 'resent',
        attempts: found.attempts ?? 0,
        throttles: found.throttles ?? 0,
        nextAttemptAt: at.toISOString(),
        lastError: `resent by an admin after: ${found.lastError}`.slice(0, 1000),
      };
      tx.createEntity(row);
    }
    await this.submit(tx, `${decision} ${messageId}`);
    return true;
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
      ...jsonProperties('data', message),
      conversationId: receipt.conversationId,
      deliveredAt: at.toISOString(),
      attempts: pending.counts.attempts,
      throttles: pending.counts.throttles,
      ...(receipt.activityId ? { activityId: receipt.activityId } : {}),
      ...(receipt.serviceUrl ? { serviceUrl: receipt.serviceUrl } : {}),
    };
    tx.createEntity(sent);
    // Upserted: co-owner pings delivered in the same millisecond start the same timer (same row key);
    // creating it twice failed the second delivery's record with 409, and that ping was sent again.
    if (timer) tx.upsertEntity(timerRow(timer), 'Replace');
    await this.submit(tx, `deliver ${message.id}`);
  }

  async scheduleRetry(pending: PendingDelivery, counts: AttemptCounts, nextAttemptAt: Date, failure: DeliveryFailure): Promise<void> {
    const message = pending.message;
    const row: Partial<PendingRow> & { partitionKey: string; rowKey: string } = {
      partitionKey: partitionOf(message.requestId),
      rowKey: OUTBOX_ROW.pending(message.id),
      status: 'retry',
      // Its outcome is recorded: no call is under way any more.
      claimedAt: '',
      claimedBy: '',
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
    ...jsonProperties('data', message),
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
    message: readJson<OutboxMessage>(row, 'data'),
    etag: row.etag,
    counts: { attempts: row.attempts ?? 0, throttles: row.throttles ?? 0 },
    nextAttemptAt: row.nextAttemptAt,
    ...(row.lastError ? { lastError: row.lastError } : {}),
    ...(row.lastStatus !== undefined ? { lastStatus: row.lastStatus } : {}),
    ...(row.claimedAt ? { inFlight: { since: row.claimedAt, by: row.claimedBy ?? '' } } : {}),
  };
}

function uncertainOf(row: UncertainRow): UncertainRecord {
  return {
    message: JSON.parse(row.data) as OutboxMessage,
    attemptedAt: row.attemptedAt,
    recordedAt: row.recordedAt,
    lastError: row.lastError,
    counts: { attempts: row.attempts ?? 0, throttles: row.throttles ?? 0 },
  };
}

function sentOf(row: SentRow): SentRecord {
  return {
    message: readJson<OutboxMessage>(row, 'data'),
    conversationId: row.conversationId,
    deliveredAt: row.deliveredAt,
    counts: { attempts: row.attempts ?? 0, throttles: row.throttles ?? 0 },
    ...(row.activityId ? { activityId: row.activityId } : {}),
    ...(row.serviceUrl ? { serviceUrl: row.serviceUrl } : {}),
  };
}

function failedOf(row: FailedRow): FailedRecord {
  return {
    message: readJson<OutboxMessage>(row, 'data'),
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
