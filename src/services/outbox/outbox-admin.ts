/**
 * The admin view of the outbox: deliveries stuck (still pending long after they were queued) and
 * deliveries that failed for good, across every shard; and the readiness figure (oldest pending age).
 */
import type { Clock } from '../ports';
import type { FailedRecord, PendingDelivery } from './outbox-ports';

export interface OutboxListing {
  pending(shard: number, limit?: number): Promise<PendingDelivery[]>;
  failed(shard: number, limit?: number): Promise<FailedRecord[]>;
}

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

export interface OutboxHealth {
  readonly pending: number;
  /** Age of the oldest pending message (ms); 0 when the outbox is empty. */
  readonly oldestPendingMs: number;
  readonly failed: number;
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

  /** For readiness: a growing oldest-pending age means deliveries are not keeping up. */
  async health(): Promise<OutboxHealth> {
    const now = this.clock.now().getTime();
    const [pending, failed] = await Promise.all([
      Promise.all(this.shards.map((s) => this.listing.pending(s))).then((r) => r.flat()),
      Promise.all(this.shards.map((s) => this.listing.failed(s))).then((r) => r.flat()),
    ]);
    const oldest = pending.reduce((min, p) => Math.min(min, Date.parse(p.message.createdAt)), Infinity);
    return { pending: pending.length, oldestPendingMs: Number.isFinite(oldest) ? Math.max(0, now - oldest) : 0, failed: failed.length };
  }
}

function targetLabel(target: PendingDelivery['message']['target']): string {
  switch (target.kind) {
    case 'user':
      return `DM ${target.displayName} (${target.aadObjectId})`;
    case 'channel':
      return `${target.channel} channel`;
    case 'update':
      return `update of ${target.messageId}`;
  }
}
