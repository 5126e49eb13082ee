/**
 * Delivers the outbox. Each shard's pending messages are worked by the instance holding that shard's
 * lease (renewed on a timer of its own and checked before every call: see RenewedLeases); every call
 * to Teams first passes the rate limiter (per conversation, per tenant), and every outcome is written
 * back to the message's row: sent (moved to `sent|` with where it landed), retry scheduled (attempts,
 * last error, next attempt), failed for good (moved to `fail|`, or handed to the fallback route), or
 * uncertain (moved to `unsure|`: the call may have landed, see CALL_LIMIT_MS). A message leaves the
 * outbox only in the transaction that records its outcome, so a crash at any point loses nothing.
 *
 * A new message (DM, channel post) is called for at most once: its row is claimed with its ETag right
 * before the call, so no other worker (a shard taken over, a restart) calls for it again meanwhile; a
 * worker that finds a claim whose outcome was never recorded records the message as uncertain.
 */
import { CALL_LIMIT_MS, DEFAULT_RETRY_POLICY, isRepeatable, nextStep, type DeliveryFailure, type DeliveryResult, type RetryPolicyOptions } from '../../domain/delivery/delivery-outcome';
import type { TeamsRateLimiter } from '../../domain/delivery/rate-limiter';
import { DEFAULT_TIMER_DURATIONS, timerForDelivery, type TimerDurations } from '../../domain/notifications/request-timers';
import type { OutboxMessage } from '../../domain/outbox-message';
import { ConcurrencyConflictError } from '../../domain/ports/storage-errors';
import type { Clock } from '../../domain/ports/clock';
import type { LeaseStore } from '../../domain/ports/leases';
import type { MessageSender, OutboxStore } from '../../domain/ports/outbox';
import type { GiveUpReason, PendingDelivery, SentRecord } from '../../domain/delivery/outbox-records';
import { ShardLeases } from '../jobs/shard-leases';

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

/** An update waits this long for the card it replaces to be posted. */
const ORIGINAL_PENDING_DELAY_MS = 1_000;
/** How long one run keeps waiting for the limiter before it reads the outbox again (was half the old 60 s lease). */
const ROUND_BUDGET_MS = 30_000;

/** A pending message and the shard (lease) it is worked under. */
interface Work {
  readonly pending: PendingDelivery;
  readonly shard: number;
}

type Outcome = { kind: 'delivered' | 'retried' | 'failed' | 'uncertain' } | { kind: 'deferred'; waitMs: number; noWait?: boolean };
type Totals = { delivered: number; retried: number; failed: number; uncertain: number; deferred: number; wait: number };

export class OutboxWorker {
  /** This worker's shard leases: kept renewed and given up by its BackgroundJob (start-notifications.ts). */
  readonly leases: ShardLeases;
  private readonly retry: RetryPolicyOptions;
  private readonly timers: TimerDurations;
  private readonly random: () => number;
  private readonly batchSize: number;
  private readonly concurrency: number;
  private readonly pollMs: number;
  private readonly tenantKey: string;
  private readonly maxLimiterWaitMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly roundBudgetMs: number;
  private readonly claimMs: number;
  private readonly owner: string;
  private halted = false;

  constructor(
    private readonly deps: OutboxWorkerDeps,
    options: OutboxWorkerOptions,
  ) {
    this.leases = new ShardLeases(deps.leases, deps.clock, { job: 'outbox', owner: options.owner, shards: options.shards, ttlMs: options.leaseTtlMs });
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.timers = options.timers ?? DEFAULT_TIMER_DURATIONS;
    this.random = options.random ?? Math.random;
    this.batchSize = options.batchSize ?? 200;
    this.concurrency = options.concurrency ?? 16;
    this.pollMs = options.pollMs ?? 2_000;
    this.tenantKey = options.tenantKey ?? 'tenant';
    this.maxLimiterWaitMs = options.maxLimiterWaitMs ?? 0;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.roundBudgetMs = ROUND_BUDGET_MS;
    this.claimMs = (options.callLimitMs ?? CALL_LIMIT_MS) * 1.5;
    this.owner = options.owner;
  }

