import { TeamsRateLimiter } from '../../src/domain/delivery/rate-limiter';
import type { OutboxMessage } from '../../src/domain/outbox-message';
import type { LeaseStore } from '../../src/domain/ports/leases';
import type { MessageSender } from '../../src/domain/ports/outbox';
import { OutboxWorker } from '../../src/services/outbox/outbox-worker';
import { SHARD_COUNT, shardOf } from '../../src/storage/cases/case-partitions';
import { TableCaseStore } from '../../src/storage/cases/table-case-store';
import { TableLeaseStore } from '../../src/storage/leases/table-lease-store';
import { TableOutboxStore } from '../../src/storage/outbox/table-outbox-store';
import { dmTo, plainRequest } from '../support/outbox-fixtures';
import { freshTables } from '../support/test-storage';

/** A sender that records what it delivered, by which instance, a little slowly. */
function recordingSender(instance: string, log: Array<{ instance: string; id: string }>): MessageSender {
  return {
    send: async (message: OutboxMessage) => {
      await new Promise((r) => setTimeout(r, 2));
      log.push({ instance, id: message.id });
      return {
        ok: true,
        conversationId: `conv-${message.target.kind === 'user' ? message.target.aadObjectId : 'x'}`,
        activityId: `act-${message.id}`,
      };
    },
  };
}

describe('outbox worker with several instances', () => {
  it('each shard is worked by one instance at a time: every message delivered exactly once', async () => {
    const tables = await freshTables();
    const cases = new TableCaseStore(tables.client('cases'));
    let now = new Date('2026-11-20T10:00:00Z');
    const clock = { now: () => now };
    const ids: string[] = [];
    for (let i = 0; i < 120; i++) {
      const request = plainRequest(now, `p${i}`);
      const m = dmTo(request, `user-${i % 40}`);
      ids.push(m.id);
      await cases.create(request, [], [m]);
    }
    const log: Array<{ instance: string; id: string }> = [];
    const shards = Array.from({ length: SHARD_COUNT }, (_, i) => i);
    const worker = (name: string) =>
      new OutboxWorker(
        {
          store: new TableOutboxStore(tables.client('cases')),
          leases: new TableLeaseStore(tables.client('leases')),
          sender: recordingSender(name, log),
          limiter: new TeamsRateLimiter({ tenantPerSecond: 50 }),
          clock,
        },
        { owner: name, shards, leaseTtlMs: 60_000 },
      );
    const a = worker('instance-a');
    const b = worker('instance-b');
    const c = worker('instance-c');
    for (let round = 0; round < 40 && log.length < ids.length; round++) {
      await Promise.all([a.runOnce(), b.runOnce(), c.runOnce()]);
      now = new Date(now.getTime() + 1_000);
    }
    expect(log.map((l) => l.id).sort()).toEqual([...ids].sort());
    // No shard was worked by two instances (each holds its shards' leases until it lets go).
    const byShard = new Map<number, Set<string>>();
    for (const l of log) {
      const shard = shardOf(l.id.split('.')[0]);
      byShard.set(shard, (byShard.get(shard) ?? new Set()).add(l.instance));
    }
    expect([...byShard.values()].every((instances) => instances.size === 1)).toBe(true);

    // Instances that stop give their shards up; the one left takes them over.
    await a.leases.releaseAll();
    await b.leases.releaseAll();
    const request = plainRequest(now, 'late');
    const late = dmTo(request, 'user-late');
    await cases.create(request, [], [late]);
    now = new Date(now.getTime() + 60_000);
    for (let round = 0; round < 3; round++) await c.runOnce();
    expect(log.filter((l) => l.id === late.id)).toEqual([{ instance: 'instance-c', id: late.id }]);
  });
});

/**
 * Two instances over Azurite with a controllable clock and the production lease settings (10 s,
 * renewed every 2.5 s). Each call is recorded with the instance, the shard and the clock time.
 */
