import type { DeliveryFailure, DeliveryReceipt, DeliveryResult } from '../../../src/domain/delivery/delivery-outcome';
import type { FailedRecord, GiveUpReason, PendingDelivery, SentRecord, UncertainRecord } from '../../../src/domain/delivery/outbox-records';
import { TeamsRateLimiter } from '../../../src/domain/delivery/rate-limiter';
import type { RequestTimer } from '../../../src/domain/notifications/request-timers';
import type { OutboxMessage } from '../../../src/domain/outbox-message';
import type { LeaseStore } from '../../../src/domain/ports/leases';
import type { MessageSender, OutboxStore } from '../../../src/domain/ports/outbox';
import { OutboxWorker } from '../../../src/services/outbox/outbox-worker';
import { ConcurrencyConflictError, StorageUnavailableError } from '../../../src/domain/ports/storage-errors';
import type { TenantBudgetStore } from '../../../src/domain/ports/tenant-budget';
import { TenantAllowance } from '../../../src/services/outbox/tenant-allowance';

/** An in-memory outbox with the same rules as the table store (one outcome per message). */
class MemoryOutbox implements OutboxStore {
  readonly pending = new Map<string, PendingDelivery>();
  readonly sent = new Map<string, SentRecord>();
  readonly failed = new Map<string, FailedRecord>();
  readonly uncertain = new Map<string, UncertainRecord>();
  readonly timers: RequestTimer[] = [];
  private version = 0;

  add(message: OutboxMessage): void {
    this.pending.set(message.id, {
      message,
      etag: `e${this.version++}`,
      counts: { attempts: 0, throttles: 0 },
      nextAttemptAt: message.createdAt,
    });
  }
  async due(_shard: number, now: Date): Promise<PendingDelivery[]> {
    return [...this.pending.values()].filter((p) => Date.parse(p.nextAttemptAt) <= now.getTime());
  }
  async markSent(p: PendingDelivery, receipt: DeliveryReceipt, at: Date, timer?: RequestTimer): Promise<void> {
    if (!this.pending.delete(p.message.id)) throw new Error('gone');
    this.sent.set(p.message.id, { message: p.message, ...receipt, deliveredAt: at.toISOString(), counts: p.counts });
    if (timer) this.timers.push(timer);
  }
  async scheduleRetry(p: PendingDelivery, counts: PendingDelivery['counts'], at: Date, failure: DeliveryFailure): Promise<void> {
    const { inFlight: _done, ...rest } = p;
    this.pending.set(p.message.id, {
      ...rest,
      counts,
      nextAttemptAt: at.toISOString(),
      lastError: failure.detail,
      etag: `e${this.version++}`,
    });
  }
  async markFailed(p: PendingDelivery, reason: GiveUpReason, failure: DeliveryFailure, at: Date): Promise<void> {
    this.pending.delete(p.message.id);
    this.failed.set(p.message.id, { message: p.message, reason, lastError: failure.detail, failedAt: at.toISOString(), counts: p.counts });
  }
  async unclaim(p: PendingDelivery, dueAt: Date): Promise<PendingDelivery> {
    if (this.pending.get(p.message.id)?.etag !== p.etag) throw new ConcurrencyConflictError(p.message.id);
    const { inFlight: _claim, ...rest } = p;
    const released = { ...rest, etag: `e${this.version++}`, nextAttemptAt: dueAt.toISOString() };
    this.pending.set(p.message.id, released);
    return released;
  }
  async claim(p: PendingDelivery, by: string, at: Date, until: Date): Promise<PendingDelivery> {
    if (this.pending.get(p.message.id)?.etag !== p.etag) throw new ConcurrencyConflictError(p.message.id);
    const claimed = { ...p, etag: `e${this.version++}`, nextAttemptAt: until.toISOString(), inFlight: { since: at.toISOString(), by } };
    this.pending.set(p.message.id, claimed);
    return claimed;
  }
  async markUncertain(p: PendingDelivery, failure: DeliveryFailure, at: Date): Promise<void> {
    if (!this.pending.delete(p.message.id)) throw new ConcurrencyConflictError(p.message.id);
    this.uncertain.set(p.message.id, {
      message: p.message,
      attemptedAt: p.inFlight?.since ?? at.toISOString(),
      recordedAt: at.toISOString(),
      lastError: failure.detail,
      counts: p.counts,
    });
  }
  async sentRecord(_requestId: string, messageId: string): Promise<SentRecord | undefined> {
    return this.sent.get(messageId);
  }
  async isPending(_requestId: string, messageId: string): Promise<boolean> {
    return this.pending.has(messageId);
  }
}

