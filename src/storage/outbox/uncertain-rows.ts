/**
 * A message whose call may or may not have landed (case-partitions.ts): `unsure|{messageId}`. It is
 * not sent again until an admin resends it (back to pending-rows.ts) or dismisses it.
 */
import type { DeliveryFailure } from '../../domain/delivery/delivery-outcome';
import type { PendingDelivery, UncertainRecord } from '../../domain/delivery/outbox-records';
import type { OutboxMessage } from '../../domain/outbox-message';

export const UNCERTAIN_ROW = {
  key: (messageId: string) => `unsure|${messageId}`,
  prefix: 'unsure|',
} as const;

export interface UncertainRow {
  partitionKey: string;
  rowKey: string;
  data: string;
  attemptedAt: string;
  recordedAt: string;
  lastError: string;
  attempts: number;
  throttles: number;
}

export function uncertainEntity(pk: string, pending: PendingDelivery, failure: DeliveryFailure, at: Date): UncertainRow {
  return {
    partitionKey: pk,
    rowKey: UNCERTAIN_ROW.key(pending.message.id),
    data: JSON.stringify(pending.message),
    attemptedAt: pending.inFlight?.since ?? at.toISOString(),
    recordedAt: at.toISOString(),
    lastError: `${failure.kind}: ${failure.detail}`.slice(0, 1000),
    attempts: pending.counts.attempts,
    throttles: pending.counts.throttles,
  };
}

export function uncertainOf(row: UncertainRow): UncertainRecord {
  return {
    message: JSON.parse(row.data) as OutboxMessage,
    attemptedAt: row.attemptedAt,
    recordedAt: row.recordedAt,
    lastError: row.lastError,
    counts: { attempts: row.attempts ?? 0, throttles: row.throttles ?? 0 },
  };
}
