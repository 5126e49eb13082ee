/**
 * Fires the request timers (no acknowledgement from the maker, no claim from co-owners) of the shards
 * this instance holds the `timers` lease for. Timers live in storage; firing one is a transaction on
 * the request with its ETag, so a timer racing with a click or another instance moves a request once.
 */
import type { RequestTimer } from '../../domain/notifications/request-timers';
import type { TimerStore } from '../../domain/ports/timers';
import type { Clock } from '../../domain/ports/clock';
import type { LeaseStore } from '../../domain/ports/leases';
import { ShardLeases } from '../jobs/shard-leases';

export interface TimerFirer {
  fireTimer(timer: RequestTimer): Promise<'moved-on' | 'not-applicable'>;
}

export interface TimerSchedulerOptions {
  readonly owner: string;
  readonly shards: readonly number[];
  readonly leaseTtlMs?: number;
  readonly pollMs?: number;
}

export class TimerScheduler {
  /** The `timers` shard leases: kept renewed and given up by its BackgroundJob (start-notifications.ts). */
  readonly leases: ShardLeases;
  readonly pollMs: number;

  constructor(
    private readonly deps: {
      readonly timers: TimerStore;
      readonly leases: LeaseStore;
      readonly clock: Clock;
      readonly firer: TimerFirer;
      readonly log?: { error(d: object, m: string): void };
    },
    options: TimerSchedulerOptions,
  ) {
    this.leases = new ShardLeases(deps.leases, deps.clock, {
      job: 'timers',
      owner: options.owner,
      shards: options.shards,
      ttlMs: options.leaseTtlMs,
    });
    this.pollMs = options.pollMs ?? 15_000;
  }

  async runOnce(): Promise<{ fired: number; movedOn: number }> {
    await this.leases.refresh();
    let fired = 0;
    let movedOn = 0;
    for (const shard of this.leases.held()) {
      const due = await this.deps.timers.dueTimers(shard, this.deps.clock.now(), 100);
      for (const timer of due) {
        if (!this.leases.holds(shard)) break; // renewals failed: another instance may take the shard over
        try {
          const outcome = await this.deps.firer.fireTimer(timer);
          fired += 1;
          if (outcome === 'moved-on') movedOn += 1;
          // Also covers a timer whose request is gone (the change transaction removes the others).
          else await this.deps.timers.deleteTimer(timer);
        } catch (error) {
          this.deps.log?.error({ err: error, requestId: timer.requestId, kind: timer.kind }, 'timer failed; it stays due');
        }
      }
    }
    return { fired, movedOn };
  }
}
