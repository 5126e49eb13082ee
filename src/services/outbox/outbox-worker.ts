/**
 * Delivers the outbox. Each shard's pending messages are worked by the instance holding that shard's
 * lease (renewed on a timer of its own and checked before every call: see RenewedLeases); every call
 * to Teams first passes the rate limiter (per conversation, per tenant), and every outcome is written
 * back to the message's row: sent (moved to `sent|` with where it landed), retry scheduled, failed for
 * good, or uncertain (delivery-failures.ts). A message leaves the outbox only in the transaction that
 * records its outcome, so a crash at any point loses nothing.
 *
 * This file is the loop: leases, a batch per shard, one queue per conversation (conversation-queues.ts),
 * waits for the limiter. One message's attempt is one-delivery.ts.
 */
import { CALL_LIMIT_MS, DEFAULT_RETRY_POLICY } from '../../domain/delivery/delivery-outcome';
import { DEFAULT_TIMER_DURATIONS } from '../../domain/notifications/request-timers';
import { ShardLeases } from '../jobs/shard-leases';
import { conversationQueues } from './conversation-queues';
import { deliverOne } from './one-delivery';
import type { DeliveryContext, Outcome, OutboxRunSummary, OutboxWorkerDeps, OutboxWorkerOptions, Work } from './outbox-worker-types';

export type { OutboxRunSummary, OutboxWorkerDeps, OutboxWorkerOptions, UndeliverableHandler } from './outbox-worker-types';

/** How long one run keeps waiting for the limiter before it reads the outbox again (was half the old 60 s lease). */
const ROUND_BUDGET_MS = 30_000;

type Totals = { delivered: number; retried: number; failed: number; uncertain: number; deferred: number; wait: number };

export class OutboxWorker {
  /** This worker's shard leases: kept renewed and given up by its BackgroundJob (start-notifications.ts). */
  readonly leases: ShardLeases;
  private readonly delivery: DeliveryContext;
  private readonly concurrency: number;
  private readonly batchSize: number;
  private readonly pollMs: number;
  private readonly maxLimiterWaitMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly roundBudgetMs: number;
  private halted = false;

  constructor(
    private readonly deps: OutboxWorkerDeps,
    options: OutboxWorkerOptions,
  ) {
    this.leases = new ShardLeases(deps.leases, deps.clock, {
      job: 'outbox',
      owner: options.owner,
      shards: options.shards,
      ttlMs: options.leaseTtlMs,
    });
    this.batchSize = options.batchSize ?? 200;
    this.concurrency = options.concurrency ?? 16;
    this.pollMs = options.pollMs ?? 2_000;
    this.maxLimiterWaitMs = options.maxLimiterWaitMs ?? 0;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.roundBudgetMs = ROUND_BUDGET_MS;
    this.delivery = {
      deps,
      holds: (shard) => this.leases.holds(shard),
      owner: options.owner,
      claimMs: (options.callLimitMs ?? CALL_LIMIT_MS) * 1.5,
      pollMs: this.pollMs,
      tenantKey: options.tenantKey ?? 'tenant',
      timers: options.timers ?? DEFAULT_TIMER_DURATIONS,
      retry: options.retry ?? DEFAULT_RETRY_POLICY,
      random: options.random ?? Math.random,
    };
  }

  /** One pass over the shards this instance holds. */
  async runOnce(): Promise<OutboxRunSummary> {
    await this.leases.refresh();
    const shards = this.leases.held();
    const totals: Totals = { delivered: 0, retried: 0, failed: 0, uncertain: 0, deferred: 0, wait: Infinity };
    const now = this.deps.clock.now();
    const due = (
      await Promise.all(
        shards.map(async (shard) => (await this.deps.store.due(shard, now, this.batchSize)).map((pending) => ({ pending, shard }))),
      )
    ).flat();
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
    const work = conversationQueues(due);
    const started = Date.now();
    const workers = Array.from({ length: Math.min(this.concurrency, work.length) }, async () => {
      for (let queue = work.shift(); queue && !this.halted; queue = work.shift()) {
        for (const item of queue) {
          if (this.halted) break;
          let outcome: Outcome;
          try {
            outcome = await deliverOne(this.delivery, item);
            // Held back briefly by the limiter: wait here rather than read the outbox again.
            while (
              outcome.kind === 'deferred' &&
              outcome.waitMs <= this.maxLimiterWaitMs &&
              Date.now() - started + outcome.waitMs < this.roundBudgetMs &&
              !outcome.noWait &&
              !this.halted
            ) {
              await this.sleep(outcome.waitMs);
              outcome = await deliverOne(this.delivery, item);
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
}
