/**
 * Delivers the outbox. Each shard's pending messages are worked by the instance holding that shard's
 * lease; every call to Teams first passes the rate limiter (per conversation, per tenant), and every
 * outcome is written back to the message's row: sent (moved to `sent|` with where it landed), retry
 * scheduled (attempts, last error, next attempt), or failed for good (moved to `fail|`, or handed to
 * the fallback route). A message leaves the outbox only in the transaction that records its outcome,
 * so a crash at any point loses nothing (at worst a message whose send succeeded is sent again).
 */
import { DEFAULT_RETRY_POLICY, nextStep, type DeliveryFailure, type DeliveryResult, type RetryPolicyOptions } from '../../domain/delivery/delivery-outcome';
import type { TeamsRateLimiter } from '../../domain/delivery/rate-limiter';
import { DEFAULT_TIMER_DURATIONS, timerForDelivery, type TimerDurations } from '../../domain/notifications/request-timers';
import type { OutboxMessage } from '../../domain/outbox-message';
import { ConcurrencyConflictError } from '../../storage/storage-errors';
import type { Clock } from '../ports';
import type { LeasePort, MessageSender, OutboxStore, PendingDelivery, SentRecord, UndeliverableHandler } from './outbox-ports';
import { ShardLeases } from './shard-leases';

export interface OutboxWorkerDeps {
  readonly store: OutboxStore;
  readonly leases: LeasePort;
  readonly sender: MessageSender;
  readonly limiter: TeamsRateLimiter;
  readonly clock: Clock;
  readonly undeliverable?: UndeliverableHandler;
  readonly log?: { warn(details: object, message: string): void; error(details: object, message: string): void };
}

export interface OutboxWorkerOptions {
  readonly owner: string;
  readonly shards: readonly number[];
  readonly leaseTtlMs?: number;
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
   * for the next run, as tests with a controllable clock need). Bounded by half the lease.
   */
  readonly maxLimiterWaitMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface OutboxRunSummary {
  readonly shards: number;
  readonly delivered: number;
  readonly retried: number;
  readonly failed: number;
  /** Held back by the rate limiter (or waiting for the card they update): still pending, not attempted. */
  readonly deferred: number;
  /** Suggested wait before the next run (ms). */
  readonly nextRunInMs: number;
}

/** An update waits this long for the card it replaces to be posted. */
const ORIGINAL_PENDING_DELAY_MS = 1_000;

export class OutboxWorker {
  private readonly leases: ShardLeases;
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
  private halted = false;

  constructor(
    private readonly deps: OutboxWorkerDeps,
    options: OutboxWorkerOptions,
  ) {
    const ttl = options.leaseTtlMs ?? 60_000;
    this.leases = new ShardLeases(deps.leases, deps.clock, { job: 'outbox', owner: options.owner, shards: options.shards, ttlMs: ttl, acquireEveryMs: ttl / 4 });
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.timers = options.timers ?? DEFAULT_TIMER_DURATIONS;
    this.random = options.random ?? Math.random;
    this.batchSize = options.batchSize ?? 200;
    this.concurrency = options.concurrency ?? 16;
    this.pollMs = options.pollMs ?? 2_000;
    this.tenantKey = options.tenantKey ?? 'tenant';
    this.maxLimiterWaitMs = options.maxLimiterWaitMs ?? 0;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.roundBudgetMs = ttl / 2;
  }

  /** One pass over the shards this instance holds. */
  async runOnce(): Promise<OutboxRunSummary> {
    const shards = await this.leases.held();
    const totals = { delivered: 0, retried: 0, failed: 0, deferred: 0, wait: Infinity };
    const now = this.deps.clock.now();
    const due = (await Promise.all(shards.map((shard) => this.deps.store.due(shard, now, this.batchSize)))).flat();
    await this.deliverAll(due, totals);
    const busy = totals.delivered + totals.retried + totals.failed > 0;
    const nextRunInMs = Number.isFinite(totals.wait) ? Math.max(5, Math.min(totals.wait, this.pollMs)) : busy ? 0 : this.pollMs;
    return { shards: shards.length, delivered: totals.delivered, retried: totals.retried, failed: totals.failed, deferred: totals.deferred, nextRunInMs };
  }

  /** Shutting down: the run in progress stops taking new messages (what it started, it finishes). */
  halt(): void {
    this.halted = true;
  }

  async release(): Promise<void> {
    await this.leases.releaseAll();
  }

