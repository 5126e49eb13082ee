/**
 * An outbox message as stored, in each of its states: pending (with its attempts), sent (with where
 * it landed), failed for good (with why). Pure data shared by the worker and the storage layer.
 */
import type { OutboxMessage } from '../outbox-message';
import type { AttemptCounts, DeliveryReceipt } from './delivery-outcome';

/** A message waiting in the outbox, with the ETag its next write must carry. */
export interface PendingDelivery {
  readonly message: OutboxMessage;
  readonly etag: string;
  readonly counts: AttemptCounts;
  readonly nextAttemptAt: string;
  readonly lastError?: string;
  readonly lastStatus?: number;
}

export interface SentRecord extends DeliveryReceipt {
  readonly message: OutboxMessage;
  readonly deliveredAt: string;
  readonly counts: AttemptCounts;
}

export type GiveUpReason = 'unreachable' | 'rejected' | 'too-many-attempts' | 'never-ready' | 'no-original';

export interface FailedRecord {
  readonly message: OutboxMessage;
  readonly reason: GiveUpReason;
  readonly lastError: string;
  readonly lastStatus?: number;
  readonly failedAt: string;
  readonly counts: AttemptCounts;
}

