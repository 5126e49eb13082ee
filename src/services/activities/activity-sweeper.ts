/**
 * Keeps the activity records bounded: expired ones (older than ACTIVITY_MEMORY_MS) are deleted by a
 * periodic sweep, run by one instance at a time under a lease. The sweep runs seldom (every ten
 * minutes), so its BackgroundJob (start-activities.ts) takes the lease at each sweep, for longer than
 * a sweep takes, instead of renewing it in between.
 */
import type { ExpiringRecords } from '../../domain/ports/activities';
import type { Clock } from '../../domain/ports/clock';
import type { LeaseStore } from '../../domain/ports/leases';
import { RenewedLeases } from '../jobs/renewed-leases';

export const SWEEP_LEASE = 'activity-sweep';

export class ActivitySweeper {
  /** The sweep's lease, given up by its BackgroundJob on stop. */
  readonly leases: RenewedLeases;

  constructor(
    private readonly deps: {
      readonly stores: readonly ExpiringRecords[];
      readonly lease: LeaseStore;
      readonly clock: Clock;
      readonly owner: string;
      /** Longer than a sweep takes; shorter than the interval, so another instance can take over. */
      readonly leaseTtlMs: number;
    },
  ) {
    this.leases = new RenewedLeases(deps.lease, deps.clock, { owner: deps.owner, names: [SWEEP_LEASE], ttlMs: deps.leaseTtlMs });
  }

  /** One sweep of every store, if this instance holds the lease; how many records were deleted. */
  async runOnce(): Promise<number> {
    const now = this.deps.clock.now();
    await this.leases.refresh(now);
    if (!this.leases.holds(SWEEP_LEASE, now)) return 0;
    let deleted = 0;
    for (const store of this.deps.stores) deleted += await store.sweepExpired(now);
    return deleted;
  }
}
