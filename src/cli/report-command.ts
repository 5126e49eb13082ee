/**
 * `npm run report -- --from YYYY-MM-DD --to YYYY-MM-DD [--out file.csv]`: the report's figures per
 * week as CSV for Power BI (columns: README, "Reports"). Folds the waiting report feed first (under
 * the aggregator's shard leases, so it is safe while the bot runs), then reads the counters. Reads
 * only the storage variables through the bot's rules.
 */
import { writeFile } from 'node:fs/promises';
import { ConfigError } from '../config/config-error';
import { loadConfig, type Environment } from '../config/load-config';
import { systemClock } from '../domain/ports/clock';
import { periodBetween } from '../domain/reports/report-period';
import { ReportAggregator } from '../services/reports/report-aggregator';
import { reportCsv } from '../services/reports/report-csv';
import { createReportService } from '../start-reports';
import { SHARD_COUNT } from '../storage/cases/case-partitions';
import { TableLeaseStore } from '../storage/leases/table-lease-store';
import { TableReportCounters } from '../storage/reports/table-report-counters';
import { TableService } from '../storage/table-service';

const VARIABLES = ['STORAGE_CONNECTION_STRING', 'STORAGE_ACCOUNT_URL', 'TABLE_PREFIX', 'AZURE_CLIENT_ID'] as const;

export const REPORT_USAGE = `usage: report --from YYYY-MM-DD --to YYYY-MM-DD [--out file.csv]

  One row per week (7 UTC days ending on --to) and measure, dimension and member, for Power BI.
  Without --out the CSV goes to standard output. At most 104 weeks.
`;

interface Streams {
  readonly out: { write(text: string): unknown };
  readonly err: { write(text: string): unknown };
}

const option = (args: readonly string[], name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};

export async function runReportCli(args: readonly string[], env: Environment, io: Streams): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) return (void io.out.write(REPORT_USAGE), 0);
  const period = periodBetween(option(args, '--from') ?? '', option(args, '--to') ?? '');
  if (!period) {
    io.err.write(`report: --from and --to must be days (YYYY-MM-DD), in order, at most 104 weeks apart\n${REPORT_USAGE}`);
    return 64;
  }
  let config;
  try {
    config = loadConfig(Object.fromEntries(VARIABLES.map((name) => [name, env[name]])));
  } catch (error) {
    if (error instanceof ConfigError) return (void io.err.write(`${error.message}\n`), 78);
    throw error;
  }
  const tables = new TableService(config.storage, config.tablePrefix);
  await tables.ensureTables();
  const aggregator = new ReportAggregator({
    store: new TableReportCounters(tables.client('cases')),
    leases: new TableLeaseStore(tables.client('leases')),
    clock: systemClock,
    owner: `report-cli-${process.pid}`,
    shards: Array.from({ length: SHARD_COUNT }, (_, i) => i),
    foldsPerRun: 10_000,
  });
  // Renewed on their own timer while the feed is folded (a run may take longer than a lease).
  aggregator.leases.start();
  await aggregator.runOnce();
  await aggregator.leases.releaseAll();
  const csv = reportCsv(await createReportService(tables, config, systemClock).rows(period));
  const out = option(args, '--out');
  if (out) await writeFile(out, csv, 'utf8');
  else io.out.write(csv);
  return 0;
}
