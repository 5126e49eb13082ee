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
    const [pending] = (await outbox.due(shardOf(failedRequest.id), new Date(), 100)).filter((p) => p.message.requestId === failedRequest.id);
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

  it('explains itself', async () => {
    expect((await run([], {})).out).toContain('usage: outbox');
    expect((await run(['bogus'], {})).code).toBe(64);
    expect((await run(['stuck'], {})).code).toBe(78);
  });
});
