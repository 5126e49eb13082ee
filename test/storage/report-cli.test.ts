import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runReportCli } from '../../src/cli/report-command';
import { requestEvent } from '../../src/domain/history';
import { snapshotOf, type SupportRequest } from '../../src/domain/intake/support-request';
import { TableCaseStore } from '../../src/storage/cases/table-case-store';
import { TableService } from '../../src/storage/table-service';
import { SOLUTIONS } from '../support/fixture-solutions';
import { testConnectionString, uniquePrefix } from '../support/test-storage';
import { helpDeskRequest } from '../support/ticket-fixtures';

async function run(args: string[], env: Record<string, string>) {
  let out = '';
  let err = '';
  const code = await runReportCli(args, env, { out: { write: (t: string) => (out += t) }, err: { write: (t: string) => (err += t) } });
  return { code, out, err };
}

/** RFC 4180 as the CLI writes it: every cell quoted. */
const parse = (csv: string) =>
  csv
    .trimEnd()
    .split('\r\n')
    .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1].replace(/""/g, '"')));

describe('report CLI (CSV for Power BI)', () => {
  it('writes one row per week and measure, matching a hand count of what was stored', async () => {
    const prefix = uniquePrefix();
    const tables = new TableService({ kind: 'connection-string', connectionString: testConnectionString() }, prefix);
    await tables.ensureTables();
    const env = { STORAGE_CONNECTION_STRING: testConnectionString(), TABLE_PREFIX: prefix };
    const cases = new TableCaseStore(tables.client('cases'));
    const submit = async (at: string, solution?: keyof typeof SOLUTIONS) => {
      const base = helpDeskRequest({ at: new Date(at) });
      const request: SupportRequest = solution
        ? {
            ...base,
            category: 'solution-problem',
            solution: { ...snapshotOf(SOLUTIONS[solution]), name: '=HYPERLINK("x")' },
            routeKind: 'maker',
          }
        : base;
      const event = requestEvent('submitted', { kind: 'system', component: 'intake' }, new Date(at), {
        category: request.category,
        severity: request.severity,
      });
      await cases.create(request, [event], []);
    };
    // Week 1 (2 – 8 Nov): 2 questions; week 2 (9 – 15 Nov): 1 question and 2 for one solution; 16 Nov is outside.
    await submit('2026-11-02T08:00:00Z');
    await submit('2026-11-08T23:59:59Z');
    await submit('2026-11-09T00:00:00Z');
    await submit('2026-11-10T12:00:00Z', 'expenses');
    await submit('2026-11-15T12:00:00Z', 'expenses');
    await submit('2026-11-16T00:00:00Z');

    const dir = mkdtempSync(path.join(tmpdir(), 'report-'));
    const out = path.join(dir, 'report.csv');
    const result = await run(['--from', '2026-11-02', '--to', '2026-11-15', '--out', out], env);
    expect(result).toMatchObject({ code: 0, err: '' });
    const [header, ...rows] = parse(readFileSync(out, 'utf8'));
    expect(header).toEqual(['period_start', 'period_end', 'measure', 'dimension', 'member', 'label', 'value']);
    const value = (start: string, measure: string, dimension: string, member = '') =>
      rows.find((r) => r[0] === start && r[2] === measure && r[3] === dimension && r[4] === member)?.[6];
    expect(value('2026-11-02', 'requests', 'all')).toBe('2');
    expect(value('2026-11-09', 'requests', 'all')).toBe('3');
    expect(value('2026-11-09', 'requests', 'route', 'maker')).toBe('2');
    expect(value('2026-11-09', 'requests', 'route', 'help-desk')).toBe('1');
    expect(value('2026-11-02', 'requests', 'route', 'maker')).toBeUndefined();
    const solution = rows.find((r) => r[2] === 'requests' && r[3] === 'solution')!;
    expect(solution).toEqual(['2026-11-09', '2026-11-15', 'requests', 'solution', SOLUTIONS.expenses.id, `'=HYPERLINK("x")`, '2']);
    expect(rows.filter((r) => r[2] === 'backlog_open').map((r) => r[4])).toEqual(['<1', '<7', '<30', '30+']);

    // Again: the feed was folded once; the counters give the same CSV.
    const again = await run(['--from', '2026-11-02', '--to', '2026-11-15'], env);
    expect(again.out).toBe(readFileSync(out, 'utf8'));
  });

  it('refuses dates it cannot read, before touching storage', async () => {
    const result = await run(['--from', '2026-11-31', '--to', '2026-12-01'], {});
    expect(result.code).toBe(64);
    expect(result.err).toContain('--from and --to must be days');
  });
});
