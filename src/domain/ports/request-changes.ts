/**
 * What the request-handling use cases need from storage: read a request, and apply one change to it
 * (request row with its ETag, history, new outbox messages, timers, catalog flags, and possibly the
 * failed delivery that caused it) as one transaction (storage/outbox/table-request-changes.ts).
 */
import type { ActivityRecord } from '../activity-ref';
import type { DeliveryFailure } from '../delivery/delivery-outcome';
import type { GiveUpReason, PendingDelivery, SentRecord } from '../delivery/outbox-records';
import type { RequestHistoryEvent } from '../history';
import type { SupportRequest } from '../intake/support-request';
import type { CatalogFlag } from '../notifications/catalog-flag';
import type { RequestTimer } from '../notifications/request-timers';
import type { OutboxMessage } from '../outbox-message';
import type { NewTicket, StoredRequest } from './requests';

/** An undeliverable message, moved from pending to failed in the transaction of the change it caused. */
export interface FailedDelivery {
  readonly pending: PendingDelivery;
  readonly reason: GiveUpReason;
  readonly failure: DeliveryFailure;
  readonly at: Date;
}

export interface RequestChange {
  readonly stored: StoredRequest;
  readonly next: SupportRequest;
  readonly history: readonly RequestHistoryEvent[];
  /** How many history events the request has already (keeps history row keys unique). */
  readonly historyOffset: number;
  readonly outbox: readonly OutboxMessage[];
  readonly timersDone?: readonly RequestTimer[];
  readonly flags?: readonly CatalogFlag[];
  /** The undeliverable message that caused this change. */
  readonly failedDelivery?: FailedDelivery;
  /** The help desk ticket the change opens (same id and partition as the request). */
  readonly ticket?: NewTicket;
  /** The Teams activity that asked for the change: recorded in the same transaction (a second record fails it). */
  readonly activity?: ActivityRecord;
}

export interface RequestChangeStore {
  get(id: string): Promise<StoredRequest | undefined>;
  history(id: string): Promise<RequestHistoryEvent[]>;
  /** Atomic; throws ConcurrencyConflictError when the request (or the failed delivery) changed since read, or the activity was applied already. */
  apply(change: RequestChange): Promise<void>;
  /** The record of an activity applied to this request, if any. */
  activity(requestId: string, key: string): Promise<ActivityRecord | undefined>;
}

/** The outbox facts the handling use cases read: where the pings landed, for "claimed by X" updates. */
export interface OutboxLookup {
  messagesOf(requestId: string): Promise<{ readonly pending: readonly PendingDelivery[]; readonly sent: readonly SentRecord[] }>;
}
