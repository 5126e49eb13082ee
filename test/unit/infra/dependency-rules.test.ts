/**
 * The layer rules (.dependency-cruiser.cjs) hold for src/, so `npm test` (and CI) fail on an import
 * that crosses a layer the wrong way. The rules themselves are checked against a fixture tree with one
 * planted violation per rule (layer-fixture/src), so a rule that stopped matching would be noticed.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CONFIG = path.join(ROOT, '.dependency-cruiser.cjs');
const DEPCRUISE = path.join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

interface Violation {
  readonly rule: string;
  readonly from: string;
  readonly to: string;
}

/** depcruise over `src` of `cwd`: the violations it reports (JSON output), or why it could not run. */
function cruise(cwd: string): { status: number | null; violations: Violation[]; stderr: string } {
  const run = spawnSync(process.execPath, [DEPCRUISE, 'src', '--config', CONFIG, '--output-type', 'json'], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const report = run.stdout
    ? (JSON.parse(run.stdout) as { summary: { violations: Array<{ rule: { name: string }; from: string; to: string }> } })
    : undefined;
  const violations = (report?.summary.violations ?? []).map((v) => ({ rule: v.rule.name, from: v.from, to: packageOrPath(v.to) }));
  return { status: run.status, violations, stderr: run.stderr };
}

/** An npm package by its name (where inside it an import resolves depends on its version), our files by path. */
function packageOrPath(to: string): string {
  return to.replace(/^(\.\.\/)+/, '').replace(/^(node_modules\/(@[^/]+\/)?[^/]+)\/.*$/, '$1');
}

describe('dependency rules (dependency-cruiser)', () => {
  it('src/ keeps every layer rule and has no circular dependency', () => {
    const { status, violations, stderr } = cruise(ROOT);
    expect({ status, violations, stderr }).toEqual({ status: 0, violations: [], stderr: '' });
  }, 120_000);

  it('each rule fails on its planted violation, and allowed imports pass', () => {
    const { violations } = cruise(path.join(__dirname, 'layer-fixture'));
    const found = violations.map((v) => `${v.rule}: ${v.from} → ${v.to}`).sort();
    expect(found).toEqual(
      [
        'domain-imports-no-package: src/domain/uses-node.ts → fs',
        'domain-imports-only-itself: src/domain/uses-storage.ts → src/storage/store.ts',
        'http-imports-only-config-logging: src/http/server.ts → src/services/use-case.ts',
        'i18n-imports-only-domain: src/i18n/uses-services.ts → src/services/use-case.ts',
        'no-circular: src/domain/cycle-a.ts → src/domain/cycle-b.ts',
        'nothing-imports-the-composition-root: src/teams/uses-start.ts → src/start-bot.ts',
        'only-http-imports-restify: src/teams/uses-restify.ts → node_modules/restify',
        'only-storage-imports-azure-tables: src/teams/uses-tables.ts → node_modules/@azure/data-tables',
        'only-teams-imports-bot-sdks: src/services/uses-bot.ts → node_modules/botbuilder',
        'presentation-imports-only-domain: src/presentation/uses-services.ts → src/services/use-case.ts',
        'services-imports-only-domain-presentation: src/services/use-case.ts → src/storage/store.ts',
        'storage-imports-only-domain-config: src/storage/uses-services.ts → src/services/use-case.ts',
        'teams-imports-no-storage-http: src/teams/uses-storage.ts → src/storage/store.ts',
      ].sort(),
    );
  }, 120_000);
});