  /** One pass over the shards this instance holds. */
  async runOnce(): Promise<OutboxRunSummary> {
    await this.leases.refresh();
    const shards = this.leases.held();
    const totals: Totals = { delivered: 0, retried: 0, failed: 0, uncertain: 0, deferred: 0, wait: Infinity };
    const now = this.deps.clock.now();
    const due = (await Promise.all(shards.map(async (shard) => (await this.deps.store.due(shard, now, this.batchSize)).map((pending) => ({ pending, shard }))))).flat();
    await this.deliverAll(due, totals);
    const busy = totals.delivered + totals.retried + totals.failed + totals.uncertain > 0;
    const nextRunInMs = Number.isFinite(totals.wait) ? Math.max(5, Math.min(totals.wait, this.pollMs)) : busy ? 0 : this.pollMs;
    const { delivered, retried, failed, uncertain, deferred } = totals;
    return { shards: shards.length, delivered, retried, failed, uncertain, deferred, nextRunInMs };
  }

  /** Shutting down: the run in progress stops taking new messages (what it started, it finishes). */
  halt(): void {
    this.halted = true;
  }

  /**
   * One queue per conversation across every held shard, each worked in order (a card is posted before
   * it is updated; a throttled conversation waits as a whole), queues in parallel.
   */
  private async deliverAll(due: readonly Work[], totals: Totals): Promise<void> {
    const ordered = [...due].sort((a, b) => (a.pending.message.createdAt < b.pending.message.createdAt ? -1 : a.pending.message.createdAt > b.pending.message.createdAt ? 1 : 0));
    const queues = new Map<string, Work[]>();
    for (const work of ordered) {
      const key = groupKey(work.pending.message);
      const queue = queues.get(key) ?? [];
      queue.push(work);
      queues.set(key, queue);
    }
    const work = [...queues.values()];
    const started = Date.now();
    const workers = Array.from({ length: Math.min(this.concurrency, work.length) }, async () => {
      for (let queue = work.shift(); queue && !this.halted; queue = work.shift()) {
        for (const item of queue) {
          if (this.halted) break;
          let outcome: Outcome;
          try {
            outcome = await this.deliver(item);
            // Held back briefly by the limiter: wait here rather than read the outbox again.
            while (outcome.kind === 'deferred' && outcome.waitMs <= this.maxLimiterWaitMs && Date.now() - started + outcome.waitMs < this.roundBudgetMs && !outcome.noWait && !this.halted) {
              await this.sleep(outcome.waitMs);
              outcome = await this.deliver(item);
            }
          } catch (error) {
            // Storage trouble while recording an outcome: the row is still pending and a later run
            // decides again (a row claimed for a call comes back as uncertain once its claim runs
            // out: the call may have landed). Never let one queue's failure end the run meanwhile.
            this.deps.log?.error({ err: error, messageId: item.pending.message.id }, 'outbox delivery step failed; it stays pending');
            outcome = { kind: 'deferred', waitMs: this.pollMs };
          }
          if (outcome.kind === 'deferred') {
            totals.deferred += 1;
            totals.wait = Math.min(totals.wait, outcome.waitMs);
            break; // keep the conversation's order: the rest waits too
          }
          totals[outcome.kind] += 1;
          if (outcome.kind === 'retried') break;
        }
      }
    });
    await Promise.all(workers);
  }

  private async deliver(work: Work): Promise<Outcome> {
    let pending = work.pending;
    const message = pending.message;
    if (pending.inFlight) {
      // Claimed for a call whose outcome was never recorded (the worker making it stopped): it may have landed.
      const { since, by } = pending.inFlight;
      return this.afterFailure(pending, { kind: 'uncertain', detail: `a call started at ${since} by ${by} never recorded its outcome` }, undefined);
    }
    let original: SentRecord | undefined;
    if (message.target.kind === 'update') {
      // Pending first, then sent: a message only ever moves pending → sent, so this order cannot miss it.
      if (await this.deps.store.isPending(message.requestId, message.target.messageId)) {
        // The card it replaces is not posted yet: look again shortly, without counting an attempt.
        await this.reschedule(pending, pending.counts, new Date(this.deps.clock.now().getTime() + ORIGINAL_PENDING_DELAY_MS), { kind: 'not-ready', detail: 'the card to update is not posted yet' });
        return { kind: 'deferred', waitMs: ORIGINAL_PENDING_DELAY_MS, noWait: true };
      }
      original = await this.deps.store.sentRecord(message.requestId, message.target.messageId);
      if (original === undefined) return this.giveUp(pending, 'no-original', { kind: 'not-ready', detail: 'the card to update was never posted (or its delivery is uncertain)' });
    }

    const prepared = this.deps.sender.prepare ? await this.deps.sender.prepare(message, original) : () => this.deps.sender.send(message, original);
    let result: DeliveryResult;
    if (typeof prepared === 'function') {
      // Checked before every call, not once per run: a worker whose lease renewals failed stops here,
      // before another instance may take the shard over.
      if (!this.leases.holds(work.shard)) return { kind: 'deferred', waitMs: this.pollMs, noWait: true };
      const permit = this.deps.limiter.tryAcquire(limiterKey(message, original), this.tenantKey, this.deps.clock.now().getTime());
      if (!permit.ok) return { kind: 'deferred', waitMs: permit.waitMs };
      if (!isRepeatable(message.target)) {
        const at = this.deps.clock.now();
        try {
          pending = await this.deps.store.claim(pending, this.owner, at, new Date(at.getTime() + this.claimMs));
        } catch (error) {
          if (!(error instanceof ConcurrencyConflictError)) throw error;
          return { kind: 'deferred', waitMs: this.pollMs, noWait: true }; // another worker has it
        }
      }
      result = await prepared();
    } else {
      result = prepared;
    }
    if (!result.ok) return this.afterFailure(pending, result, original);
    const at = this.deps.clock.now();
    const receipt = { conversationId: result.conversationId, activityId: result.activityId, serviceUrl: result.serviceUrl };
    const timer = message.target.kind === 'user' ? timerForDelivery(message.purpose, message.requestId, at, this.timers) : undefined;
    try {
      await this.deps.store.markSent(pending, receipt, at, timer);
    } catch (error) {
      if (!(error instanceof ConcurrencyConflictError)) throw error;
      // Another worker moved it meanwhile (only possible past the claim, or for an update).
      this.deps.log?.warn({ messageId: message.id }, 'outbox message moved by another worker while being delivered');
    }
    return { kind: 'delivered' };
  }

