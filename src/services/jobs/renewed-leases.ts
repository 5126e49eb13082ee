/**
 * Named leases this instance keeps for a background job (the outbox of a shard, the SLA scheduler, the
 * sweep of activity records): taken when free or expired, renewed well before they run out, given up
 * on stop (see BackgroundJob, which starts and stops them with the job's loop).
 *
 * Leases are short (10 s by default) so that a crashed instance's work is taken over within about
 * 12 s (the rest of its lease, plus up to one renewal interval before another instance tries again).
 * Short leases are safe only if renewing them never waits for the work: `start` renews on a timer of
 * its own, so a long batch or a slow call to Teams cannot starve it, and the work asks `holds` before
 * each step, so an instance whose renewals failed (storage slow or down) stops before another
 * instance may take its lease over.
 *
 * The owner is one process (see start-notifications.ts): a process restarting under a new owner id
 * waits for its old leases to expire rather than take them back at once, because "the same owner"
 * cannot tell a dead process from one that is still running (a hung process, an overlapping restart).
 */
import type { Clock } from '../../domain/ports/clock';
import type { LeaseStore } from '../../domain/ports/leases';

/** Calls `tick` every `everyMs` until the returned function is called (tests pass a manual one). */
export type Ticker = (everyMs: number, tick: () => void) => () => void;

export const DEFAULT_LEASE_TTL_MS = 10_000;

export interface RenewedLeaseOptions {
  readonly owner: string;
  readonly names: readonly string[];
  readonly ttlMs?: number;
  /** How often held leases are renewed and free ones tried for (default a quarter of the lease). */
  readonly renewEveryMs?: number;
}

const realTicker: Ticker = (everyMs, tick) => {
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return () => clearInterval(timer);
};

export class RenewedLeases {
  readonly ttlMs: number;
  readonly renewEveryMs: number;
  /**
   * Work starts under a lease only with at least this much of it left: one renewal may fail (or take
   * a storage timeout) without stopping the work, two in a row stop it while the lease still runs,
   * leaving room for clock skew between instances.
   */
  readonly marginMs: number;
  /** Name → until when we hold it (ms since epoch, measured from before the call that took it). */
  private readonly heldUntil = new Map<string, number>();
  private readonly lastTry = new Map<string, number>();
  private refreshing?: Promise<void>;
  private stopTicker?: () => void;
  private closed = false;

  constructor(
    private readonly port: LeaseStore,
    private readonly clock: Clock,
    private readonly options: RenewedLeaseOptions,
  ) {
    this.ttlMs = options.ttlMs ?? DEFAULT_LEASE_TTL_MS;
    this.renewEveryMs = options.renewEveryMs ?? this.ttlMs / 4;
    this.marginMs = this.ttlMs * 0.3;
  }

  get owner(): string {
    return this.options.owner;
  }

  /**
   * Renews the leases held and tries for the others, each at most once per renewal interval (so
   * calling it often is cheap). One refresh at a time: a call during one joins it.
   */
  refresh(now: Date = this.clock.now()): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.refreshing ??= this.renew(now).finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  /** Whether work may start under the lease now (held, with the margin left). */
  holds(name: string, now: Date = this.clock.now()): boolean {
    return (this.heldUntil.get(name) ?? 0) - now.getTime() >= this.marginMs;
  }

  held(now: Date = this.clock.now()): string[] {
    return this.options.names.filter((name) => this.holds(name, now));
  }

  /** Renews on a timer of its own, independent of the work (idempotent). */
  start(ticker: Ticker = realTicker): void {
    if (this.stopTicker || this.closed) return;
    this.stopTicker = ticker(this.renewEveryMs, () => void this.refresh().catch(() => undefined));
  }

  /** Stops renewing and gives every lease up (shutdown); afterwards nothing is held or taken. */
  async releaseAll(): Promise<void> {
    this.closed = true;
    this.stopTicker?.();
    this.stopTicker = undefined;
    await this.refreshing?.catch(() => undefined);
    const names = [...this.heldUntil.keys()];
    this.heldUntil.clear();
    await Promise.all(names.map((name) => this.port.release(name, this.options.owner).catch(() => undefined)));
  }

  private async renew(now: Date): Promise<void> {
    const t = now.getTime();
    await Promise.all(
      this.options.names.map(async (name) => {
        const since = t - (this.lastTry.get(name) ?? -Infinity);
        // A little early rather than a tick late; a clock that went back (tests) counts as due.
        if (since >= 0 && since < this.renewEveryMs * 0.9) return;
        this.lastTry.set(name, t);
        try {
          if (await this.port.tryAcquire(name, this.options.owner, this.ttlMs, now)) this.heldUntil.set(name, t + this.ttlMs);
          else this.heldUntil.delete(name);
        } catch {
          // Storage slow or down: what we hold runs out on its own (`holds` stops the work in time).
        }
      }),
    );
    if (this.closed) this.heldUntil.clear();
  }
}
