import type { DeliveryFailure, DeliveryReceipt, DeliveryResult } from '../../../src/domain/delivery/delivery-outcome';
import type { FailedRecord, GiveUpReason, PendingDelivery, SentRecord } from '../../../src/domain/delivery/outbox-records';
import { TeamsRateLimiter } from '../../../src/domain/delivery/rate-limiter';
import type { RequestTimer } from '../../../src/domain/notifications/request-timers';
import type { OutboxMessage } from '../../../src/domain/outbox-message';
import type { LeasePort, MessageSender, OutboxStore } from '../../../src/services/outbox/outbox-ports';
import { OutboxWorker } from '../../../src/services/outbox/outbox-worker';

/** An in-memory outbox with the same rules as the table store (one outcome per message). */
class MemoryOutbox implements OutboxStore {
  readonly pending = new Map<string, PendingDelivery>();
  readonly sent = new Map<string, SentRecord>();
  readonly failed = new Map<string, FailedRecord>();
  readonly timers: RequestTimer[] = [];
  private version = 0;

  add(message: OutboxMessage): void {
    this.pending.set(message.id, { message, etag: `e${this.version++}`, counts: { attempts: 0, throttles: 0 }, nextAttemptAt: message.createdAt });
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
    this.pending.set(p.message.id, { ...p, counts, nextAttemptAt: at.toISOString(), lastError: failure.detail, etag: `e${this.version++}` });
  }
  async markFailed(p: PendingDelivery, reason: GiveUpReason, failure: DeliveryFailure, at: Date): Promise<void> {
    this.pending.delete(p.message.id);
    this.failed.set(p.message.id, { message: p.message, reason, lastError: failure.detail, failedAt: at.toISOString(), counts: p.counts });
  }
  async sentRecord(_requestId: string, messageId: string): Promise<SentRecord | undefined> {
    return this.sent.get(messageId);
  }
  async isPending(_requestId: string, messageId: string): Promise<boolean> {
    return this.pending.has(messageId);
  }
}

const leases: LeasePort = { tryAcquire: async () => true, release: async () => undefined };
const T0 = Date.parse('2026-11-20T10:00:00Z');

function dm(id: string, to: string, purpose: OutboxMessage['purpose'] = 'requester-update'): OutboxMessage {
  return { id, requestId: 'r1', purpose, target: { kind: 'user', aadObjectId: to, displayName: to }, card: { template: 'requester-update', data: {} }, createdAt: new Date(T0).toISOString() };
}

function setup(answers: (message: OutboxMessage, attempt: number) => DeliveryResult) {
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
    { store, leases, sender, limiter: new TeamsRateLimiter({ tenantPerSecond: 30 }), clock: { now: () => new Date(now) } },
    { owner: 'w', shards: [0], random: () => 0.5, timers: { makerAckMs: 60_000, coOwnerClaimMs: 120_000 } },
  );
  return { store, calls, worker, advance: (ms: number) => (now += ms), now: () => now };
}

const ok: DeliveryResult = { ok: true, conversationId: 'c', activityId: 'a' };

describe('OutboxWorker', () => {
  it('a 429 is not a delivery: retried once after Retry-After, one copy delivered, no attempt counted', async () => {
    const { store, calls, worker, advance } = setup((_m, n) => (n === 1 ? { ok: false, kind: 'throttled', status: 429, retryAfterMs: 3000, detail: 'slow down' } : ok));
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
    const { store, calls, worker, advance } = setup((m, n) => (m.id === 'm1' && n === 1 ? { ok: false, kind: 'throttled', status: 429, retryAfterMs: 5000, detail: '' } : ok));
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
    const { store, calls, worker, advance } = setup((m, n) => (m.id === 'card' && n === 1 ? { ok: false, kind: 'transient', status: 502, detail: '' } : ok));
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