const leases: LeaseStore = { tryAcquire: async () => true, release: async () => undefined };
const T0 = Date.parse('2026-11-20T10:00:00Z');

function dm(id: string, to: string, purpose: OutboxMessage['purpose'] = 'requester-update'): OutboxMessage {
  return {
    id,
    requestId: 'r1',
    purpose,
    target: { kind: 'user', aadObjectId: to, displayName: to },
    card: { card: 'requester-update', data: {} },
    createdAt: new Date(T0).toISOString(),
  };
}

function setup(answers: (message: OutboxMessage, attempt: number) => DeliveryResult, budget?: (now: () => number) => TenantBudgetStore) {
  let now = T0;
  const store = new MemoryOutbox();
  const calls: Array<{ id: string; at: number; ok: boolean }> = [];
  const attempts = new Map<string, number>();
  const sender: MessageSender = {
    send: async (message) => {
      const n = (attempts.get(message.id) ?? 0) + 1;
      attempts.set(message.id, n);
      const result = answers(message, n);
      calls.push({ id: message.id, at: now, ok: result.ok });
      return result;
    },
  };
  const worker = new OutboxWorker(
    {
      store,
      leases,
      sender,
      limiter: new TeamsRateLimiter({ tenantPerSecond: budget ? 'shared' : 30 }),
      ...(budget
        ? {
            tenantAllowance: new TenantAllowance(
              budget(() => now),
              { tenant: 't', now: () => now },
            ),
          }
        : {}),
      clock: { now: () => new Date(now) },
    },
    { owner: 'w', shards: [0], random: () => 0.5, timers: { makerAckMs: 60_000, coOwnerClaimMs: 120_000 } },
  );
  return { store, calls, worker, advance: (ms: number) => (now += ms), now: () => now };
}

const ok: DeliveryResult = { ok: true, conversationId: 'c', activityId: 'a' };

