/**
 * Composition of the makers' recognition (issue 17): the people's choices ("stop thanks"), and the
 * leased monthly thank-you job over the report counters. Called by the composition root (start-bot.ts).
 */
import { randomUUID } from 'node:crypto';
import type { AppConfig } from './config/app-config';
import { DEFAULT_RECOGNITION } from './config/recognition-config';
import type { Clock } from './domain/ports/clock';
import type { Logger } from './logging/logger';
import { BackgroundJob } from './services/jobs/background-job';
import { RecognitionService } from './services/recognition/recognition-service';
import { ThanksJob } from './services/recognition/thanks-job';
import { TableLeaseStore } from './storage/leases/table-lease-store';
import { TableRecognitionChoices } from './storage/recognition/table-recognition-choices';
import { TableThanksRecords } from './storage/recognition/table-thanks-records';
import { TableReportCounters } from './storage/reports/table-report-counters';
import type { TableService } from './storage/table-service';

export interface RecognitionOptions {
  /** 'manual': the job never runs on its own (tests call `runOnce` through onJob). */
  readonly background?: 'auto' | 'manual';
  readonly onJob?: (job: ThanksJob) => void;
}

export function createRecognitionService(tables: TableService, clock: Clock): RecognitionService {
  return new RecognitionService({ choices: new TableRecognitionChoices(tables.client('conversations')), clock });
}

/** The thank-you job on the background tables, under its renewed lease; none when RECOGNITION_ENABLED=false. */
export function startThanksJob(
  background: TableService,
  config: AppConfig,
  clock: Clock,
  logger: Logger,
  options: RecognitionOptions = {},
) {
  const settings = config.recognition ?? DEFAULT_RECOGNITION;
  if (!settings.enabled) return { job: undefined, stop: async () => undefined };
  const job = new ThanksJob({
    counters: new TableReportCounters(background.client('cases')),
    records: new TableThanksRecords(background.client('cases'), background.client('conversations')),
    choices: new TableRecognitionChoices(background.client('conversations')),
    leases: new TableLeaseStore(background.client('leases')),
    clock,
    owner: `recognition-${randomUUID()}`,
    minimum: settings.minimum,
    intervalMs: settings.checkIntervalMs,
  });
  options.onJob?.(job);
  if ((options.background ?? 'auto') === 'manual') return { job, stop: () => job.leases.releaseAll() };
  const loop = new BackgroundJob({
    name: 'recognition',
    leases: job.leases,
    reporter: logger,
    failureMessage: 'monthly thank-you run failed',
    run: async () => {
      const run = await job.runOnce();
      if (run.ran && run.thanked > 0) logger.info({ month: run.month, thanked: run.thanked }, 'monthly thank-you cards');
      return run.ran ? job.intervalMs : 60_000;
    },
  });
  loop.start();
  return { job, stop: () => loop.stop() };
}
