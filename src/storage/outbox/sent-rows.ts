/**
 * A delivered message (case-partitions.ts): `sent|{messageId}`, the message and where it landed
 * (conversation id, activity id, service URL), so a later update of the card can find it.
 */
import type { DeliveryReceipt } from '../../domain/delivery/delivery-outcome';
import type { PendingDelivery, SentRecord } from '../../domain/delivery/outbox-records';
import { readOutboxMessage, type OutboxMessage } from '../../domain/outbox-message';
import { jsonProperties, readJson } from '../stored-text';

export const SENT_ROW = {
  key: (messageId: string) => `sent|${messageId}`,
  prefix: 'sent|',
} as const;

export interface SentRow {
  partitionKey: string;
  rowKey: string;
  /** The OutboxMessage JSON as UTF-8 bytes, possibly continued in `data_1`… (stored-text.ts); a string in rows written before. */
  data: Uint8Array | string;
  conversationId: string;
  activityId?: string;
  serviceUrl?: string;
  deliveredAt: string;
  attempts: number;
  throttles: number;
}

export function sentEntity(pk: string, pending: PendingDelivery, receipt: DeliveryReceipt, at: Date): SentRow {
  const message = pending.message;
  return {
    partitionKey: pk,
    rowKey: SENT_ROW.key(message.id),
    ...jsonProperties('data', message),
    conversationId: receipt.conversationId,
    deliveredAt: at.toISOString(),
    attempts: pending.counts.attempts,
    throttles: pending.counts.throttles,
    ...(receipt.activityId ? { activityId: receipt.activityId } : {}),
    ...(receipt.serviceUrl ? { serviceUrl: receipt.serviceUrl } : {}),
  };
}

export function sentOf(row: SentRow): SentRecord {
  return {
    message: readOutboxMessage(readJson<OutboxMessage>(row, 'data')),
    conversationId: row.conversationId,
    deliveredAt: row.deliveredAt,
    counts: { attempts: row.attempts ?? 0, throttles: row.throttles ?? 0 },
    ...(row.activityId ? { activityId: row.activityId } : {}),
    ...(row.serviceUrl ? { serviceUrl: row.serviceUrl } : {}),
  };
}