describe('OutboxWorker', () => {
  it('a 429 is not a delivery: retried once after Retry-After, one copy delivered, no attempt counted', async () => {
    const { store, calls, worker, advance } = setup((_m, n) =>
      n === 1 ? { ok: false, kind: 'throttled', status: 429, retryAfterMs: 3000, detail: 'slow down' } : ok,
    );
    store.add(dm('m1', 'u1'));
    expect(await worker.runOnce()).toMatchObject({ delivered: 0, retried: 1 });
    advance(2900);
    expect(await worker.runOnce()).toMatchObject({ delivered: 0 });
    advance(500);
    expect(await worker.runOnce()).toMatchObject({ delivered: 1 });
    expect(calls.filter((c) => c.ok)).toHaveLength(1);
    expect(store.sent.get('m1')?.counts).toEqual({ attempts: 0, throttles: 1 });
  });

  it('after a 429, the whole conversation waits for Retry-After', async () => {
    const { store, calls, worker, advance } = setup((m, n) =>
      m.id === 'm1' && n === 1 ? { ok: false, kind: 'throttled', status: 429, retryAfterMs: 5000, detail: '' } : ok,
    );
    store.add(dm('m1', 'u1'));
    await worker.runOnce();
    store.add(dm('m2', 'u1'));
    store.add(dm('m3', 'u2'));
    advance(1000);
    await worker.runOnce();
    // u2 is not throttled; u1 is, until 5 s have passed.
    expect(calls.map((c) => c.id)).toEqual(['m1', 'm3']);
    advance(4600);
    await worker.runOnce();
    expect(calls.map((c) => c.id).sort()).toEqual(['m1', 'm1', 'm2', 'm3']);
  });

  it('keeps a conversation under 7 messages per second', async () => {
    const { store, calls, worker, advance } = setup(() => ok);
    for (let i = 0; i < 20; i++) store.add(dm(`m${i.toString().padStart(2, '0')}`, 'u1'));
    await worker.runOnce();
    expect(calls).toHaveLength(7);
    advance(1000);
    await worker.runOnce();
    expect(calls).toHaveLength(8); // 8 in 2 s
    advance(1000);
    await worker.runOnce();
    expect(calls).toHaveLength(15);
    // In order.
    expect(calls.map((c) => c.id)).toEqual([...calls.map((c) => c.id)].sort());
  });

  it('backs off on 5xx and timeouts, then gives up after the attempt budget and records it', async () => {
    const { store, worker, advance } = setup(() => ({ ok: false, kind: 'transient', status: 503, detail: 'unavailable' }));
    store.add(dm('m1', 'u1'));
    for (let i = 0; i < 40 && store.pending.size > 0; i++) {
      await worker.runOnce();
      advance(10 * 60_000);
    }
    expect(store.failed.get('m1')).toMatchObject({ reason: 'too-many-attempts', counts: { attempts: 8 } });
  });

  it('404 is final at once, and starts no timer; a delivered maker card starts the acknowledgement timer', async () => {
    const { store, worker } = setup((m) => (m.id === 'gone' ? { ok: false, kind: 'unreachable', status: 404, detail: 'not found' } : ok));
    store.add(dm('gone', 'u1'));
    store.add(dm('card', 'maker', 'maker-notification'));
    await worker.runOnce();
    expect(store.failed.get('gone')).toMatchObject({ reason: 'unreachable' });
    expect(store.timers).toEqual([{ requestId: 'r1', kind: 'maker-ack', dueAt: new Date(T0 + 60_000).toISOString() }]);
  });

  it('an update waits for the card it replaces, and fails when that card was never posted', async () => {
    const { store, calls, worker, advance } = setup((m, n) =>
      m.id === 'card' && n === 1 ? { ok: false, kind: 'transient', status: 502, detail: '' } : ok,
    );
    store.add(dm('card', 'u1', 'co-owner-ping'));
    store.add({ ...dm('card.update', 'u1'), target: { kind: 'update', messageId: 'card' } });
    store.add({ ...dm('orphan.update', 'u1'), target: { kind: 'update', messageId: 'never' } });
    await worker.runOnce();
    expect(store.failed.get('orphan.update')).toMatchObject({ reason: 'no-original' });
    expect(store.pending.has('card.update')).toBe(true);
    for (let i = 0; i < 5 && store.pending.size > 0; i++) {
      advance(5_000);
      await worker.runOnce();
    }
    expect(calls.filter((c) => c.ok).map((c) => c.id)).toEqual(['card', 'card.update']);
  });
});

describe('OutboxWorker: calls whose outcome is unknown', () => {
  const unknown: DeliveryResult = { ok: false, kind: 'uncertain', detail: 'no answer within 45000 ms' };

  it('a DM whose call may have landed is never sent again: recorded as uncertain, and the conversation carries on', async () => {
    const { store, calls, worker, advance } = setup((m) => (m.id === 'm1' ? unknown : ok));
    store.add(dm('m1', 'u1'));
    store.add(dm('m2', 'u1'));
    expect(await worker.runOnce()).toMatchObject({ delivered: 1, uncertain: 1, retried: 0 });
    for (let i = 0; i < 5; i++) {
      advance(10 * 60_000);
      await worker.runOnce();
    }
    expect(calls.map((c) => c.id)).toEqual(['m1', 'm2']);
    expect(store.pending.size).toBe(0);
    expect(store.uncertain.get('m1')).toMatchObject({ counts: { attempts: 1 }, lastError: 'no answer within 45000 ms' });
    expect([...store.sent.keys()]).toEqual(['m2']);
  });

  it('a card update whose outcome is unknown is retried: the same PUT twice is harmless', async () => {
    const { store, calls, worker, advance } = setup((m, n) => (m.id === 'card.update' && n === 1 ? unknown : ok));
    store.add(dm('card', 'u1', 'co-owner-ping'));
    store.add({ ...dm('card.update', 'u1'), target: { kind: 'update', messageId: 'card' } });
    for (let i = 0; i < 6 && store.pending.size > 0; i++) {
      await worker.runOnce();
      advance(5_000);
    }
    expect(calls.map((c) => c.id)).toEqual(['card', 'card.update', 'card.update']);
    expect(store.sent.has('card.update')).toBe(true);
    expect(store.uncertain.size).toBe(0);
  });

  it('a DM found claimed by a worker that never recorded the outcome is not called again: uncertain', async () => {
    const { store, calls, worker, advance } = setup(() => ok);
    store.add(dm('m1', 'u1'));
    await store.claim(store.pending.get('m1')!, 'crashed-instance', new Date(T0), new Date(T0 + 67_500));
    expect(await worker.runOnce()).toMatchObject({ delivered: 0, uncertain: 0 }); // not due while the claim runs
    advance(70_000);
    expect(await worker.runOnce()).toMatchObject({ delivered: 0, uncertain: 1 });
    expect(calls).toEqual([]);
    expect(store.uncertain.get('m1')).toMatchObject({ attemptedAt: new Date(T0).toISOString() });
    expect(store.uncertain.get('m1')?.lastError).toContain('crashed-instance');
  });

  it('claims a DM with its ETag before the call: one claimed meanwhile by another worker is not called', async () => {
    const { store, calls, worker } = setup(() => ok);
    store.add(dm('m1', 'u1'));
    const sender = (worker as unknown as { deps: { sender: MessageSender } }).deps.sender;
    // Another worker claims it between this worker's read and its call.
    sender.prepare = async (message) => {
      await store.claim(store.pending.get(message.id)!, 'other', new Date(T0), new Date(T0 + 67_500));
      return () => sender.send(message);
    };
    expect(await worker.runOnce()).toMatchObject({ delivered: 0, deferred: 1 });
    expect(calls).toEqual([]);
    expect(store.pending.get('m1')?.inFlight?.by).toBe('other');
  });
});

