/** What the outbox worker is given (its ports and options), what a run reports, and what one delivery works with. */
import type { DeliveryFailure, RetryPolicyOptions } from '../../domain/delivery/delivery-outcome';
import type { GiveUpReason, PendingDelivery } from '../../domain/delivery/outbox-records';
import type { TimerDurations } from '../../domain/notifications/request-timers';
import type { Clock } from '../../domain/ports/clock';
import type { LeaseStore } from '../../domain/ports/leases';
import type { MessageSender, OutboxStore } from '../../domain/ports/outbox';
import type { TeamsRateLimiter } from '../../domain/delivery/rate-limiter';
import type { TenantAllowance } from './tenant-allowance';

/**
 * Called when a message can never be delivered. Returns true when it took the fallback route and
 * moved the message out of the outbox itself (in the same transaction as the request change).
 */
export interface UndeliverableHandler {
  onUndeliverable(pending: PendingDelivery, reason: GiveUpReason, failure: DeliveryFailure): Promise<boolean>;
}

export interface OutboxWorkerDeps {
  readonly store: OutboxStore;
  readonly leases: LeaseStore;
  readonly sender: MessageSender;
  readonly limiter: TeamsRateLimiter;
  /** The tenant's calls shared with the other instances through storage (absent: this instance's limiter alone). */
  readonly tenantAllowance?: TenantAllowance;
  readonly clock: Clock;
  readonly undeliverable?: UndeliverableHandler;
  readonly log?: { warn(details: object, message: string): void; error(details: object, message: string): void };
}

export interface OutboxWorkerOptions {
  readonly owner: string;
  readonly shards: readonly number[];
  /** Shard lease length (default DEFAULT_LEASE_TTL_MS). */
  readonly leaseTtlMs?: number;
  /**
   * The sender's hard limit on one call (default CALL_LIMIT_MS). A claimed message is left alone for
   * half as long again; past that, nobody is waiting for its call any more.
   */
  readonly callLimitMs?: number;
  /** Pending messages read per shard per run. */
  readonly batchSize?: number;
  /** Conversations delivered to in parallel. */
  readonly concurrency?: number;
  /** Idle wait between runs (ms). */
  readonly pollMs?: number;
  readonly retry?: RetryPolicyOptions;
  readonly timers?: TimerDurations;
  readonly random?: () => number;
  /** The per-tenant limiter key (one tenant per deployment). */
  readonly tenantKey?: string;
  /**
   * A message the limiter holds back for at most this long is waited for inside the run (0: leave it
   * for the next run, as tests with a controllable clock need). A run waits so for 30 s at most.
   */
  readonly maxLimiterWaitMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface OutboxRunSummary {
  readonly shards: number;
  readonly delivered: number;
  readonly retried: number;
  readonly failed: number;
  /** The call may have landed: moved to "uncertain" for an admin (not sent again). */
  readonly uncertain: number;
  /** Held back by the rate limiter (or waiting for the card they update): still pending, not attempted. */
  readonly deferred: number;
  /** Suggested wait before the next run (ms). */
  readonly nextRunInMs: number;
}

/** A pending message and the shard (lease) it is worked under. */
export interface Work {
  readonly pending: PendingDelivery;
  readonly shard: number;
}

/** What became of one pending message in a run (deferred: still pending, not attempted). */
export type Outcome = { kind: 'delivered' | 'retried' | 'failed' | 'uncertain' } | { kind: 'deferred'; waitMs: number; noWait?: boolean };

/** What one delivery needs of the worker running it (see one-delivery.ts, delivery-failures.ts). */
export interface DeliveryContext {
  readonly deps: OutboxWorkerDeps;
  /** Whether this instance still holds a shard's lease (checked right before every call). */
  readonly holds: (shard: number) => boolean;
  readonly owner: string;
  /** How long a claimed message is left alone (1.5 × the call limit). */
  readonly claimMs: number;
  readonly pollMs: number;
  readonly tenantKey: string;
  readonly timers: TimerDurations;
  readonly retry: RetryPolicyOptions;
  readonly random: () => number;
}
