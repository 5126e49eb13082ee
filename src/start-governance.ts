/**
 * Composition of governance (issue 17): graduation requests and their decision by the Power Platform
 * team, over the catalog admin's edit path; and the leased under-supported solutions job with the
 * admins' list. Called by the composition root (start-bot.ts).
 */
import { randomUUID } from 'node:crypto';
import type { AppConfig } from './config/app-config';
import { DEFAULT_GOVERNANCE, governanceThresholds } from './config/governance-config';
import type { Logger } from './logging/logger';
import type { CatalogStore } from './domain/ports/catalog';
import type { Clock } from './domain/ports/clock';
import { CatalogAdmin } from './services/catalog/catalog-admin';
import { GraduationService } from './services/governance/graduation-service';
import { UnderSupportedAdmin } from './services/governance/under-supported-admin';
import { UnderSupportedJob } from './services/governance/under-supported-job';
import { BackgroundJob } from './services/jobs/background-job';
import { TableCatalogFlags } from './storage/cases/table-catalog-flags';
import { CatalogTableStore } from './storage/catalog/catalog-table-store';
import { TableConversationStore } from './storage/conversations/table-conversation-store';
import { TableGraduationStore } from './storage/governance/table-graduation-store';
import { TableUnderSupportedNotices } from './storage/governance/table-under-supported-notices';
import { TableLeaseStore } from './storage/leases/table-lease-store';
import { TableReportCounters } from './storage/reports/table-report-counters';
import type { TableService } from './storage/table-service';

export interface GovernanceOptions {
  /** 'manual': the job never runs on its own (tests call `runOnce` through onJob). */
  readonly background?: 'auto' | 'manual';
  readonly onJob?: (job: UnderSupportedJob) => void;
}

export function createGovernance(tables: TableService, config: AppConfig, clock: Clock, catalog: CatalogStore) {
  const catalogAdmin = new CatalogAdmin({
    store: catalog,
    flags: new TableCatalogFlags(tables.client('cases')),
    adminIds: config.adminIds,
    clock,
  });
  const graduation = new GraduationService({
    catalog,
    catalogAdmin,
    graduations: new TableGraduationStore(tables.client('cases')),
    channels: new TableConversationStore(tables.client('conversations')),
    clock,
  });
  const underSupported = new UnderSupportedAdmin({
    notices: new TableUnderSupportedNotices(tables.client('cases')),
    adminIds: config.adminIds,
    clock,
  });
  return { graduation, catalogAdmin, underSupported };
}

/** The under-supported solutions job on the background tables, under its renewed lease. */
export function startUnderSupportedJob(
  background: TableService,
  config: AppConfig,
  clock: Clock,
  logger: Logger,
  options: GovernanceOptions = {},
) {
  const settings = config.governance ?? DEFAULT_GOVERNANCE;
  const job = new UnderSupportedJob({
    catalog: CatalogTableStore.on(background),
    notices: new TableUnderSupportedNotices(background.client('cases')),
    leases: new TableLeaseStore(background.client('leases')),
    clock,
    owner: `under-supported-${randomUUID()}`,
    thresholds: governanceThresholds(settings),
    activity: new TableReportCounters(background.client('cases')),
    windowDays: settings.windowDays,
    intervalMs: settings.checkIntervalMs,
  });
  options.onJob?.(job);
  if ((options.background ?? 'auto') === 'manual') return { job, stop: () => job.leases.releaseAll() };
  const loop = new BackgroundJob({
    name: 'under-supported',
    leases: job.leases,
    reporter: logger,
    failureMessage: 'under-supported solutions run failed',
    // Keep the lease renewed so another instance takes over within seconds if this one dies.
    run: async () => {
      const run = await job.runOnce();
      if (run.ran && run.found > 0)
        logger.info({ period: run.period, found: run.found, notified: run.notified }, 'under-supported solutions');
      return run.ran ? job.intervalMs : 60_000;
    },
  });
  loop.start();
  return { job, stop: () => loop.stop() };
}
