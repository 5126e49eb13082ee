import { TableCaseStore } from '../../src/storage/cases/table-case-store';
import { shardOf } from '../../src/storage/cases/case-partitions';
import { TableOutboxStore } from '../../src/storage/outbox/table-outbox-store';
import { ConcurrencyConflictError } from '../../src/domain/ports/storage-errors';
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
    expect(await outbox.sentRecord(request.id, a.id)).toMatchObject({
      conversationId: 'conv-1',
      activityId: 'act-1',
      message: { id: a.id },
    });
    expect(await outbox.isPending(request.id, a.id)).toBe(false);
    // A second worker finishing the same message finds it gone: a conflict, never a second "sent".
    await expect(outbox.markSent(first, { conversationId: 'conv-1' }, later(2000))).rejects.toBeInstanceOf(ConcurrencyConflictError);
    // The timer the delivery started is due at its time, not before.
    expect((await outbox.dueTimers(shard, later(59_000), 10)).filter((t) => t.requestId === request.id)).toEqual([]);
    expect((await outbox.dueTimers(shard, later(60_000), 10)).filter((t) => t.requestId === request.id)).toEqual([
      { requestId: request.id, kind: 'maker-ack', dueAt: later(60_000).toISOString() },
    ]);
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
    await outbox.scheduleRetry(pending, { attempts: 1, throttles: 0 }, later(5000), {
      kind: 'transient',
      status: 503,
      detail: 'Service Unavailable',
    });
    expect((await outbox.due(shard, later(4999), 100)).some((p) => p.message.id === m.id)).toBe(false);
    const [again] = (await outbox.due(shard, later(5000), 100)).filter((p) => p.message.id === m.id);
    expect(again).toMatchObject({ counts: { attempts: 1, throttles: 0 }, lastStatus: 503, lastError: 'transient: Service Unavailable' });
    // The stale copy (old ETag) cannot overwrite the newer schedule.
    await expect(
      outbox.scheduleRetry(pending, { attempts: 1, throttles: 0 }, later(1), { kind: 'timeout', detail: 'x' }),
    ).rejects.toBeInstanceOf(ConcurrencyConflictError);

    await outbox.markFailed(again, 'unreachable', { kind: 'unreachable', status: 404, detail: 'Not Found' }, later(6000));
    const all = await outbox.messagesOf(request.id);
    expect(all.pending).toEqual([]);
    expect(all.failed).toEqual([expect.objectContaining({ reason: 'unreachable', lastStatus: 404, failedAt: later(6000).toISOString() })]);
    expect((await outbox.failed(shard)).some((f) => f.message.id === m.id)).toBe(true);
  });

  it('two deliveries that start the same timer (co-owner pings in the same millisecond) are both recorded, with one timer', async () => {
    const request = plainRequest(t0);
    const [lee, nestor] = [dmTo(request, 'user-lee'), dmTo(request, 'user-nestor')];
    await cases.create(request, [], [lee, nestor]);
    const shard = shardOf(request.id);
    const due = (await outbox.due(shard, t0, 100)).filter((p) => p.message.requestId === request.id);
    const timer = { requestId: request.id, kind: 'co-owner-claim' as const, dueAt: later(60_000).toISOString() };
    await Promise.all(due.map((p, i) => outbox.markSent(p, { conversationId: `conv-${i}` }, t0, timer)));
    const all = await outbox.messagesOf(request.id);
    expect(all.pending).toEqual([]);
    expect(all.sent.map((r) => r.message.id).sort()).toEqual([lee.id, nestor.id].sort());
    expect((await outbox.dueTimers(shard, later(60_000), 100)).filter((t) => t.requestId === request.id)).toEqual([timer]);
  });

  it('a claim (with the ETag) hides the message until it runs out, and only one of two racing claims wins', async () => {
    const request = plainRequest(t0);
    const m = dmTo(request, 'user-claimed');
    await cases.create(request, [], [m]);
    const shard = shardOf(request.id);
    const [pending] = (await outbox.due(shard, t0, 100)).filter((p) => p.message.id === m.id);
    const results = await Promise.allSettled([
      outbox.claim(pending, 'instance-1', t0, later(67_500)),
      outbox.claim(pending, 'instance-2', t0, later(67_500)),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: expect.any(ConcurrencyConflictError) });
    const claimed = (
      results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<Awaited<ReturnType<TableOutboxStore['claim']>>>
    ).value;
    expect((await outbox.due(shard, later(67_499), 100)).some((p) => p.message.id === m.id)).toBe(false);
    // Due again after the claim: it says a call started and never recorded its outcome.
    const [found] = (await outbox.due(shard, later(67_500), 100)).filter((p) => p.message.id === m.id);
    expect(found.inFlight).toEqual({ since: t0.toISOString(), by: claimed.inFlight!.by });
    // A retry clears the claim.
    await outbox.scheduleRetry(claimed, { attempts: 1, throttles: 0 }, later(70_000), { kind: 'transient', status: 503, detail: 'x' });
    const [retried] = (await outbox.due(shard, later(70_000), 100)).filter((p) => p.message.id === m.id);
    expect(retried.inFlight).toBeUndefined();
  });

  it('a claim given up (no call made) leaves the message pending, due when asked, no attempt counted, with its ETag', async () => {
    const request = plainRequest(t0);
    const m = dmTo(request, 'user-unclaimed');
    await cases.create(request, [], [m]);
    const shard = shardOf(request.id);
    const [pending] = (await outbox.due(shard, t0, 100)).filter((p) => p.message.id === m.id);
    const claimed = await outbox.claim(pending, 'instance-1', t0, later(67_500));
    const released = await outbox.unclaim(claimed, later(300));
    expect(released.inFlight).toBeUndefined();
    expect((await outbox.due(shard, later(299), 100)).some((p) => p.message.id === m.id)).toBe(false);
    const [again] = (await outbox.due(shard, later(300), 100)).filter((p) => p.message.id === m.id);
    expect(again).toMatchObject({ counts: pending.counts, etag: released.etag });
    expect(again.inFlight).toBeUndefined();
    // The claim's version is stale now: giving it up again is refused, not applied.
    await expect(outbox.unclaim(claimed, later(0))).rejects.toBeInstanceOf(ConcurrencyConflictError);
  });

  it('an uncertain message leaves the outbox for its own range; an admin resends it or dismisses it', async () => {
    const request = plainRequest(t0);
    const [m1, m2] = [dmTo(request, 'user-u1'), dmTo(request, 'user-u2')];
    await cases.create(request, [], [m1, m2]);
    const shard = shardOf(request.id);
    const due = (await outbox.due(shard, t0, 100)).filter((p) => p.message.requestId === request.id);
    for (const p of due) {
      const claimed = await outbox.claim(p, 'instance-1', t0, later(67_500));
      await outbox.markUncertain(
        { ...claimed, counts: { attempts: 1, throttles: 0 } },
        { kind: 'uncertain', detail: 'no answer within 45000 ms' },
        later(45_000),
      );
    }
    let all = await outbox.messagesOf(request.id);
    expect(all.pending).toEqual([]);
    expect(all.uncertain.map((u) => u.message.id).sort()).toEqual([m1.id, m2.id].sort());
    expect(all.uncertain[0]).toMatchObject({
      attemptedAt: t0.toISOString(),
      recordedAt: later(45_000).toISOString(),
      lastError: 'uncertain: no answer within 45000 ms',
      counts: { attempts: 1 },
    });
    expect((await outbox.uncertain(shard)).filter((u) => u.message.requestId === request.id)).toHaveLength(2);

    expect(await outbox.decideUncertain(m1.id, 'resend', later(60_000))).toBe(true);
    expect(await outbox.decideUncertain(m2.id, 'dismiss', later(60_000))).toBe(true);
    expect(await outbox.decideUncertain('no-such-message', 'dismiss', later(60_000))).toBe(false);
    all = await outbox.messagesOf(request.id);
    expect(all.uncertain).toEqual([]);
    expect(all.pending).toEqual([
      expect.objectContaining({
        message: expect.objectContaining({ id: m1.id }),
        counts: { attempts: 1, throttles: 0 },
        nextAttemptAt: later(60_000).toISOString(),
      }),
    ]);
    expect(all.pending[0].inFlight).toBeUndefined();
  });
});
