/**
 * The list views' repair sweep: a ticket change writes its list rows right after its transaction
 * (storage/tickets/ticket-list-index.ts); when that step failed or its instance died, the change's
 * marker stays, and this sweep finishes the work. Idempotent, so two instances could run it at once
 * without harm; a lease taken at each sweep (like the activity sweep) just saves the duplicate reads.
 */
import type { Clock } from '../../domain/ports/clock';
import type { LeaseStore } from '../../domain/ports/leases';
import type { TicketListRepairs } from '../../domain/ports/ticket-lists';
import { RenewedLeases } from '../jobs/renewed-leases';

export const LIST_SWEEP_LEASE = 'ticket-list-sweep';
/** Markers younger than this are left to the instance following them now. */
export const LIST_SWEEP_GRACE_MS = 30_000;

export class TicketListSweep {
  /** The sweep's lease, given up by its BackgroundJob on stop. */
  readonly leases: RenewedLeases;

  constructor(
    private readonly deps: {
      readonly lists: TicketListRepairs;
      readonly lease: LeaseStore;
      readonly clock: Clock;
      readonly owner: string;
      /** Longer than a sweep takes; shorter than the interval, so another instance can take over. */
      readonly leaseTtlMs: number;
    },
  ) {
    this.leases = new RenewedLeases(deps.lease, deps.clock, { owner: deps.owner, names: [LIST_SWEEP_LEASE], ttlMs: deps.leaseTtlMs });
  }

  /** One sweep if this instance holds the lease; how many tickets' list rows were brought level. */
  async runOnce(): Promise<number> {
    const now = this.deps.clock.now();
    await this.leases.refresh(now);
    if (!this.leases.holds(LIST_SWEEP_LEASE, now)) return 0;
    return this.deps.lists.repairPending(new Date(now.getTime() - LIST_SWEEP_GRACE_MS));
  }
}
