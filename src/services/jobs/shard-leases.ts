/**
 * Which shards this instance works on now: one lease per shard (`{job}-s07`, see RenewedLeases for
 * their length, renewal and takeover). With several instances each shard's job runs on exactly one of
 * them at a time; a dead instance's shards are taken over once its leases expire.
 */
import type { Clock } from '../../domain/ports/clock';
import { RenewedLeases, type Ticker } from './renewed-leases';
import type { LeaseStore } from '../../domain/ports/leases';

export interface ShardLeaseOptions {
  readonly job: string;
  readonly owner: string;
  readonly shards: readonly number[];
  readonly ttlMs?: number;
  readonly renewEveryMs?: number;
}

export class ShardLeases {
  private readonly leases: RenewedLeases;

  constructor(
    port: LeaseStore,
    clock: Clock,
    private readonly options: ShardLeaseOptions,
  ) {
    this.leases = new RenewedLeases(port, clock, {
      owner: options.owner,
      names: options.shards.map((shard) => ShardLeases.leaseName(options.job, shard)),
      ttlMs: options.ttlMs,
      renewEveryMs: options.renewEveryMs,
    });
  }

  static leaseName(job: string, shard: number): string {
    return `${job}-s${shard.toString().padStart(2, '0')}`;
  }

  get ttlMs(): number {
    return this.leases.ttlMs;
  }

  /** Renews held shards and tries for the others when due (cheap when nothing is due). */
  refresh(): Promise<void> {
    return this.leases.refresh();
  }

  /** The shards work may start on now. */
  held(): number[] {
    return this.options.shards.filter((shard) => this.holds(shard));
  }

  holds(shard: number): boolean {
    return this.leases.holds(ShardLeases.leaseName(this.options.job, shard));
  }

  /** Renews on a timer of its own, so a long batch never starves the renewal. */
  start(ticker?: Ticker): void {
    this.leases.start(ticker);
  }

  async releaseAll(): Promise<void> {
    await this.leases.releaseAll();
  }
}
