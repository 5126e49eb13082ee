/**
 * A message waiting in the outbox (case-partitions.ts): `out|{messageId}` in its request's shard
 * partition, created in the same transaction as the change that caused it. It holds the
 * OutboxMessage JSON, attempts, throttles, the next attempt, the last error, and while a call for it
 * is under way, who claimed it and when. It leaves only in the transaction that records its outcome
 * (sent-rows.ts, failed-rows.ts, uncertain-rows.ts).
 */
import type { AttemptCounts, DeliveryFailure } from '../../domain/delivery/delivery-outcome';
import type { PendingDelivery } from '../../domain/delivery/outbox-records';
import { readOutboxMessage, type OutboxMessage } from '../../domain/outbox-message';
import { partitionOf } from '../cases/case-partitions';
import { jsonProperties, readJson, type DataRow } from '../stored-text';
import type { UncertainRow } from './uncertain-rows';

export const PENDING_ROW = {
  key: (messageId: string) => `out|${messageId}`,
  prefix: 'out|',
} as const;

export interface PendingRow {
  partitionKey: string;
  rowKey: string;
  /** The OutboxMessage JSON as UTF-8 bytes, possibly continued in `data_1`… (stored-text.ts); a string in rows written before. */
  data: Uint8Array | string;
  status: string;
  attempts: number;
  throttles?: number;
  nextAttemptAt: string;
  lastError?: string;
  lastStatus?: number;
  /** Set (ISO time, owner) while a call for it is under way; '' once its outcome is recorded. */
  claimedAt?: string;
  claimedBy?: string;
}

/** A new message, due at once (the row every store writing to a shard creates for it). */
export function pendingEntity(pk: string, message: OutboxMessage): DataRow & { status: string; attempts: number; nextAttemptAt: string } {
  return {
    partitionKey: pk,
    rowKey: PENDING_ROW.key(message.id),
    ...jsonProperties('data', message),
    status: 'pending',
    attempts: 0,
    nextAttemptAt: message.createdAt,
  };
}

/** The merge that claims the row for a call starting `at` (no worker takes it again before `until`). */
export function claimPatch(message: OutboxMessage, by: string, at: Date, until: Date) {
  return {
    partitionKey: partitionOf(message.requestId),
    rowKey: PENDING_ROW.key(message.id),
    claimedAt: at.toISOString(),
    claimedBy: by.slice(0, 200),
    nextAttemptAt: until.toISOString(),
  };
}

/** The merge that gives a claim up: no call under way, due again at `dueAt`. */
export function unclaimPatch(message: OutboxMessage, dueAt: Date) {
  return {
    partitionKey: partitionOf(message.requestId),
    rowKey: PENDING_ROW.key(message.id),
    claimedAt: '',
    claimedBy: '',
    nextAttemptAt: dueAt.toISOString(),
  };
}

/** The merge that records a failed attempt and when to try again (no call is under way any more). */
export function retryPatch(
  message: OutboxMessage,
  counts: AttemptCounts,
  nextAttemptAt: Date,
  failure: DeliveryFailure,
): Partial<PendingRow> & { partitionKey: string; rowKey: string } {
  return {
    partitionKey: partitionOf(message.requestId),
    rowKey: PENDING_ROW.key(message.id),
    status: 'retry',
    claimedAt: '',
    claimedBy: '',
    attempts: counts.attempts,
    throttles: counts.throttles,
    nextAttemptAt: nextAttemptAt.toISOString(),
    lastError: `${failure.kind}: ${failure.detail}`.slice(0, 1000),
    ...(failure.status !== undefined ? { lastStatus: failure.status } : {}),
  };
}

/** An uncertain message an admin sends again: pending once more, due `at`. */
export function resentEntity(uncertain: UncertainRow, messageId: string, at: Date): PendingRow {
  return {
    partitionKey: uncertain.partitionKey,
    rowKey: PENDING_ROW.key(messageId),
    data: uncertain.data,
    status: 'resent',
    attempts: uncertain.attempts ?? 0,
    throttles: uncertain.throttles ?? 0,
    nextAttemptAt: at.toISOString(),
    lastError: `resent by an admin after: ${uncertain.lastError}`.slice(0, 1000),
  };
}

export function pendingOf(row: PendingRow & { etag: string }): PendingDelivery {
  return {
    message: readOutboxMessage(readJson<OutboxMessage>(row, 'data')),
    etag: row.etag,
    counts: { attempts: row.attempts ?? 0, throttles: row.throttles ?? 0 },
    nextAttemptAt: row.nextAttemptAt,
    ...(row.lastError ? { lastError: row.lastError } : {}),
    ...(row.lastStatus !== undefined ? { lastStatus: row.lastStatus } : {}),
    ...(row.claimedAt ? { inFlight: { since: row.claimedAt, by: row.claimedBy ?? '' } } : {}),
  };
}
