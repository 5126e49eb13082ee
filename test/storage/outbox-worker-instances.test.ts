import { TeamsRateLimiter } from '../../src/domain/delivery/rate-limiter';
import type { OutboxMessage } from '../../src/domain/outbox-message';
import type { MessageSender } from '../../src/services/outbox/outbox-ports';
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
      return { ok: true, conversationId: `conv-${message.target.kind === 'user' ? message.target.aadObjectId : 'x'}`, activityId: `act-${message.id}` };
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
    await a.release();
    await b.release();
    const request = plainRequest(now, 'late');
    const late = dmTo(request, 'user-late');
    await cases.create(request, [], [late]);
    now = new Date(now.getTime() + 60_000);
    for (let round = 0; round < 3; round++) await c.runOnce();
    expect(log.filter((l) => l.id === late.id)).toEqual([{ instance: 'instance-c', id: late.id }]);
  });
});
