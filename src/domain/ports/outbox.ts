/**
 * The outbox: what the worker needs from storage (storage/outbox/table-outbox-store.ts), what the
 * admin view lists, and the sender that delivers a message to Teams (teams/proactive/teams-message-sender.ts).
 */
import type { AttemptCounts, DeliveryFailure, DeliveryReceipt, DeliveryResult } from '../delivery/delivery-outcome';
import type { FailedRecord, GiveUpReason, PendingDelivery, SentRecord, UncertainRecord } from '../delivery/outbox-records';
import type { RequestTimer } from '../notifications/request-timers';
import type { OutboxMessage } from '../outbox-message';

export interface OutboxStore {
  /** Pending messages of a shard whose next attempt is due, oldest first. */
  due(shard: number, now: Date, limit: number): Promise<PendingDelivery[]>;
  /** Moves the message to "sent" with where it landed (and starts its timer), atomically. Throws ConcurrencyConflictError if it moved meanwhile. */
  markSent(pending: PendingDelivery, receipt: DeliveryReceipt, at: Date, timer?: RequestTimer): Promise<void>;
  scheduleRetry(pending: PendingDelivery, counts: AttemptCounts, nextAttemptAt: Date, failure: DeliveryFailure): Promise<void>;
  markFailed(pending: PendingDelivery, reason: GiveUpReason, failure: DeliveryFailure, at: Date): Promise<void>;
  /**
   * Records, with the row's ETag, that a call for the message starts now: no worker takes the row
   * again before `until`. Returns it with its new ETag; throws ConcurrencyConflictError if it moved.
   */
  claim(pending: PendingDelivery, by: string, at: Date, until: Date): Promise<PendingDelivery>;
  /**
   * Gives a claim up, with its ETag, when the call was not made after all (the tenant's budget or the
   * conversation's limit held it back): pending again, due at `dueAt`, no attempt counted. Throws
   * ConcurrencyConflictError if it moved.
   */
  unclaim(pending: PendingDelivery, dueAt: Date): Promise<PendingDelivery>;
  /** Moves the message to "uncertain" (its call may have landed), atomically. Throws ConcurrencyConflictError if it moved. */
  markUncertain(pending: PendingDelivery, failure: DeliveryFailure, at: Date): Promise<void>;
  /** Where an earlier message of the request landed, once delivered. */
  sentRecord(requestId: string, messageId: string): Promise<SentRecord | undefined>;
  /** Whether a message is still pending (an update waits for the card it replaces). */
  isPending(requestId: string, messageId: string): Promise<boolean>;
}

/** What the admin view reads and decides, per shard. */
export interface OutboxListing {
  pending(shard: number, limit?: number): Promise<PendingDelivery[]>;
  failed(shard: number, limit?: number): Promise<FailedRecord[]>;
  uncertain(shard: number, limit?: number): Promise<UncertainRecord[]>;
  /** Resend: back in the outbox, due now. Dismiss: removed. False when no uncertain message has that id. */
  decideUncertain(messageId: string, decision: 'resend' | 'dismiss', at: Date): Promise<boolean>;
}

/** Delivers one message to Teams; never throws for a connector answer, only returns the outcome. */
export interface MessageSender {
  send(message: OutboxMessage, original?: SentRecord): Promise<DeliveryResult>;
  /**
   * Optional split of `send`: the look-ups before the call, then the call. The worker takes its
   * rate-limit permit in between, so the permit is close to when Teams counts the call.
   */
  prepare?(message: OutboxMessage, original?: SentRecord): Promise<DeliveryResult | (() => Promise<DeliveryResult>)>;
}
