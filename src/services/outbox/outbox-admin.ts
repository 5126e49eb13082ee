/**
 * The admin view of the outbox: deliveries stuck (still pending long after they were queued),
 * deliveries that failed for good, and deliveries whose outcome is uncertain (the call may have
 * landed: an admin checks with the person, then resends or dismisses), across every shard; and the
 * readiness figure (oldest pending age).
 */
import type { Clock } from '../../domain/ports/clock';
import type { OutboxListing } from '../../domain/ports/outbox';
import type { PendingDelivery } from '../../domain/delivery/outbox-records';

export interface StuckDelivery {
  readonly messageId: string;
  readonly requestId: string;
  readonly purpose: string;
  readonly target: string;
  readonly queuedAt: string;
  readonly ageMinutes: number;
  readonly attempts: number;
  readonly throttles: number;
  readonly nextAttemptAt: string;
  readonly lastError?: string;
}

export interface FailedDelivery {
  readonly messageId: string;
  readonly requestId: string;
  readonly purpose: string;
  readonly target: string;
  readonly reason: string;
  readonly failedAt: string;
  readonly attempts: number;
  readonly lastError: string;
}

export interface UncertainDelivery {
  readonly messageId: string;
  readonly requestId: string;
  readonly purpose: string;
  readonly target: string;
  /** When the call whose answer never came started. */
  readonly attemptedAt: string;
  readonly attempts: number;
  readonly lastError: string;
}

export interface OutboxHealth {
  readonly pending: number;
  /** Age of the oldest pending message (ms); 0 when the outbox is empty. */
  readonly oldestPendingMs: number;
  readonly failed: number;
  /** Calls that may or may not have landed, waiting for an admin's decision. */
  readonly uncertain: number;
}

export class OutboxAdmin {
  constructor(
    private readonly listing: OutboxListing,
    private readonly clock: Clock,
    private readonly shards: readonly number[],
    private readonly adminIds: ReadonlySet<string> = new Set(),
    /** Pending longer than this is "stuck". */
    private readonly stuckAfterMs = 15 * 60_000,
  ) {}

  isAdmin(aadObjectId: string): boolean {
    return this.adminIds.has(aadObjectId.toLowerCase());
  }

  async stuck(olderThanMs = this.stuckAfterMs): Promise<StuckDelivery[]> {
    const now = this.clock.now().getTime();
    const all = (await Promise.all(this.shards.map((s) => this.listing.pending(s)))).flat();
    return all
      .filter((p) => now - Date.parse(p.message.createdAt) >= olderThanMs)
      .sort((a, b) => Date.parse(a.message.createdAt) - Date.parse(b.message.createdAt))
      .map((p) => ({
        messageId: p.message.id,
        requestId: p.message.requestId,
        purpose: p.message.purpose,
        target: targetLabel(p.message.target),
        queuedAt: p.message.createdAt,
        ageMinutes: Math.floor((now - Date.parse(p.message.createdAt)) / 60_000),
        attempts: p.counts.attempts,
        throttles: p.counts.throttles,
        nextAttemptAt: p.nextAttemptAt,
        ...(p.lastError ? { lastError: p.lastError } : {}),
      }));
  }

  async failed(): Promise<FailedDelivery[]> {
    const all = (await Promise.all(this.shards.map((s) => this.listing.failed(s)))).flat();
    return all
      .sort((a, b) => (a.failedAt < b.failedAt ? 1 : -1))
      .map((f) => ({
        messageId: f.message.id,
        requestId: f.message.requestId,
        purpose: f.message.purpose,
        target: targetLabel(f.message.target),
        reason: f.reason,
        failedAt: f.failedAt,
        attempts: f.counts.attempts,
        lastError: f.lastError,
      }));
  }

  /** Oldest first: the longer one waits, the less likely the person still needs it resent. */
  async uncertain(): Promise<UncertainDelivery[]> {
    const all = (await Promise.all(this.shards.map((s) => this.listing.uncertain(s)))).flat();
    return all
      .sort((a, b) => (a.attemptedAt < b.attemptedAt ? -1 : a.attemptedAt > b.attemptedAt ? 1 : 0))
      .map((u) => ({
        messageId: u.message.id,
        requestId: u.message.requestId,
        purpose: u.message.purpose,
        target: targetLabel(u.message.target),
        attemptedAt: u.attemptedAt,
        attempts: u.counts.attempts,
        lastError: u.lastError,
      }));
  }

  /** The admin checked with the person: it did not arrive, send it again. */
  resend(messageId: string): Promise<boolean> {
    return this.listing.decideUncertain(messageId, 'resend', this.clock.now());
  }

  /** The admin checked with the person: it arrived (or is not needed any more). */
  dismiss(messageId: string): Promise<boolean> {
    return this.listing.decideUncertain(messageId, 'dismiss', this.clock.now());
  }

  /** For readiness: a growing oldest-pending age means deliveries are not keeping up. */
  async health(): Promise<OutboxHealth> {
    const now = this.clock.now().getTime();
    const across = <T>(list: (shard: number) => Promise<T[]>) => Promise.all(this.shards.map(list)).then((r) => r.flat());
    const [pending, failed, uncertain] = await Promise.all([
      across((s) => this.listing.pending(s)),
      across((s) => this.listing.failed(s)),
      across((s) => this.listing.uncertain(s)),
    ]);
    const oldest = pending.reduce((min, p) => Math.min(min, Date.parse(p.message.createdAt)), Infinity);
    return {
      pending: pending.length,
      oldestPendingMs: Number.isFinite(oldest) ? Math.max(0, now - oldest) : 0,
      failed: failed.length,
      uncertain: uncertain.length,
    };
  }
}

function targetLabel(target: PendingDelivery['message']['target']): string {
  switch (target.kind) {
    case 'user':
      return `DM ${target.displayName} (${target.aadObjectId})`;
    case 'channel':
      return `${target.channel} channel`;
    case 'team-channel':
      return `team-channel:${target.channelId}`;
    case 'update':
      return `update of ${target.messageId}`;
  }
}
