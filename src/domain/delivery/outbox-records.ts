/**
 * An outbox message as stored, in each of its states: pending (with its attempts), sent (with where
 * it landed), failed for good (with why), uncertain (a call whose outcome is unknown, for an admin to
 * decide). Pure data shared by the worker and the storage layer.
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
  /**
   * A call for it started (the worker claimed the row first, with its ETag) and has not recorded its
   * outcome yet. Seen on a due row, it means the worker that made the call stopped: nobody knows
   * whether the call landed.
   */
  readonly inFlight?: { readonly since: string; readonly by: string };
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

/** A message whose call may or may not have landed: not sent again until an admin decides. */
export interface UncertainRecord {
  readonly message: OutboxMessage;
  /** When the call whose answer never came started (or when it was found unanswered). */
  readonly attemptedAt: string;
  readonly recordedAt: string;
  readonly lastError: string;
  readonly counts: AttemptCounts;
}
