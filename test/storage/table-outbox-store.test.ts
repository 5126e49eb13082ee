import { TableCaseStore } from '../../src/storage/cases/table-case-store';
import { shardOf } from '../../src/storage/cases/case-partitions';
import { TableOutboxStore } from '../../src/storage/outbox/table-outbox-store';
import { ConcurrencyConflictError } from '../../src/storage/storage-errors';
import { dmTo, plainRequest } from '../support/outbox-fixtures';
import { freshTables } from '../support/test-storage';

describe('TableOutboxStore', () => {
  let cases: TableCaseStore;
  let outbox: TableOutboxStore;
  const t0 = new Date('2026-11-20T10:00:00Z');
  const later = (ms: number) => new Date(t0.getTime() + ms);

  beforeAll(async () => {
    const tables = await freshTables();
    cases = new TableCaseStore(tables.client('cases'));
    outbox = new TableOutboxStore(tables.client('cases'));
  });

  it('moves a delivered message out of the pending range, with where it landed, in one transaction', async () => {
    const request = plainRequest(t0);
    const [a, b] = [dmTo(request, 'user-a'), dmTo(request, 'user-b')];
    await cases.create(request, [], [a, b]);
    const shard = shardOf(request.id);
    const due = (await outbox.due(shard, t0, 100)).filter((p) => p.message.requestId === request.id);
    expect(due.map((p) => p.message.id).sort()).toEqual([a.id, b.id].sort());

    const first = due.find((p) => p.message.id === a.id)!;
    await outbox.markSent(first, { conversationId: 'conv-1', activityId: 'act-1', serviceUrl: 'https://smba.example/' }, later(1000), {
      requestId: request.id,
      kind: 'maker-ack',
      dueAt: later(60_000).toISOString(),
    });
    expect(await outbox.sentRecord(request.id, a.id)).toMatchObject({ conversationId: 'conv-1', activityId: 'act-1', message: { id: a.id } });
    expect(await outbox.isPending(request.id, a.id)).toBe(false);
    // A second worker finishing the same message finds it gone: a conflict, never a second "sent".
    await expect(outbox.markSent(first, { conversationId: 'conv-1' }, later(2000))).rejects.toBeInstanceOf(ConcurrencyConflictError);
    // The timer the delivery started is due at its time, not before.
    expect((await outbox.dueTimers(shard, later(59_000), 10)).filter((t) => t.requestId === request.id)).toEqual([]);
    expect((await outbox.dueTimers(shard, later(60_000), 10)).filter((t) => t.requestId === request.id)).toEqual([{ requestId: request.id, kind: 'maker-ack', dueAt: later(60_000).toISOString() }]);
  });

  it('two pings of one request delivered at the same instant are both marked sent, with one timer (found by the fuzz test)', async () => {
    const request = plainRequest(t0);
    const pings = [dmTo(request, 'co-owner-1'), dmTo(request, 'co-owner-2')];
    await cases.create(request, [], pings);
    const shard = shardOf(request.id);
    const due = (await outbox.due(shard, t0, 100)).filter((p) => p.message.requestId === request.id);
    const timer = { requestId: request.id, kind: 'co-owner-claim' as const, dueAt: later(120_000).toISOString() };
    // The same timer (request, kind, due time) from each delivery: it used to fail the second
    // delivery's transaction (the timer row existed), which left the ping pending and sent it again.
    for (const pending of due) await outbox.markSent(pending, { conversationId: `conv-${pending.message.id}` }, later(1000), timer);
    expect((await outbox.messagesOf(request.id)).pending).toEqual([]);
    expect((await outbox.dueTimers(shard, later(120_000), 10)).filter((t) => t.requestId === request.id)).toEqual([timer]);
  });

  it('reschedules with attempts and the last error, and fails for good into its own range', async () => {
    const request = plainRequest(t0);
    const m = dmTo(request, 'user-c');
    await cases.create(request, [], [m]);
    const shard = shardOf(request.id);
    const [pending] = (await outbox.due(shard, t0, 100)).filter((p) => p.message.id === m.id);
    await outbox.scheduleRetry(pending, { attempts: 1, throttles: 0 }, later(5000), { kind: 'transient', status: 503, detail: 'Service Unavailable' });
    expect((await outbox.due(shard, later(4999), 100)).some((p) => p.message.id === m.id)).toBe(false);
    const [again] = (await outbox.due(shard, later(5000), 100)).filter((p) => p.message.id === m.id);
    expect(again).toMatchObject({ counts: { attempts: 1, throttles: 0 }, lastStatus: 503, lastError: 'transient: Service Unavailable' });
    // The stale copy (old ETag) cannot overwrite the newer schedule.
    await expect(outbox.scheduleRetry(pending, { attempts: 1, throttles: 0 }, later(1), { kind: 'timeout', detail: 'x' })).rejects.toBeInstanceOf(ConcurrencyConflictError);

    await outbox.markFailed(again, 'unreachable', { kind: 'unreachable', status: 404, detail: 'Not Found' }, later(6000));
    const all = await outbox.messagesOf(request.id);
    expect(all.pending).toEqual([]);
    expect(all.failed).toEqual([expect.objectContaining({ reason: 'unreachable', lastStatus: 404, failedAt: later(6000).toISOString() })]);
    expect((await outbox.failed(shard)).some((f) => f.message.id === m.id)).toBe(true);
  });
});