describe('OutboxWorker: the tenant budget shared with other instances', () => {
  it('a DM claimed for a call that the budget then holds back is given back: pending, not uncertain, delivered once later', async () => {
    const busyUntil = T0 + 5_000; // other instances hold the tenant's next five seconds
    const { store, calls, worker, advance } = setup(
      () => ok,
      (now) => ({
        claim: async () => (now() < busyUntil ? { granted: 0, retryAtMs: busyUntil } : { granted: 1, firstAtMs: now(), intervalMs: 22 }),
      }),
    );
    store.add(dm('m1', 'u1'));
    expect(await worker.runOnce()).toMatchObject({ delivered: 0, deferred: 1 });
    expect(calls).toEqual([]);
    expect(store.pending.get('m1')?.inFlight).toBeUndefined(); // the claim was given up
    advance(5_000);
    expect(await worker.runOnce()).toMatchObject({ delivered: 1, uncertain: 0 });
    expect(calls.map((c) => c.id)).toEqual(['m1']);
  });

  it('a budget that cannot be reached gives the claim back too: no call, the message stays pending', async () => {
    const { store, calls, worker } = setup(
      () => ok,
      () => ({
        claim: async () => {
          throw new StorageUnavailableError('tenant budget t', new Error('ETIMEDOUT'));
        },
      }),
    );
    store.add(dm('m1', 'u1'));
    expect(await worker.runOnce()).toMatchObject({ delivered: 0, uncertain: 0 });
    expect(calls).toEqual([]);
    expect(store.pending.get('m1')).toMatchObject({ counts: { attempts: 0, throttles: 0 } });
    expect(store.pending.get('m1')?.inFlight).toBeUndefined();
  });
});

/** Leases in memory with Table Storage's rules; `down` makes one instance's lease calls fail. */
class MemoryLeases {
  readonly rows = new Map<string, { owner: string; expiresAt: number }>();
  view(owner: string, isDown: () => boolean = () => false): LeaseStore {
    return {
      tryAcquire: async (name, who, ttlMs, now) => {
        if (isDown()) throw new Error(`storage unreachable from ${owner}`);
        const row = this.rows.get(name);
        if (row && row.owner !== who && row.expiresAt > now.getTime()) return false;
        this.rows.set(name, { owner: who, expiresAt: now.getTime() + ttlMs });
        return true;
      },
      release: async (name, who) => {
        if (this.rows.get(name)?.owner === who) this.rows.delete(name);
      },
    };
  }
}