  /**
   * One queue per conversation across every held shard, each worked in order (a card is posted before
   * it is updated; a throttled conversation waits as a whole), queues in parallel.
   */
  private async deliverAll(due: readonly PendingDelivery[], totals: { delivered: number; retried: number; failed: number; deferred: number; wait: number }): Promise<void> {
    const ordered = [...due].sort((a, b) => (a.message.createdAt < b.message.createdAt ? -1 : a.message.createdAt > b.message.createdAt ? 1 : 0));
    const queues = new Map<string, PendingDelivery[]>();
    for (const pending of ordered) {
      const key = groupKey(pending.message);
      const queue = queues.get(key) ?? [];
      queue.push(pending);
      queues.set(key, queue);
    }
    const work = [...queues.values()];
    const started = Date.now();
    const workers = Array.from({ length: Math.min(this.concurrency, work.length) }, async () => {
      for (let queue = work.shift(); queue && !this.halted; queue = work.shift()) {
        for (const pending of queue) {
          if (this.halted) break;
          let outcome: Awaited<ReturnType<OutboxWorker['deliver']>>;
          try {
            outcome = await this.deliver(pending);
            // Held back briefly by the limiter: wait here rather than read the outbox again.
            while (outcome.kind === 'deferred' && outcome.waitMs <= this.maxLimiterWaitMs && Date.now() - started + outcome.waitMs < this.roundBudgetMs && !outcome.noWait && !this.halted) {
              await this.sleep(outcome.waitMs);
              outcome = await this.deliver(pending);
            }
          } catch (error) {
            // Storage trouble while recording an outcome: the row is still pending, the next run tries
            // again. Never let one queue's failure end the run while other queues are mid-send.
            this.deps.log?.error({ err: error, messageId: pending.message.id }, 'outbox delivery step failed; it stays pending');
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

  private async deliver(pending: PendingDelivery): Promise<{ kind: 'delivered' | 'retried' | 'failed' } | { kind: 'deferred'; waitMs: number; noWait?: boolean }> {
    const message = pending.message;
    let original: SentRecord | undefined;
    if (message.target.kind === 'update') {
      // Pending first, then sent: a message only ever moves pending → sent, so this order cannot miss it.
      if (await this.deps.store.isPending(message.requestId, message.target.messageId)) {
        // The card it replaces is not posted yet: look again shortly, without counting an attempt.
        await this.reschedule(pending, pending.counts, new Date(this.deps.clock.now().getTime() + ORIGINAL_PENDING_DELAY_MS), { kind: 'not-ready', detail: 'the card to update is not posted yet' });
        return { kind: 'deferred', waitMs: ORIGINAL_PENDING_DELAY_MS, noWait: true };
      }
      original = await this.deps.store.sentRecord(message.requestId, message.target.messageId);
      if (original === undefined) return this.giveUp(pending, 'no-original', { kind: 'not-ready', detail: 'the card to update was never posted' });
    }

    const prepared = this.deps.sender.prepare ? await this.deps.sender.prepare(message, original) : () => this.deps.sender.send(message, original);
    let result: DeliveryResult;
    if (typeof prepared === 'function') {
      const permit = this.deps.limiter.tryAcquire(limiterKey(message, original), this.tenantKey, this.deps.clock.now().getTime());
      if (!permit.ok) return { kind: 'deferred', waitMs: permit.waitMs };
      result = await prepared();
    } else {
      result = prepared;
    }
    const at = this.deps.clock.now();
    if (result.ok) {
      const receipt = { conversationId: result.conversationId, activityId: result.activityId, serviceUrl: result.serviceUrl };
      const timer = message.target.kind === 'user' ? timerForDelivery(message.purpose, message.requestId, at, this.timers) : undefined;
      try {
        await this.deps.store.markSent(pending, receipt, at, timer);
      } catch (error) {
        if (!(error instanceof ConcurrencyConflictError)) throw error;
        // Another instance moved it (our lease lapsed mid-send): it may have been delivered twice.
        this.deps.log?.warn({ messageId: message.id }, 'outbox message moved by another worker while being delivered');
      }
      return { kind: 'delivered' };
    }

    const step = nextStep(result, pending.counts, at, new Date(message.createdAt), this.retry, this.random);
    // Teams throttled the conversation, not only this message: everything to it waits for Retry-After.
    if (result.kind === 'throttled' && step.kind === 'retry') this.deps.limiter.pause(limiterKey(message, original), step.at.getTime());
    if (step.kind === 'retry') {
      await this.reschedule(pending, step.counts, step.at, result);
      return { kind: 'retried' };
    }
    return this.giveUp({ ...pending, counts: step.counts }, step.reason, result);
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
