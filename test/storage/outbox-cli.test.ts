import { runOutboxCli } from '../../src/cli/outbox-command';
import { shardOf } from '../../src/storage/cases/case-partitions';
import { TableCaseStore } from '../../src/storage/cases/table-case-store';
import { TableOutboxStore } from '../../src/storage/outbox/table-outbox-store';
import { TableService } from '../../src/storage/table-service';
import { dmTo, plainRequest } from '../support/outbox-fixtures';
import { testConnectionString, uniquePrefix } from '../support/test-storage';

async function run(args: string[], env: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runOutboxCli(args, env, { out: { write: (t: string) => (out += t) }, err: { write: (t: string) => (err += t) } });
  return { code, out, err };
}

describe('outbox CLI (admin view)', () => {
  it('lists stuck and failed deliveries and the health figures', async () => {
    const prefix = uniquePrefix();
    const tables = new TableService({ kind: 'connection-string', connectionString: testConnectionString() }, prefix);
    await tables.ensureTables();
    const env = { STORAGE_CONNECTION_STRING: testConnectionString(), TABLE_PREFIX: prefix };
    const cases = new TableCaseStore(tables.client('cases'));
    const outbox = new TableOutboxStore(tables.client('cases'));
    const old = new Date(Date.now() - 60 * 60_000);
    const stuckRequest = plainRequest(old, 'stuck one');
    const failedRequest = plainRequest(old, 'failed one');
    await cases.create(stuckRequest, [], [dmTo(stuckRequest, 'user-stuck')]);
    await cases.create(failedRequest, [], [dmTo(failedRequest, 'user-gone')]);
    const [pending] = (await outbox.due(shardOf(failedRequest.id), new Date(), 100)).filter(
      (p) => p.message.requestId === failedRequest.id,
    );
    await outbox.markFailed(pending, 'unreachable', { kind: 'unreachable', status: 404, detail: 'Not Found' }, new Date());

    const stuck = await run(['stuck'], env);
    expect(stuck.code).toBe(0);
    expect(stuck.out).toContain('user-stuck');
    expect(stuck.out).not.toContain('user-gone');
    const failed = await run(['failed', '--json'], env);
    expect(JSON.parse(failed.out)).toEqual([expect.objectContaining({ reason: 'unreachable', requestId: failedRequest.id })]);
    const health = await run(['health', '--json'], env);
    expect(JSON.parse(health.out)).toMatchObject({ pending: 1, failed: 1 });
    expect(JSON.parse(health.out).oldestPendingMs).toBeGreaterThanOrEqual(59 * 60_000);
  });

  it('lists deliveries whose outcome is uncertain; an admin resends or dismisses them by message id', async () => {
    const prefix = uniquePrefix();
    const tables = new TableService({ kind: 'connection-string', connectionString: testConnectionString() }, prefix);
    await tables.ensureTables();
    const env = { STORAGE_CONNECTION_STRING: testConnectionString(), TABLE_PREFIX: prefix };
    const cases = new TableCaseStore(tables.client('cases'));
    const outbox = new TableOutboxStore(tables.client('cases'));
    const at = new Date(Date.now() - 5 * 60_000);
    const request = plainRequest(at, 'maybe arrived');
    const [m1, m2] = [dmTo(request, 'user-maybe-1'), dmTo(request, 'user-maybe-2')];
    await cases.create(request, [], [m1, m2]);
    for (const pending of (await outbox.due(shardOf(request.id), new Date(), 100)).filter((p) => p.message.requestId === request.id)) {
      const claimed = await outbox.claim(pending, 'instance-1', at, new Date(at.getTime() + 67_500));
      await outbox.markUncertain(
        claimed,
        { kind: 'uncertain', detail: 'no answer from the Bot Connector within 45000 ms' },
        new Date(at.getTime() + 45_000),
      );
    }

    const listed = await run(['uncertain'], env);
    expect(listed.out).toContain('user-maybe-1');
    expect(listed.out).toContain(`[${m2.id}]`);
    expect(JSON.parse((await run(['health', '--json'], env)).out)).toMatchObject({ pending: 0, uncertain: 2 });

    expect(await run(['resend', m1.id], env)).toMatchObject({ code: 0, out: `${m1.id} is back in the outbox\n` });
    expect(await run(['dismiss', m2.id], env)).toMatchObject({ code: 0 });
    expect(await run(['dismiss', m2.id], env)).toMatchObject({ code: 1, err: `outbox: no uncertain delivery ${m2.id}\n` });
    expect((await run(['resend', 'bad id/with#chars'], env)).code).toBe(64);
    expect((await run(['resend'], env)).code).toBe(64);
    expect(JSON.parse((await run(['uncertain', '--json'], env)).out)).toEqual([]);
    expect(JSON.parse((await run(['health', '--json'], env)).out)).toMatchObject({ pending: 1, uncertain: 0 });
  });

  it('explains itself', async () => {
    expect((await run([], {})).out).toContain('usage: outbox');
    expect((await run(['bogus'], {})).code).toBe(64);
    expect((await run(['stuck'], {})).code).toBe(78);
  });
});
