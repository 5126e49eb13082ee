/**
 * Composition of the reports (issue 17): the counters in the Cases table, the leased aggregator that
 * folds the report feed into them (one lease per shard), and the report use case. Called by the
 * composition root (start-bot.ts); the CLI (scripts/report.ts) builds the use case alone.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { AppConfig } from './config/app-config';
import type { Clock } from './domain/ports/clock';
import { periodVocabulary } from './i18n/period-words';
import type { Logger } from './logging/logger';
import { BackgroundJob } from './services/jobs/background-job';
import { ReportAggregator } from './services/reports/report-aggregator';
import { ReportService } from './services/reports/report-service';
import { SHARD_COUNT } from './storage/cases/case-partitions';
import { TableLeaseStore } from './storage/leases/table-lease-store';
import { TableRecognitionChoices } from './storage/recognition/table-recognition-choices';
import { TableReportCounters } from './storage/reports/table-report-counters';
import type { TableService } from './storage/table-service';

export interface ReportOptions {
  /** How often the feed is folded (default one minute); 0 = never (tests call `runOnce`). */
  readonly foldIntervalMs?: number;
  readonly onAggregator?: (aggregator: ReportAggregator) => void;
}

const DEFAULT_FOLD_MS = 60_000;
const ALL_SHARDS = Array.from({ length: SHARD_COUNT }, (_, i) => i);

export function createReportService(
  tables: TableService,
  config: Pick<AppConfig, 'adminIds' | 'reportReaderIds'>,
  clock: Clock,
): ReportService {
  const readerIds = new Set([...config.adminIds, ...(config.reportReaderIds ?? [])]);
  return new ReportService({
    counters: new TableReportCounters(tables.client('cases')),
    clock,
    readerIds,
    periodWords: periodVocabulary(),
    // "stop thanks": never named among the most helpful (src/start-recognition.ts).
    recognition: new TableRecognitionChoices(tables.client('conversations')),
  });
}

/** The reports' use case and the aggregator's job (its storage calls use the background budget). */
export function createReports(
  tables: TableService,
  background: TableService,
  config: AppConfig,
  clock: Clock,
  logger: Logger,
  options: ReportOptions = {},
) {
  const aggregator = new ReportAggregator({
    store: new TableReportCounters(background.client('cases')),
    leases: new TableLeaseStore(background.client('leases')),
    clock,
    owner: `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`,
    shards: ALL_SHARDS,
  });
  options.onAggregator?.(aggregator);
  const intervalMs = options.foldIntervalMs ?? DEFAULT_FOLD_MS;
  const job = new BackgroundJob({
    name: 'report-counters',
    leases: aggregator.leases,
    run: async () => (await aggregator.runOnce(), intervalMs),
    reporter: logger,
    errorDelayMs: intervalMs,
  });
  if (intervalMs > 0) job.start();
  return { service: createReportService(tables, config, clock), aggregator, stop: () => job.stop() };
}
