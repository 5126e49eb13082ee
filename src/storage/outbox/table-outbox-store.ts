import { TableClient, TableTransaction } from '@azure/data-tables';
import type { AttemptCounts, DeliveryFailure, DeliveryReceipt } from '../../domain/delivery/delivery-outcome';
import type { FailedRecord, GiveUpReason, PendingDelivery, SentRecord, UncertainRecord } from '../../domain/delivery/outbox-records';
import type { RequestTimer } from '../../domain/notifications/request-timers';
import type { OutboxListing, OutboxStore } from '../../domain/ports/outbox';
import type { OutboxLookup } from '../../domain/ports/request-changes';
import type { TimerStore } from '../../domain/ports/timers';
import { ALL_PARTITIONS, partitionOf, partitionOfShard } from '../cases/case-partitions';
import { deleteRow, getOrUndefined, listRange, submit, translate, type RangeQuery } from '../table-calls';
import { failedMove, failedOf, FAILED_ROW, type FailedRow } from './failed-rows';
import { claimPatch, unclaimPatch, pendingOf, PENDING_ROW, resentEntity, retryPatch, type PendingRow } from './pending-rows';
import { sentEntity, sentOf, SENT_ROW, type SentRow } from './sent-rows';
import { timerEntity, timerOf, TIMER_ROW, type TimerRow } from './timer-rows';
import { uncertainEntity, uncertainOf, UNCERTAIN_ROW, type UncertainRow } from './uncertain-rows';

/** A state change of a message fails on these: its row moved (or was created) meanwhile. */
const MOVED = ['changed', 'gone', 'exists'] as const;

/**
 * The outbox rows of the Cases table (row kinds: cases/case-partitions.ts). Each state change of a
 * message is one transaction in its request's partition: a pending row is deleted (with its ETag) and
 * its "sent", "failed" or "uncertain" row created together, so a message is never two of them, and
 * never lost.
 */
export class TableOutboxStore implements OutboxStore, OutboxListing, OutboxLookup, TimerStore {
  constructor(private readonly table: TableClient) {}

  async due(shard: number, now: Date, limit: number): Promise<PendingDelivery[]> {
    const pk = partitionOfShard(shard);
    const rows = await this.query<PendingRow>({
      partitionKey: pk,
      prefix: PENDING_ROW.prefix,
      limit,
      where: `nextAttemptAt le '${now.toISOString()}'`,
    });
    return rows
      .map(pendingOf)
      .sort((a, b) => (a.message.createdAt < b.message.createdAt ? -1 : a.message.createdAt > b.message.createdAt ? 1 : 0));
  }

  /** Every pending message of a shard (admin view, health). */
  async pending(shard: number, limit = 1000): Promise<PendingDelivery[]> {
    return (await this.query<PendingRow>({ partitionKey: partitionOfShard(shard), prefix: PENDING_ROW.prefix, limit })).map(pendingOf);
  }

  async failed(shard: number, limit = 1000): Promise<FailedRecord[]> {
    return (await this.query<FailedRow>({ partitionKey: partitionOfShard(shard), prefix: FAILED_ROW.prefix, limit })).map(failedOf);
  }

  async uncertain(shard: number, limit = 1000): Promise<UncertainRecord[]> {
    return (await this.query<UncertainRow>({ partitionKey: partitionOfShard(shard), prefix: UNCERTAIN_ROW.prefix, limit })).map(
      uncertainOf,
    );
  }

  async sentOfShard(shard: number, limit = 1000): Promise<SentRecord[]> {
    return (await this.query<SentRow>({ partitionKey: partitionOfShard(shard), prefix: SENT_ROW.prefix, limit })).map(sentOf);
  }

  /** All messages of one request, in every state (tests, admin). Message ids start with the request id. */
  async messagesOf(
    requestId: string,
  ): Promise<{ pending: PendingDelivery[]; sent: SentRecord[]; failed: FailedRecord[]; uncertain: UncertainRecord[] }> {
    const pk = partitionOf(requestId);
    const [pending, sent, failed, uncertain] = await Promise.all([
      this.query<PendingRow>({ partitionKey: pk, prefix: PENDING_ROW.key(requestId), limit: 1000 }),
      this.query<SentRow>({ partitionKey: pk, prefix: SENT_ROW.key(requestId), limit: 1000 }),
      this.query<FailedRow>({ partitionKey: pk, prefix: FAILED_ROW.key(requestId), limit: 1000 }),
      this.query<UncertainRow>({ partitionKey: pk, prefix: UNCERTAIN_ROW.key(requestId), limit: 1000 }),
    ]);
    return { pending: pending.map(pendingOf), sent: sent.map(sentOf), failed: failed.map(failedOf), uncertain: uncertain.map(uncertainOf) };
  }

  async claim(pending: PendingDelivery, by: string, at: Date, until: Date): Promise<PendingDelivery> {
    const message = pending.message;
    const patch = claimPatch(message, by, at, until);
    try {
      const written = await this.table.updateEntity(patch, 'Merge', { etag: pending.etag });
      if (!written.etag) throw new Error('no ETag in the answer');
      return {
        ...pending,
        etag: written.etag,
        nextAttemptAt: patch.nextAttemptAt,
        inFlight: { since: patch.claimedAt, by: patch.claimedBy },
      };
    } catch (error) {
      throw translate(error, `claim ${message.id}`, { on: ['changed', 'gone'], key: patch.rowKey });
    }
  }