describe('OutboxWorker: shard leases', () => {
  const flush = () => new Promise((resolve) => setImmediate(resolve));

  function instance(name: string, leases: LeaseStore, store: MemoryOutbox, clock: { now(): Date }, send: MessageSender['send']) {
    return new OutboxWorker(
      { store, leases, sender: { send }, limiter: new TeamsRateLimiter({ tenantPerSecond: 30 }), clock },
      { owner: name, shards: [0], leaseTtlMs: 10_000, random: () => 0.5 },
    );
  }

  it('renewal on its own timer keeps the shard through a call longer than the lease; nobody else works it meanwhile', async () => {
    let now = T0;
    const clock = { now: () => new Date(now) };
    const store = new MemoryOutbox();
    const leases = new MemoryLeases();
    const log: string[] = [];
    let tick: () => void = () => undefined;
    let b: OutboxWorker | undefined;
    let bShards = -1;
    const a = instance('a', leases.view('a'), store, clock, async (m) => {
      log.push(`a:${m.id}`);
      if (m.id === 'm1') {
        // A 30 s call: the renewal timer fires every 2.5 s meanwhile; b keeps trying for the shard.
        for (let i = 0; i < 12; i++) {
          now += 2_500;
          tick();
          await flush();
          bShards = Math.max(bShards, (await b!.runOnce()).shards);
        }
      }
      return ok;
    });
    b = instance('b', leases.view('b'), store, clock, async (m) => (log.push(`b:${m.id}`), ok));
    a.leases.start((_every, fn) => ((tick = fn), () => undefined));
    store.add(dm('m1', 'u1'));
    store.add(dm('m2', 'u1'));
    expect(await a.runOnce()).toMatchObject({ shards: 1, delivered: 2 });
    expect(log).toEqual(['a:m1', 'a:m2']);
    expect(bShards).toBe(0);
    expect(leases.rows.get('outbox-s00')).toMatchObject({ owner: 'a' });
    // Shutdown gives the lease up: the other instance takes it at its next try (a quarter of the lease).
    await a.leases.releaseAll();
    now += 2_500;
    expect((await b.runOnce()).shards).toBe(1);
  });

  it('when renewals fail, the worker stops before its lease runs out; another instance takes over only after it expired', async () => {
    let now = T0;
    const clock = { now: () => new Date(now) };
    const store = new MemoryOutbox();
    const leases = new MemoryLeases();
    let aDown = false;
    let tick: () => void = () => undefined;
    const calls: Array<{ who: string; id: string; from: number; to: number }> = [];
    const send = (who: string) => async (m: OutboxMessage) => {
      const from = now;
      now += 2_000; // each call takes 2 s, and the renewal timer fires meanwhile
      tick();
      await flush();
      calls.push({ who, id: m.id, from, to: now });
      return ok;
    };
    const a = instance(
      'a',
      leases.view('a', () => aDown),
      store,
      clock,
      send('a'),
    );
    const b = instance('b', leases.view('b'), store, clock, send('b'));
    a.leases.start((_every, fn) => ((tick = fn), () => undefined));
    expect((await a.runOnce()).shards).toBe(1);
    expect((await b.runOnce()).shards).toBe(0);
    const expiresAt = leases.rows.get('outbox-s00')!.expiresAt;
    aDown = true; // from now on a cannot reach storage to renew its lease
    for (let i = 1; i <= 8; i++) store.add(dm(`n${i}`, 'u1', 'maker-notification'));
    await a.runOnce();
    const aCalls = calls.filter((c) => c.who === 'a');
    expect(aCalls.length).toBeGreaterThan(0);
    expect(store.pending.size).toBeGreaterThan(0); // it stopped with work left
    // Every call of a ended before its lease expired, with room to spare for clock skew.
    expect(Math.max(...aCalls.map((c) => c.to))).toBeLessThanOrEqual(expiresAt - 1_000);
    // b gets nothing before the lease expires; it takes the shard at its first try after.
    let takenAt: number | undefined;
    for (; takenAt === undefined && now < expiresAt + 10_000; now += 500) {
      const at = now;
      if ((await b.runOnce()).shards === 1) takenAt = at;
    }
    expect(takenAt).toBeGreaterThan(expiresAt);
    expect(takenAt).toBeLessThanOrEqual(expiresAt + 2_500);
    expect(store.pending.size).toBe(0);
    const bCalls = calls.filter((c) => c.who === 'b');
    expect(Math.min(...bCalls.map((c) => c.from))).toBeGreaterThan(expiresAt);
    // Each message once, in order.
    expect(calls.map((c) => c.id)).toEqual(['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7', 'n8']);
  });
});
