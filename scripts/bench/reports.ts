/**
 * Reports (issue 17) at 100,000 tickets on Azurite: 100,000 tickets' worth of report counters are
 * seeded as the aggregator leaves them (lib/counter-seed.ts: each ticket's feed entries made by the
 * product's functions, tallied, written as per-day counter rows of the 16 shard partitions in
 * transactions of 100), and the last 2 % keep their feed rows, which the aggregator then folds (its
 * rate is printed); then a 4-week and a 52-week report are built repeatedly (p50, p95), and the rows
 * each reads are counted. A report reads counters, never tickets, so its cost is set by its days
 * (≤ 16 × days + 16 rows) and not by how many tickets there are.
 *
 * Goals at 100,000 tickets: 4-week p95 ≤ 250 ms, 52-week p95 ≤ 1,000 ms; rows read ≤ 16 × days + 16.
 *
 *   npm run bench -- reports [--tickets 100000] [--runs 20]
 */
import { lastWeeks } from '../../src/domain/reports/report-period';
import { periodVocabulary } from '../../src/i18n/period-words';
import { ReportAggregator } from '../../src/services/reports/report-aggregator';
import { ReportService } from '../../src/services/reports/report-service';
import { SHARD_COUNT } from '../../src/storage/cases/case-partitions';
import { TableLeaseStore } from '../../src/storage/leases/table-lease-store';
import { TableReportCounters } from '../../src/storage/reports/table-report-counters';
import { TableService } from '../../src/storage/table-service';
import { startAzurite } from '../lib/azurite';
import { findFreePort } from '../lib/ports';
import { numberArg } from './lib/args';
import { Results } from './lib/goals';
import { machineLine } from './lib/machine';
import { percentile } from './lib/stats';
import { seedCounters } from './lib/counter-seed';

const TICKETS = numberArg('tickets', 100_000);
const RUNS = numberArg('runs', 20);
const NOW = new Date('2026-11-30T18:00:00Z');

async function main(): Promise<void> {
  const results = new Results('reports');
  results.note(`reports: ${TICKETS.toLocaleString('en')} tickets, ${RUNS} runs per report, on ${machineLine()}`);
  const azurite = await startAzurite({ port: await findFreePort(), output: { kind: 'silent' } });
  try {
    const tables = new TableService({ kind: 'connection-string', connectionString: azurite.connectionString }, 'bench', {
      timeoutMs: 120_000,
    });
    await tables.ensureTables();
    const seedStarted = Date.now();
    const seeded = await seedCounters(tables.client('cases') as never, TICKETS, { end: NOW, openShare: 0.03, unfoldedShare: 0.02 });
    results.note(
      `  seeded ${TICKETS.toLocaleString('en')} tickets' counters: ${seeded.counterRows.toLocaleString('en')} counter rows, ${seeded.feedRows.toLocaleString('en')} feed rows not folded yet, in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`,
    );
    const counters = new TableReportCounters(tables.client('cases'));
    const aggregator = new ReportAggregator({
      store: counters,
      leases: new TableLeaseStore(tables.client('leases')),
      clock: { now: () => new Date() },
      owner: 'bench',
      shards: Array.from({ length: SHARD_COUNT }, (_, i) => i),
      foldsPerRun: 100_000,
    });
    const foldStarted = Date.now();
    aggregator.leases.start();
    const counted = await aggregator.runOnce();
    const foldSeconds = (Date.now() - foldStarted) / 1000;
    results.note(
      `  folded ${counted.toLocaleString('en')} feed entries in ${foldSeconds.toFixed(1)} s (${(counted / foldSeconds).toFixed(0)} entries/s)`,
    );
    await aggregator.leases.releaseAll();

    const service = new ReportService({ counters, clock: { now: () => NOW }, readerIds: new Set(), periodWords: periodVocabulary() });
    for (const weeks of [4, 52]) {
      const period = lastWeeks(weeks, NOW);
      const first = await service.figures(period, NOW);
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const started = process.hrtime.bigint();
        await service.figures(period, NOW);
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      const days = weeks * 7;
      results.note(`  ${weeks} weeks: ${first.totals.tkt ?? 0} tickets counted, ${first.rowsRead} rows read`);
      results.info(`${weeks}-week report: p50`, percentile(times, 50), 'ms');
      results.goal(`${weeks}-week report: p95 at ${TICKETS.toLocaleString('en')} tickets`, percentile(times, 95), 'ms', {
        op: '<=',
        target: weeks === 4 ? 250 : 1000,
      });
      results.goal(`${weeks}-week report: rows read`, first.rowsRead, '', { op: '<=', target: SHARD_COUNT * days + SHARD_COUNT });
    }
    results.info('feed entries folded per second', counted / foldSeconds, '/s');
  } finally {
    await azurite.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`reports benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