describe('outbox worker: crash and takeover', () => {
  const shards = Array.from({ length: SHARD_COUNT }, (_, i) => i);
  const t0 = new Date('2026-11-20T10:00:00Z').getTime();

  async function setUp() {
    const tables = await freshTables();
    const cases = new TableCaseStore(tables.client('cases'));
    const leaseStore = new TableLeaseStore(tables.client('leases'));
    let now = t0;
    const clock = { now: () => new Date(now) };
    const calls: Array<{ instance: string; id: string; shard: number; at: number }> = [];
    const make = (name: string, leases: LeaseStore) => {
      const worker = new OutboxWorker(
        {
          store: new TableOutboxStore(tables.client('cases')),
          leases,
          sender: {
            send: async (message: OutboxMessage) => {
              calls.push({ instance: name, id: message.id, shard: shardOf(message.requestId), at: now });
              return { ok: true, conversationId: `conv-${message.id}`, activityId: `act-${message.id}` };
            },
          },
          limiter: new TeamsRateLimiter({ tenantPerSecond: 50 }),
          clock,
        },
        { owner: name, shards },
      );
      // The renewal timer, fired by the test as the clock moves on.
      let tick = () => undefined as void;
      worker.leases.start((_every, fn) => ((tick = fn), () => undefined));
      return { worker, tick: () => tick() };
    };
    const seed = async (n: number, tag: string) => {
      const ids: string[] = [];
      for (let i = 0; i < n; i++) {
        const request = plainRequest(new Date(now), `${tag}-${i}`);
        const m = dmTo(request, `user-${tag}-${i}`);
        await cases.create(request, [], [m]);
        ids.push(m.id);
      }
      return ids;
    };
    const expiries = async (owner: string) => {
      const rows = tables
        .client('leases')
        .listEntities<{ owner: string; expiresAt: string }>({ queryOptions: { filter: `PartitionKey eq 'lease'` } });
      const out = new Map<string, number>();
      for await (const row of rows) if (row.owner === owner) out.set(row.rowKey!, Date.parse(row.expiresAt));
      return out;
    };
    return { leaseStore, calls, make, seed, expiries, advance: (ms: number) => (now += ms), now: () => now };
  }

  it("a dead instance's shards are taken over within the lease time (10 s, at most 12.5 s), and nothing is lost or doubled", async () => {
    const env = await setUp();
    const a = env.make('instance-a', env.leaseStore);
    const b = env.make('instance-b', env.leaseStore);
    expect((await a.worker.runOnce()).shards).toBe(SHARD_COUNT);
    expect((await b.worker.runOnce()).shards).toBe(0);
    const crashedAt = env.now(); // a renewed everything just now, then the process dies (no release)
    const ids = await env.seed(30, 'after-crash');
    let takenOverAt: number | undefined;
    while (env.calls.length < ids.length && env.now() - crashedAt <= 20_000) {
      env.advance(500);
      b.tick();
      const run = await b.worker.runOnce();
      if (takenOverAt === undefined && run.shards === SHARD_COUNT) takenOverAt = env.now();
      // Nothing before a's leases ran out.
      if (env.now() - crashedAt < 10_000) expect(run.shards).toBe(0);
    }
    expect(takenOverAt! - crashedAt).toBeGreaterThanOrEqual(10_000);
    expect(takenOverAt! - crashedAt).toBeLessThanOrEqual(12_500);
    expect(env.calls.map((c) => c.id).sort()).toEqual([...ids].sort());
    expect(env.calls.every((c) => c.instance === 'instance-b')).toBe(true);
  });

  it('two live instances never work the same shard at once, even when one of them cannot renew its leases', async () => {
    const env = await setUp();
    let aCutOff = false;
    const aLeases: LeaseStore = {
      tryAcquire: (...args) => (aCutOff ? Promise.reject(new Error('lease storage timed out')) : env.leaseStore.tryAcquire(...args)),
      release: (...args) => env.leaseStore.release(...args),
    };
    const a = env.make('instance-a', aLeases);
    const b = env.make('instance-b', env.leaseStore);
    const round = async () => {
      await env.seed(2, `r${env.now()}`);
      env.advance(1_000);
      a.tick();
      b.tick();
      return Promise.all([a.worker.runOnce(), b.worker.runOnce()]);
    };
    // Both live: a took every shard first and keeps them by renewing; b gets none.
    expect((await a.worker.runOnce()).shards).toBe(SHARD_COUNT);
    for (let i = 0; i < 15; i++) expect((await round()).map((r) => r.shards)).toEqual([SHARD_COUNT, 0]);
    // a can no longer renew (its lease calls time out) but keeps running: it must stop in time.
    const held = await env.expiries('instance-a');
    aCutOff = true;
    const cutAt = env.now();
    for (let i = 0; i < 20; i++) await round();
    expect(env.calls.length).toBeGreaterThan(60);
    for (const shard of shards) {
      const expiry = held.get(`outbox-s${shard.toString().padStart(2, '0')}`)!;
      const mine = (who: string) => env.calls.filter((c) => c.shard === shard && c.instance === who).map((c) => c.at);
      const [byA, byB] = [mine('instance-a'), mine('instance-b')];
      // a's last call on the shard came before its lease ran out, with the margin to spare; b's first after.
      if (byA.length > 0 && byB.length > 0) expect(Math.max(...byA)).toBeLessThan(Math.min(...byB));
      expect(byA.filter((at) => at > cutAt).every((at) => at <= expiry - 3_000)).toBe(true);
      expect(byB.every((at) => at >= expiry)).toBe(true);
    }
    // b works every shard by the end; every message was called for exactly once.
    expect(env.calls.filter((c) => c.instance === 'instance-b').length).toBeGreaterThan(0);
    const ids = env.calls.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
