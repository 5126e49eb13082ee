import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { CANONICAL_COLUMNS, type CanonicalColumn } from '../../src/domain/catalog/canonical-columns';
import { validateRows } from '../../src/domain/catalog/row-validation';
import { EXIT, runCatalogCli } from '../../src/cli/catalog-command';
import { readCatalogFile } from '../../src/services/catalog/files/catalog-file';
import { CatalogTableStore } from '../../src/storage/catalog/catalog-table-store';
import { TableService } from '../../src/storage/table-service';
import { testConnectionString, uniquePrefix } from '../support/test-storage';

const ROOT = path.resolve(__dirname, '../..');
const PEOPLE = Array.from({ length: 40 }, (_, i) => ({
  name: i % 3 === 0 ? `Zoë Ångström ${i}` : i % 3 === 1 ? `François O'Neil, Jr ${i}` : `Lee Gu ${i}`,
  email: `person${i}@contoso.example`,
  id: `${i.toString(16).padStart(8, '0')}-0000-4000-8000-${(1000 + i).toString().padStart(12, '0')}`,
}));
const TIERS = ['Productivity', 'important', 'CRITICAL', 'tier 2'];
const KINDS = ['canvas', 'Model-Driven', 'cloud flow', 'Power Automate', 'copilot', 'bot', 'other'];
const NAMES = [
  'Expense, Travel & Co',
  'Feuille de temps équipe',
  'Zeiterfassung Büro',
  'Site "Inspection"',
  'HR Helpdesk',
  'Invoice Processing',
  '=HYPERLINK("https://evil.example","Open")',
];
/** Values a spreadsheet would run as formulas: the export must neutralise them and import them back unchanged. */
const FORMULAS = ['-Finance', '+44 20 7946 0000', '@SUM(1+1)', "'=already quoted"];

type Row = Record<CanonicalColumn, string>;

interface Generated {
  readonly csv: string;
  readonly validIds: string[];
  /** Line where each bad row starts, and a word of the reason the report must give. */
  readonly bad: { line: number; reason: string }[];
}

/** A deterministic 2,000-row catalog with a BOM, quoted commas and quotes, line breaks in fields, accents and bad rows. */
function generate(count = 2000): Generated {
  const rows: Row[] = [];
  const reasons = new Map<number, string>();
  for (let i = 0; i < count; i++) {
    const maker = PEOPLE[i % PEOPLE.length]!;
    const co = [PEOPLE[(i + 1) % PEOPLE.length]!, PEOPLE[(i + 7) % PEOPLE.length]!].slice(0, i % 3);
    const row: Row = {
      id: `sol-${String(i).padStart(5, '0')}`,
      name: `${NAMES[i % NAMES.length]} ${i}`,
      kind: KINDS[i % KINDS.length]!,
      environment: i % 2 ? 'Contoso (default)' : 'Finance, prod',
      tier: TIERS[i % TIERS.length]!,
      maker_email: maker.email,
      maker_name: maker.name,
      maker_aad_id: maker.id,
      // People named by email alone (no object id, no directory here) are imported too, and round-trip.
      co_owners: co
        .map((p, k) => ((i + k) % 5 === 0 ? p.email : (i + k) % 5 === 1 ? `${p.name} <${p.email}>` : `${p.name} <${p.email}> [${p.id}]`))
        .join('; '),
      support_channel: i % 5 === 0 ? 'Finance › Support' : i % 5 === 1 ? FORMULAS[i % FORMULAS.length]! : '',
      business_unit: i % 4 === 0 ? 'Opérations' : i % 4 === 1 ? FORMULAS[(i + 1) % FORMULAS.length]! : '',
      data_sources: i % 2 ? 'SharePoint: Expenses; Dataverse' : '',
      workarounds: i % 10 === 0 ? `Use the web form,\nthen email "finance".\nTicket ${i}` : i % 10 === 1 ? `=1+${i}\n@then this` : '',
      status: i % 50 === 0 ? 'orphaned' : i % 77 === 0 ? 'retired' : '',
      manager_email: i % 6 === 0 ? PEOPLE[(i + 3) % PEOPLE.length]!.email : '',
      manager_name: i % 12 === 0 ? PEOPLE[(i + 3) % PEOPLE.length]!.name : '',
      manager_aad_id: '',
      maker_language: i % 3 === 0 ? 'fr-FR' : '',
      department: i % 4 === 2 ? 'Opérations, Nord' : '',
      shared_users: i % 2 ? String(i * 7) : '',
      shared_groups: i % 3 ? String(i % 9) : '',
      last_used_at: i % 5 === 0 ? `2026-0${1 + (i % 9)}-1${i % 10}T08:30:00.000Z` : '',
      last_modified_at: i % 7 === 0 ? '2025-12-31T23:59:59.000Z' : '',
      sessions: i % 8 === 0 ? String(i) : '',
    };
    rows.push(row);
  }
  const breakRow = (i: number, reason: string, change: Partial<Row>): void => {
    rows[i] = { ...rows[i]!, ...change };
    reasons.set(i, reason);
  };
  breakRow(13, 'missing id', { id: '' });
  breakRow(100, 'unknown tier "Gold"', { tier: 'Gold' });
  breakRow(250, 'invalid maker email', { maker_email: 'not-an-email' });
  breakRow(400, 'is not a GUID', { maker_aad_id: '1234' });
  breakRow(555, 'unknown kind "spreadsheet"', { kind: 'spreadsheet' });
  breakRow(700, 'is not in the form Name <email>', { co_owners: 'Lee Gu, leeg@contoso.example' });
  breakRow(1500, 'duplicate id "sol-01499"', { id: 'sol-01499' });
  reasons.set(1499, 'duplicate id "sol-01499" in the file (also on line');
  breakRow(1999, 'missing name', { name: '' });

  const header = stringify([[...CANONICAL_COLUMNS]]);
  let csv = `\uFEFF${header}`;
  let line = 2;
  const bad: { line: number; reason: string }[] = [];
  rows.forEach((row, i) => {
    const text = stringify([CANONICAL_COLUMNS.map((c) => row[c])], { quoted_match: /\n/ });
    if (reasons.has(i)) bad.push({ line, reason: reasons.get(i)! });
    csv += text;
    line += (text.match(/\n/g) ?? []).length;
  });
  // A row with one field too many, at the end.
  csv += `extra-field,${stringify([CANONICAL_COLUMNS.map((c) => rows[1]![c])]).trim()},surplus\n`;
  bad.push({ line, reason: 'the row has' });
  const rejected = new Set([...reasons.keys()].map((i) => rows[i]!.id));
  const validIds = rows.filter((r, i) => !reasons.has(i) && !rejected.has(r.id)).map((r) => r.id);
  return { csv, validIds, bad };
}

