/**
 * Sliding-window rate limiting with injected time: the outbox worker asks before every call to the
 * Bot Connector, so it stays under Teams' limits instead of provoking 429s. Pure logic, no timers.
 */

/** At most `limit` calls in any `windowMs` interval. */
export interface RateWindow {
  readonly limit: number;
  readonly windowMs: number;
}

/**
 * Teams' limits per bot per conversation, as Microsoft publishes them ("Optimize your bot with rate
 * limiting in Teams"; see the README's section "Teams' limits").
 */
export const TEAMS_CONVERSATION_WINDOWS: readonly RateWindow[] = [
  { limit: 7, windowMs: 1_000 },
  { limit: 8, windowMs: 2_000 },
  { limit: 60, windowMs: 30_000 },
  { limit: 1_800, windowMs: 3_600_000 },
];

/** Per app per tenant: Teams allows 50 requests / s (older pages said 30); the rate is OUTBOX_TENANT_RATE (default 45). */
export function tenantWindows(perSecond: number): readonly RateWindow[] {
  return [{ limit: Math.max(1, Math.floor(perSecond)), windowMs: 1_000 }];
}

/**
 * One sliding-window log per key (a conversation, a tenant). `marginMs` widens every window a little,
 * so clock skew and network jitter between our send and the service's count cannot tip us over.
 */
export class SlidingWindowLimiter {
  private readonly logs = new Map<string, number[]>();
  private readonly longestMs: number;

  constructor(
    private readonly windows: readonly RateWindow[],
    private readonly marginMs = 0,
  ) {
    if (windows.length === 0 || windows.some((w) => w.limit < 1 || w.windowMs <= 0)) throw new RangeError('invalid rate windows');
    this.longestMs = Math.max(...windows.map((w) => w.windowMs)) + marginMs;
  }

  /** The earliest instant (ms) at which a call for `key` would respect every window; `nowMs` if now. */
  earliest(key: string, nowMs: number): number {
    const log = this.prune(key, nowMs);
    let at = nowMs;
    for (const w of this.windows) {
      if (log.length < w.limit) continue;
      // The call `limit` calls back must have left the window.
      const blocking = log[log.length - w.limit];
      at = Math.max(at, blocking + w.windowMs + this.marginMs);
    }
    return at;
  }

  /** Records a call now if allowed; otherwise returns how long to wait (ms) and records nothing. */
  tryAcquire(key: string, nowMs: number): { readonly ok: true } | { readonly ok: false; readonly waitMs: number } {
    const at = this.earliest(key, nowMs);
    if (at > nowMs) return { ok: false, waitMs: at - nowMs };
    this.record(key, nowMs);
    return { ok: true };
  }

  /** Records a call made without asking (e.g. the other half of a combined acquire). */
  record(key: string, nowMs: number): void {
    this.prune(key, nowMs);
    let log = this.logs.get(key);
    if (log === undefined) {
      log = [];
      this.logs.set(key, log);
    }
    // Calls are recorded in time order; a clock that went backwards is treated as "now".
    log.push(Math.max(nowMs, log[log.length - 1] ?? nowMs));
  }

  /** Calls recorded for `key` inside the longest window (for tests and metrics). */
  count(key: string, nowMs: number): number {
    return this.prune(key, nowMs).length;
  }

  /** The key's calls still inside the longest window; forgets keys with none (memory stays bounded). */
  private prune(key: string, nowMs: number): number[] {
    const log = this.logs.get(key);
    if (log === undefined) return [];
    const horizon = nowMs - this.longestMs;
    let drop = 0;
    while (drop < log.length && log[drop] <= horizon) drop++;
    if (drop > 0) log.splice(0, drop);
    if (log.length === 0) this.logs.delete(key);
    return log;
  }
}

/**
 * Both of Teams' limits at once: a call to a conversation needs room in that conversation's windows
 * and in the tenant's. Acquire is all-or-nothing. When the tenant's calls are scheduled for every
 * instance through storage (services/outbox/tenant-allowance.ts), the tenant window here is left out
 * (`tenantPerSecond: 'shared'`): a second count of the same calls would only hold back instants the
 * schedule has already spaced.
 */
export class TeamsRateLimiter {
  private readonly conversations: SlidingWindowLimiter;
  private readonly tenants: SlidingWindowLimiter | undefined;
  /** Conversations Teams throttled (429): nothing goes to them before Retry-After has passed. */
  private readonly pausedUntil = new Map<string, number>();

  /**
   * `marginMs` widens the conversation windows, which Teams enforces at exactly its published figures.
   * The tenant window has its own margin, `tenantMarginMs` (default none): its headroom is in the
   * configured rate itself (OUTBOX_TENANT_RATE, 45 of Teams' 50 / s by default), and a margin of time
   * on a one-second window would cost its whole share of the rate (100 ms = 9 %).
   */
  constructor(
    options: {
      readonly tenantPerSecond?: number | 'shared';
      readonly marginMs?: number;
      readonly tenantMarginMs?: number;
      readonly conversationWindows?: readonly RateWindow[];
    } = {},
  ) {
    this.conversations = new SlidingWindowLimiter(options.conversationWindows ?? TEAMS_CONVERSATION_WINDOWS, options.marginMs ?? 0);
    this.tenants =
      options.tenantPerSecond === 'shared'
        ? undefined
        : new SlidingWindowLimiter(tenantWindows(options.tenantPerSecond ?? 30), options.tenantMarginMs ?? 0);
  }

  /** After a 429: hold the conversation until `untilMs` (its Retry-After), whatever the windows say. */
  pause(conversationKey: string, untilMs: number): void {
    this.pausedUntil.set(conversationKey, Math.max(untilMs, this.pausedUntil.get(conversationKey) ?? 0));
  }

  /** How long a call would have to wait now (0: it may be made); records nothing. */
  waitMs(conversationKey: string, tenantKey: string, nowMs: number): number {
    const paused = this.pausedUntil.get(conversationKey);
    if (paused !== undefined && paused <= nowMs) this.pausedUntil.delete(conversationKey);
    const at = Math.max(
      this.conversations.earliest(conversationKey, nowMs),
      this.tenants?.earliest(tenantKey, nowMs) ?? nowMs,
      paused ?? 0,
    );
    return Math.max(0, at - nowMs);
  }

  tryAcquire(
    conversationKey: string,
    tenantKey: string,
    nowMs: number,
  ): { readonly ok: true } | { readonly ok: false; readonly waitMs: number } {
    const waitMs = this.waitMs(conversationKey, tenantKey, nowMs);
    if (waitMs > 0) return { ok: false, waitMs };
    this.conversations.record(conversationKey, nowMs);
    this.tenants?.record(tenantKey, nowMs);
    return { ok: true };
  }
}
