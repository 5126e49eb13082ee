/**
 * A message that failed for good (case-partitions.ts): `fail|{messageId}`, with the reason and the
 * last error, for the admin view. Created in the transaction that deletes its pending row.
 */
import type { TableTransaction } from '@azure/data-tables';
import type { DeliveryFailure } from '../../domain/delivery/delivery-outcome';
import type { FailedRecord, GiveUpReason, PendingDelivery } from '../../domain/delivery/outbox-records';
import { readOutboxMessage, type OutboxMessage } from '../../domain/outbox-message';
import { partitionOf } from '../cases/case-partitions';
import { jsonProperties, readJson } from '../stored-text';
import { PENDING_ROW } from './pending-rows';

export const FAILED_ROW = {
  key: (messageId: string) => `fail|${messageId}`,
  prefix: 'fail|',
} as const;

export interface FailedRow {
  partitionKey: string;
  rowKey: string;
  /** The OutboxMessage JSON as UTF-8 bytes, possibly continued in `data_1`… (stored-text.ts); a string in rows written before. */
  data: Uint8Array | string;
  reason: string;
  lastError: string;
  lastStatus?: number;
  failedAt: string;
  attempts: number;
  throttles: number;
}

/** Adds "pending → failed" to a transaction (the outbox's own, or a request change's). */
export function failedMove(tx: TableTransaction, pending: PendingDelivery, reason: GiveUpReason, failure: DeliveryFailure, at: Date): void {
  const message = pending.message;
  const pk = partitionOf(message.requestId);
  // A transaction delete matches any ETag; a row moved meanwhile is gone, and the delete fails with 404.
  tx.deleteEntity(pk, PENDING_ROW.key(message.id));
  const row: FailedRow = {
    partitionKey: pk,
    rowKey: FAILED_ROW.key(message.id),
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

export function failedOf(row: FailedRow): FailedRecord {
  return {
    message: readOutboxMessage(readJson<OutboxMessage>(row, 'data')),
    reason: row.reason as GiveUpReason,
    lastError: row.lastError,
    failedAt: row.failedAt,
    counts: { attempts: row.attempts ?? 0, throttles: row.throttles ?? 0 },
    ...(row.lastStatus !== undefined ? { lastStatus: row.lastStatus } : {}),
  };
}
