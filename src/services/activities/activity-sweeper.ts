/**
 * Keeps the activity records bounded: expired ones (older than ACTIVITY_MEMORY_MS) are deleted by a
 * periodic sweep, run by one instance at a time under a lease.
 */
import type { ExpiringRecords } from '../../domain/ports/activities';
import type { Clock } from '../../domain/ports/clock';
import type { LeaseStore } from '../../domain/ports/leases';

export const SWEEP_LEASE = 'activity-sweep';

export class ActivitySweeper {
  constructor(
    private readonly deps: {
      readonly stores: readonly ExpiringRecords[];
      readonly lease: LeaseStore;
      readonly clock: Clock;
      readonly owner: string;
      /** Longer than a sweep takes; shorter than the interval, so another instance can take over. */
      readonly leaseTtlMs: number;
    },
  ) {}

  /** One sweep of every store, if this instance holds the lease; how many records were deleted. */
  async runOnce(): Promise<number> {
    const now = this.deps.clock.now();
    if (!(await this.deps.lease.tryAcquire(SWEEP_LEASE, this.deps.owner, this.deps.leaseTtlMs, now))) return 0;
    let deleted = 0;
    for (const store of this.deps.stores) deleted += await store.sweepExpired(now);
    return deleted;
  }
}
