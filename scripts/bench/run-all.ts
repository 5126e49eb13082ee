/**
 * `npm run bench`: every benchmark, one after the other (so they do not disturb each other's
 * timings), then one summary of every figure that has a goal, with PASS or FAIL, and the machine.
 * `npm run bench -- <name> [options]` runs one (its options are passed on). Exits non-zero when a
 * benchmark failed to run or a goal was missed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { line, type Figure } from './lib/goals';
import { machineLine } from './lib/machine';

/** In the order they run: quick and CPU-only first, the long storage ones last. */
const BENCHMARKS: readonly { readonly name: string; readonly what: string }[] = [
  { name: 'catalog-search', what: 'catalog search at 20,000 and 200,000 solutions' },
  { name: 'article-search', what: 'knowledge base search at 5,000 articles' },
  { name: 'bots', what: 'messages and card actions against the floor bot, 32 users' },
  { name: 'memory', what: 'RSS growth over 10,000 new conversations' },
  { name: 'card-actions', what: 'latency of each step of a whole intake' },
  { name: 'notifications', what: 'outbox delivery rate against the per-tenant ceiling, one and three instances' },
  { name: 'list-views', what: 'help desk list views at 1,000 and 100,000 tickets' },
  { name: 'reports', what: 'a 4-week and a 52-week report at 100,000 tickets, rows read' },
];

const here = __dirname;
const tsx = path.resolve(here, '../../node_modules/.bin/tsx');

function main(): void {
  const [first, ...rest] = process.argv.slice(2);
  const chosen = first && !first.startsWith('--') ? BENCHMARKS.filter((b) => b.name === first) : BENCHMARKS;
  if (chosen.length === 0) {
    process.stderr.write(`unknown benchmark "${first}"; one of:\n${BENCHMARKS.map((b) => `  ${b.name.padEnd(16)}${b.what}`).join('\n')}\n`);
    process.exitCode = 2;
    return;
  }
  const options = first && !first.startsWith('--') ? rest : process.argv.slice(2);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  const resultsFile = path.join(dir, 'results.jsonl');
  const failed: string[] = [];
  const startedAt = machineLine();
  try {
    for (const bench of chosen) {
      process.stdout.write(`\n== ${bench.name}: ${bench.what}\n`);
      const result = spawnSync(tsx, [path.join(here, `${bench.name}.ts`), ...options], {
        stdio: 'inherit',
        env: { ...process.env, BENCH_RESULTS: resultsFile },
      });
      if (result.status !== 0) failed.push(`${bench.name} (${result.error?.message ?? `exit ${result.status ?? result.signal}`})`);
    }
    const figures = readFigures(resultsFile).filter((f) => f.goal);
    process.stdout.write(`\n== goals (${chosen.length} benchmark${chosen.length === 1 ? '' : 's'})\n`);
    process.stdout.write(`machine at start: ${startedAt}\nmachine at end:   ${machineLine()}\n`);
    let bench = '';
    for (const figure of figures) {
      if (figure.bench !== bench) process.stdout.write(`${(bench = figure.bench)}\n`);
      process.stdout.write(`${line(figure)}\n`);
    }
    const missed = figures.filter((f) => !f.pass).length;
    process.stdout.write(
      `\n${figures.length - missed} of ${figures.length} goals met${failed.length > 0 ? `; failed to run: ${failed.join(', ')}` : ''}\n`,
    );
    if (missed > 0 || failed.length > 0) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function readFigures(file: string): Figure[] {
  try {
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Figure);
  } catch {
    return [];
  }
}

main();