  private async afterFailure(pending: PendingDelivery, failure: DeliveryFailure, original: SentRecord | undefined): Promise<Outcome> {
    const message = pending.message;
    const now = this.deps.clock.now();
    const step = nextStep(failure, { counts: pending.counts, now, firstQueuedAt: new Date(message.createdAt), repeatable: isRepeatable(message.target) }, this.retry, this.random);
    // Teams throttled the conversation, not only this message: everything to it waits for Retry-After.
    if (failure.kind === 'throttled' && step.kind === 'retry') this.deps.limiter.pause(limiterKey(message, original), step.at.getTime());
    switch (step.kind) {
      case 'retry':
        await this.reschedule(pending, step.counts, step.at, failure);
        return { kind: 'retried' };
      case 'uncertain':
        return this.markUncertain({ ...pending, counts: step.counts }, failure, now);
      case 'give-up':
        return this.giveUp({ ...pending, counts: step.counts }, step.reason, failure);
    }
  }

  private async markUncertain(pending: PendingDelivery, failure: DeliveryFailure, at: Date): Promise<Outcome> {
    this.deps.log?.warn({ messageId: pending.message.id, purpose: pending.message.purpose }, 'outbox message may or may not have been delivered: recorded as uncertain, not sent again');
    try {
      await this.deps.store.markUncertain(pending, failure, at);
    } catch (error) {
      if (!(error instanceof ConcurrencyConflictError)) throw error;
    }
    return { kind: 'uncertain' };
  }

  private async reschedule(pending: PendingDelivery, counts: PendingDelivery['counts'], at: Date, failure: DeliveryFailure): Promise<void> {
    try {
      await this.deps.store.scheduleRetry(pending, counts, at, failure);
    } catch (error) {
      if (!(error instanceof ConcurrencyConflictError)) throw error;
    }
  }

  private async giveUp(pending: PendingDelivery, reason: Parameters<OutboxStore['markFailed']>[1], failure: DeliveryFailure): Promise<{ kind: 'failed' }> {
    this.deps.log?.warn({ messageId: pending.message.id, purpose: pending.message.purpose, reason, status: failure.status }, 'outbox message failed for good');
    try {
      const handled = (await this.deps.undeliverable?.onUndeliverable(pending, reason, failure)) ?? false;
      if (!handled) await this.deps.store.markFailed(pending, reason, failure, this.deps.clock.now());
    } catch (error) {
      if (!(error instanceof ConcurrencyConflictError)) throw error;
    }
    return { kind: 'failed' };
  }
}

/** Messages to one conversation share a queue (updates are grouped by the card they replace). */
function groupKey(message: OutboxMessage): string {
  switch (message.target.kind) {
    case 'user':
      return `user:${message.target.aadObjectId}`;
    case 'channel':
      return `channel:${message.target.channel}`;
    case 'update':
      return `update:${message.target.messageId}`;
  }
}

/** The conversation a call counts against: an update counts against the conversation of the card it replaces. */
function limiterKey(message: OutboxMessage, original: SentRecord | undefined): string {
  if (original) return groupKey(original.message);
  return groupKey(message);
}
