import { SlidingWindowLimiter, TEAMS_CONVERSATION_WINDOWS, TeamsRateLimiter } from '../../../src/domain/delivery/rate-limiter';

/** Sends as fast as the limiter allows for `durationMs` and returns the instants of the calls. */
function saturate(
  limiter: { tryAcquire(key: string, now: number): { ok: boolean; waitMs?: number } },
  key: string,
  durationMs: number,
): number[] {
  const calls: number[] = [];
  let now = 0;
  while (now < durationMs) {
    const r = limiter.tryAcquire(key, now);
    if (r.ok) calls.push(now);
    else now += Math.max(1, r.waitMs ?? 1);
  }
  return calls;
}

/** The most calls in any window of `windowMs` (sliding over every call). */
function maxInWindow(calls: readonly number[], windowMs: number): number {
  let max = 0;
  let start = 0;
  for (let end = 0; end < calls.length; end++) {
    while (calls[end] - calls[start] >= windowMs) start++;
    max = Math.max(max, end - start + 1);
  }
  return max;
}

describe('SlidingWindowLimiter', () => {
  it("never exceeds any of Teams' per-conversation windows, even saturated for an hour", () => {
    const limiter = new SlidingWindowLimiter(TEAMS_CONVERSATION_WINDOWS);
    const calls = saturate(limiter, 'conv', 3_600_000);
    for (const w of TEAMS_CONVERSATION_WINDOWS) expect(maxInWindow(calls, w.windowMs)).toBeLessThanOrEqual(w.limit);
    // …and uses the hourly allowance fully: the binding limit is 1,800 / hour.
    expect(calls).toHaveLength(1800);
  });

  it('allows a burst of 7 in a second, then makes the 8th wait for the 1 s window', () => {
    const limiter = new SlidingWindowLimiter(TEAMS_CONVERSATION_WINDOWS);
    for (let i = 0; i < 7; i++) expect(limiter.tryAcquire('c', 0).ok).toBe(true);
    const eighth = limiter.tryAcquire('c', 0);
    expect(eighth).toEqual({ ok: false, waitMs: 1000 });
    expect(limiter.tryAcquire('c', 1000).ok).toBe(true);
    // 8 in 2 s is the next limit: the 9th waits until the first call leaves the 2 s window.
    expect(limiter.tryAcquire('c', 1500)).toEqual({ ok: false, waitMs: 500 });
  });

  it('keeps conversations independent', () => {
    const limiter = new SlidingWindowLimiter([{ limit: 1, windowMs: 1000 }]);
    expect(limiter.tryAcquire('a', 0).ok).toBe(true);
    expect(limiter.tryAcquire('b', 0).ok).toBe(true);
    expect(limiter.tryAcquire('a', 10).ok).toBe(false);
  });

  it('widens windows by the margin', () => {
    const limiter = new SlidingWindowLimiter([{ limit: 1, windowMs: 1000 }], 50);
    limiter.tryAcquire('a', 0);
    expect(limiter.tryAcquire('a', 1000)).toEqual({ ok: false, waitMs: 50 });
  });

  it('forgets calls older than the longest window (memory stays bounded)', () => {
    const limiter = new SlidingWindowLimiter([{ limit: 5, windowMs: 1000 }]);
    for (let i = 0; i < 5; i++) limiter.tryAcquire('a', i);
    expect(limiter.count('a', 500)).toBe(5);
    expect(limiter.count('a', 5000)).toBe(0);
  });

  it('rejects nonsense windows', () => {
    expect(() => new SlidingWindowLimiter([])).toThrow(RangeError);
    expect(() => new SlidingWindowLimiter([{ limit: 0, windowMs: 1000 }])).toThrow(RangeError);
  });
});

describe('TeamsRateLimiter', () => {
  it('holds the whole app to the per-tenant rate across many conversations', () => {
    const limiter = new TeamsRateLimiter({ tenantPerSecond: 30 });
    const calls: number[] = [];
    let now = 0;
    let conversation = 0;
    while (now < 10_000) {
      const r = limiter.tryAcquire(`conv-${conversation % 500}`, 'tenant', now);
      if (r.ok) {
        calls.push(now);
        conversation++;
      } else now += r.waitMs;
    }
    expect(maxInWindow(calls, 1000)).toBe(30);
    expect(calls.length).toBe(300);
  });

  it('widens the conversation windows by their margin and the tenant window by its own (none by default): the tenant rate is used whole', () => {
    const limiter = new TeamsRateLimiter({ tenantPerSecond: 45, marginMs: 100 });
    const calls: number[] = [];
    let now = 0;
    let conversation = 0;
    while (now < 10_000) {
      const r = limiter.tryAcquire(`conv-${conversation % 500}`, 'tenant', now);
      if (r.ok) {
        calls.push(now);
        conversation++;
      } else now += r.waitMs;
    }
    expect(maxInWindow(calls, 1000)).toBe(45);
    expect(calls.length).toBe(450);
    // One conversation still waits its 100 ms margin past Teams' 7 / 1 s.
    const one = new TeamsRateLimiter({ tenantPerSecond: 45, marginMs: 100 });
    for (let i = 0; i < 7; i++) one.tryAcquire('c', 't', 0);
    expect(one.tryAcquire('c', 't', 1000)).toEqual({ ok: false, waitMs: 100 });
    const widened = new TeamsRateLimiter({ tenantPerSecond: 2, tenantMarginMs: 40 });
    widened.tryAcquire('a', 't', 0);
    widened.tryAcquire('b', 't', 0);
    expect(widened.tryAcquire('c', 't', 1000)).toEqual({ ok: false, waitMs: 40 });
  });

  it('acquires all or nothing: a full conversation does not use up the tenant', () => {
    const limiter = new TeamsRateLimiter({ tenantPerSecond: 10 });
    for (let i = 0; i < 7; i++) expect(limiter.tryAcquire('busy', 't', 0).ok).toBe(true);
    expect(limiter.tryAcquire('busy', 't', 0).ok).toBe(false);
    // 3 tenant calls are left for other conversations.
    expect(limiter.tryAcquire('other1', 't', 0).ok).toBe(true);
    expect(limiter.tryAcquire('other2', 't', 0).ok).toBe(true);
    expect(limiter.tryAcquire('other3', 't', 0).ok).toBe(true);
    expect(limiter.tryAcquire('other4', 't', 0).ok).toBe(false);
  });

  it('tells how long a call would wait without recording it, so a claim can be made only for a call that may go', () => {
    const limiter = new TeamsRateLimiter({ tenantPerSecond: 10 });
    for (let i = 0; i < 7; i++) limiter.tryAcquire('busy', 't', 0);
    expect(limiter.waitMs('busy', 't', 500)).toBe(500);
    expect(limiter.waitMs('busy', 't', 500)).toBe(500); // asking twice records nothing
    expect(limiter.waitMs('quiet', 't', 500)).toBe(0);
    limiter.pause('quiet', 2_000);
    expect(limiter.waitMs('quiet', 't', 500)).toBe(1_500);
  });

  it("leaves the tenant's rate to the shared schedule when told so: only the conversations' windows count", () => {
    const limiter = new TeamsRateLimiter({ tenantPerSecond: 'shared' });
    for (let i = 0; i < 100; i++) expect(limiter.tryAcquire(`c${i}`, 't', 0).ok).toBe(true);
    for (let i = 0; i < 7; i++) limiter.tryAcquire('busy', 't', 0);
    expect(limiter.tryAcquire('busy', 't', 0).ok).toBe(false);
  });
});
