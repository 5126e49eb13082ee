/**
 * Which shards this instance works on now: one lease per shard (`{job}-s07`), taken when free or
 * expired, renewed before it runs out, released on stop. With several instances each shard's job runs
 * on exactly one of them at a time; a dead instance's shards are taken over once its leases expire.
 */
import type { Clock } from '../ports';
import type { LeasePort } from './outbox-ports';

export interface ShardLeaseOptions {
  readonly job: string;
  readonly owner: string;
  readonly shards: readonly number[];
  readonly ttlMs: number;
  /** How often to try for shards we don't hold (ms). */
  readonly acquireEveryMs: number;
}

export class ShardLeases {
  /** Shard → until when we hold it (ms since epoch). */
  private readonly heldUntil = new Map<number, number>();
  private lastAttempt = new Map<number, number>();

  constructor(
    private readonly leases: LeasePort,
    private readonly clock: Clock,
    private readonly options: ShardLeaseOptions,
  ) {}

  static leaseName(job: string, shard: number): string {
    return `${job}-s${shard.toString().padStart(2, '0')}`;
  }

  /** The shards held now, renewing those past half their lease and trying for the others when due. */
  async held(): Promise<number[]> {
    const now = this.clock.now();
    const t = now.getTime();
    const { ttlMs, acquireEveryMs } = this.options;
    await Promise.all(
      this.options.shards.map(async (shard) => {
        const until = this.heldUntil.get(shard);
        const mine = until !== undefined && until > t;
        if (mine && until - t > ttlMs / 2) return;
        if (!mine && t - (this.lastAttempt.get(shard) ?? -Infinity) < acquireEveryMs) return;
        this.lastAttempt.set(shard, t);
        let ok = false;
        try {
          ok = await this.leases.tryAcquire(ShardLeases.leaseName(this.options.job, shard), this.options.owner, ttlMs, now);
        } catch {
          ok = false; // storage hiccup: work on it next time
        }
        if (ok) this.heldUntil.set(shard, t + ttlMs);
        else this.heldUntil.delete(shard);
      }),
    );
    return this.options.shards.filter((s) => (this.heldUntil.get(s) ?? 0) > t);
  }

  /** Forget a shard (its work overran the lease): it is tried again next time. */
  drop(shard: number): void {
    this.heldUntil.delete(shard);
  }

  async releaseAll(): Promise<void> {
    const shards = [...this.heldUntil.keys()];
    this.heldUntil.clear();
    await Promise.all(shards.map((s) => this.leases.release(ShardLeases.leaseName(this.options.job, s), this.options.owner).catch(() => undefined)));
  }
}