function capture() {
  let out = '';
  let err = '';
  return { io: { out: { write: (t: string) => (out += t) }, err: { write: (t: string) => (err += t) } }, out: () => out, err: () => err };
}

describe('catalog import / export through the CLI (Azurite)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'catalog-'));
  const env = { STORAGE_CONNECTION_STRING: testConnectionString(), TABLE_PREFIX: uniquePrefix() };
  const store = CatalogTableStore.on(
    new TableService({ kind: 'connection-string', connectionString: env.STORAGE_CONNECTION_STRING }, env.TABLE_PREFIX),
  );
  const generated = generate();
  const input = path.join(dir, 'catalog.csv');
  writeFileSync(input, generated.csv, 'utf8');

  const run = async (...args: string[]) => {
    const c = capture();
    const code = await runCatalogCli(args, env, c.io);
    return { code, out: c.out(), err: c.err() };
  };

  it('strict: reports every bad row with the line it starts on and its reason, writes nothing, exits 1', async () => {
    const result = await run('import', input);
    expect(result.code).toBe(EXIT.rejected);
    for (const { line, reason } of generated.bad) {
      expect(result.out).toMatch(new RegExp(`^  line ${line}\\b.*${reason.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm'));
    }
    expect(generated.bad).toHaveLength(10);
    expect(result.out).toMatch(/^ {2}rejected +10$/m);
    expect(result.out).toContain('Nothing was written: 10 rows were rejected.');
    expect(await store.listAll()).toEqual([]);
    expect(await store.readVersion()).toBeUndefined();
  });

  it('--dry-run shows what would change and writes nothing', async () => {
    const result = await run('import', input, '--partial', '--dry-run');
    expect(result.code).toBe(EXIT.ok);
    expect(result.out).toContain(`${generated.validIds.length} solutions would change (dry run: nothing was written).`);
    expect(result.out).toContain('Would add:');
    expect(await store.listAll()).toEqual([]);
  });

  it('--partial writes the valid rows and reports the rejected ones', async () => {
    const result = await run('import', input, '--partial');
    expect(result.code).toBe(EXIT.ok);
    expect(result.out).toContain(`Done: ${generated.validIds.length} solutions written, 10 rejected rows skipped (--partial).`);
    const stored = (await store.listAll()).map((s) => s.solution.id).sort();
    expect(stored).toEqual([...generated.validIds].sort());
  }, 120_000);

  it('import(export(x)) is the identity: nothing changes, and exporting again gives the same file', async () => {
    const exported = path.join(dir, 'export.csv');
    expect(await run('export', exported)).toMatchObject({
      code: EXIT.ok,
      out: `Exported ${generated.validIds.length} solutions to ${exported}\n`,
    });
    const version = await store.readVersion();
    const before = await store.listAll();

    const again = await run('import', exported);
    expect(again.code).toBe(EXIT.ok);
    expect(again.out).toContain(`unchanged ${generated.validIds.length}`);
    expect(again.out).toContain('Nothing to change: the catalog already matches the file.');
    expect(await store.readVersion()).toBe(version);
    expect(await store.listAll()).toEqual(before); // same ETags: nothing was rewritten

    const second = path.join(dir, 'export-2.csv');
    await run('export', second);
    expect(readFileSync(second, 'utf8')).toBe(readFileSync(exported, 'utf8'));

    // No cell of the export starts a formula (OWASP: such cells are prefixed with a quote), and some needed it.
    const cells = (parse(readFileSync(exported, 'utf8').replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][]).flat();
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    expect(cells.filter((cell) => /^'+[=+\-@]/.test(cell)).length).toBeGreaterThan(1000);

    // The export holds exactly the valid input records, normalised (tier and kind spelled canonically).
    const fromInput = validateRows(readCatalogFile(generated.csv, 'csv').rows).accepted.map((r) => r.record);
    const fromExport = validateRows(readCatalogFile(readFileSync(exported, 'utf8'), 'csv').rows).accepted.map((r) => r.record);
    const byId = new Map(fromInput.map((r) => [r.id, r]));
    expect(fromExport).toHaveLength(generated.validIds.length);
    for (const r of fromExport) expect(r).toEqual(byId.get(r.id));
  }, 120_000);

  it('JSON export imports back unchanged', async () => {
    const exported = path.join(dir, 'export.json');
    await run('export', exported);
    const again = await run('import', exported, '--dry-run');
    expect(again.out).toContain(`unchanged ${generated.validIds.length}`);
    expect(again.out).toContain('Nothing would change.');
  }, 120_000);

  it.each([
    [['import'], EXIT.usage, 'import: missing FILE'],
    [['import', 'x.xlsx'], EXIT.usage, 'must end in .csv or .json'],
    [['import', 'x.csv', '--force'], EXIT.usage, 'unknown option --force'],
    [['export', 'x.csv', '--partial'], EXIT.usage, 'unknown option --partial'],
    [['frob'], EXIT.usage, 'unknown command "frob"'],
    [['import', '/nonexistent/catalog.csv'], EXIT.usage, 'no such file'],
  ])('%p exits %i', async (args, code, message) => {
    const result = await run(...args);
    expect(result.code).toBe(code);
    expect(result.err).toContain(message);
  });

  it('explains a file it cannot read at all, before touching storage', async () => {
    const broken = path.join(dir, 'broken.csv');
    writeFileSync(broken, 'name,tier\nx,y\n');
    const result = await runCatalogCli(['import', broken], {}, capture().io);
    expect(result).toBe(EXIT.usage);
  });

  it('says which variable is missing', async () => {
    const c = capture();
    expect(await runCatalogCli(['export', path.join(dir, 'x.csv')], {}, c.io)).toBe(EXIT.config);
    expect(c.err()).toContain('STORAGE_CONNECTION_STRING: required');
  });

  it('runs as `npm run catalog` with the exit code of the result', async () => {
    const bad = path.join(dir, 'one-bad.csv');
    const values: Partial<Row> = {
      id: 'x',
      name: 'X',
      kind: 'flow',
      environment: 'E',
      tier: 'Gold',
      maker_email: 'a@b.example',
      maker_name: 'A',
      maker_aad_id: PEOPLE[0]!.id,
    };
    writeFileSync(bad, `${CANONICAL_COLUMNS.join(',')}\n${CANONICAL_COLUMNS.map((c) => values[c] ?? '').join(',')}\n`);
    const result = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['src/cli/catalog.ts', 'import', bad], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.on('exit', (code) => resolve({ code, stdout }));
    });
    expect(result.code).toBe(EXIT.rejected);
    expect(result.stdout).toContain('line 2 (id "x"): unknown tier "Gold"');
  }, 30_000);
});