  async unclaim(pending: PendingDelivery, dueAt: Date): Promise<PendingDelivery> {
    const message = pending.message;
    const patch = unclaimPatch(message, dueAt);
    try {
      const written = await this.table.updateEntity(patch, 'Merge', { etag: pending.etag });
      if (!written.etag) throw new Error('no ETag in the answer');
      const { inFlight: _claim, ...rest } = pending;
      return { ...rest, etag: written.etag, nextAttemptAt: patch.nextAttemptAt };
    } catch (error) {
      throw translate(error, `unclaim ${message.id}`, { on: ['changed', 'gone'], key: patch.rowKey });
    }
  }

  async markUncertain(pending: PendingDelivery, failure: DeliveryFailure, at: Date): Promise<void> {
    const message = pending.message;
    const pk = partitionOf(message.requestId);
    const tx = new TableTransaction();
    // A transaction delete matches any ETag; a row moved meanwhile is gone, and the delete fails with 404.
    tx.deleteEntity(pk, PENDING_ROW.key(message.id));
    tx.createEntity(uncertainEntity(pk, pending, failure, at));
    await this.submit(tx, `uncertain ${message.id}`);
  }

  /**
   * An admin's decision on an uncertain message (they checked with the person): `resend` puts it back
   * in the outbox, due now; `dismiss` removes it (it did arrive, or is no longer needed). Found by
   * message id in every shard; false when no uncertain message has that id.
   */
  async decideUncertain(messageId: string, decision: 'resend' | 'dismiss', at: Date): Promise<boolean> {
    const rowKey = UNCERTAIN_ROW.key(messageId);
    const found = (
      await Promise.all(ALL_PARTITIONS.map((pk) => getOrUndefined<UncertainRow>(this.table, pk, rowKey, `read ${pk}/${rowKey}`)))
    ).find((row) => row !== undefined);
    if (!found) return false;
    const tx = new TableTransaction();
    tx.deleteEntity(found.partitionKey, found.rowKey);
    if (decision === 'resend') tx.createEntity(resentEntity(found, messageId, at));
    await this.submit(tx, `${decision} ${messageId}`);
    return true;
  }

  async markSent(pending: PendingDelivery, receipt: DeliveryReceipt, at: Date, timer?: RequestTimer): Promise<void> {
    const message = pending.message;
    const pk = partitionOf(message.requestId);
    const tx = new TableTransaction();
    // A transaction delete matches any ETag; a row moved meanwhile is gone, and the delete fails with 404.
    tx.deleteEntity(pk, PENDING_ROW.key(message.id));
    tx.createEntity(sentEntity(pk, pending, receipt, at));
    // Upserted: co-owner pings delivered in the same millisecond start the same timer (same row key);
    // creating it twice failed the second delivery's record with 409, and that ping was sent again.
    if (timer) tx.upsertEntity(timerEntity(timer), 'Replace');
    await this.submit(tx, `deliver ${message.id}`);
  }

  async scheduleRetry(pending: PendingDelivery, counts: AttemptCounts, nextAttemptAt: Date, failure: DeliveryFailure): Promise<void> {
    const message = pending.message;
    const patch = retryPatch(message, counts, nextAttemptAt, failure);
    try {
      await this.table.updateEntity(patch, 'Merge', { etag: pending.etag });
    } catch (error) {
      throw translate(error, `reschedule ${message.id}`, { on: ['changed', 'gone'], key: patch.rowKey });
    }
  }

  async markFailed(pending: PendingDelivery, reason: GiveUpReason, failure: DeliveryFailure, at: Date): Promise<void> {
    const tx = new TableTransaction();
    failedMove(tx, pending, reason, failure, at);
    await this.submit(tx, `fail ${pending.message.id}`);
  }

  async sentRecord(requestId: string, messageId: string): Promise<SentRecord | undefined> {
    const pk = partitionOf(requestId);
    const rowKey = SENT_ROW.key(messageId);
    const row = await getOrUndefined<SentRow>(this.table, pk, rowKey, `read ${pk}/${rowKey}`);
    return row ? sentOf(row) : undefined;
  }

  async isPending(requestId: string, messageId: string): Promise<boolean> {
    const pk = partitionOf(requestId);
    const rowKey = PENDING_ROW.key(messageId);
    return (await getOrUndefined<PendingRow>(this.table, pk, rowKey, `read ${pk}/${rowKey}`)) !== undefined;
  }

  /** Timers of a shard due at `now` or before, oldest first. */
  async dueTimers(shard: number, now: Date, limit: number): Promise<RequestTimer[]> {
    const pk = partitionOfShard(shard);
    const rows = await listRange<TimerRow>(
      this.table,
      { partitionKey: pk, prefix: TIMER_ROW.prefix, below: TIMER_ROW.dueBy(now), limit },
      `timers ${pk}`,
    );
    return rows.map(timerOf);
  }

  async deleteTimer(timer: RequestTimer): Promise<void> {
    await deleteRow(
      this.table,
      partitionOf(timer.requestId),
      TIMER_ROW.key(timer.dueAt, timer.requestId, timer.kind),
      `delete timer ${timer.requestId}`,
    );
  }

  private async submit(tx: TableTransaction, what: string): Promise<void> {
    await submit(this.table, tx, what, { on: MOVED, key: what });
  }

  private query<T extends object>(query: RangeQuery): Promise<Array<T & { etag: string }>> {
    return listRange<T>(this.table, query, `query ${query.partitionKey}/${query.prefix}`);
  }
}
