import { AppConfig } from './config/app-config';
import { isLoopback, isLoopbackUrl } from './config/validators';
import { createServer, listen, RunningServer } from './http/server';
import { Logger } from './logging/logger';
import { CatalogAdmin } from './services/catalog/catalog-admin';
import { CatalogService } from './services/catalog/catalog-service';
import { ConversationStartService } from './services/intake/conversation-start';
import { IntakeService } from './services/intake/intake-service';
import { createKnowledgeFeature, createKnowledgeUseCases } from './start-knowledge';
import { MessageReportService } from './services/intake/message-report-service';
import { SubmissionLimit } from './services/intake/submission-limit';
import { HOUR_MS } from './domain/intake/submission-limit';
import { Clock, systemClock } from './domain/ports/clock';
import { SolutionLookup } from './domain/ports/catalog';
import type { PeopleDirectory } from './domain/ports/people-directory';
import type { CatalogSyncOptions } from './start-catalog';
import { TableCaseStore } from './storage/cases/table-case-store';
import { TableCatalogFlags } from './storage/cases/table-catalog-flags';
import { TableSatisfaction } from './storage/cases/table-satisfaction';
import { SatisfactionService } from './services/notifications/satisfaction-service';
import { TableProfileStore } from './storage/conversations/table-profile-store';
import { ProfileMemory } from './services/people/profile-memory';
import { CatalogTableStore } from './storage/catalog/catalog-table-store';
import { TableIntakeStore } from './storage/intake/table-intake-store';
import { TableSubmissionLog } from './storage/intake/table-submission-log';
import { TableService } from './storage/table-service';
import { createActivityRecords, type ActivityOptions } from './start-activities';
import { IntakeStartService } from './services/intake/intake-start';
import { createNotificationServices, startNotificationJobs, type NotificationOptions } from './start-notifications';
import { createIncidentFeature } from './start-incidents';
import { createTicketFeature, type SlaOptions } from './start-tickets';
import { createQueueFeature } from './start-queues';
import { createCatalogSync, createPeopleDirectory } from './start-catalog';
import { createSuggestions } from './start-suggestions';
import { createGovernance, startUnderSupportedJob, type GovernanceOptions } from './start-governance';
import { createReports, type ReportOptions } from './start-reports';
import { createRecognitionService, startThanksJob, type RecognitionOptions } from './start-recognition';
import type { AuthOverrides } from './teams/create-adapter';
import { createBot } from './teams/create-bot';

/** Replaceable parts, for tests: a controllable clock, manual background jobs, a local token issuer. */
export interface StartOptions {
  readonly clock?: Clock;
  /** What the intake searches instead of the stored catalog (the catalog routes always use the stored one). */
  readonly catalog?: SolutionLookup;
  /** Tests only: where Bot Framework keys come from and the bot's own token; refused in production. */
  readonly authOverrides?: AuthOverrides;
  /** The SLA scheduler's loop; tests set intervalMs 0 and drive `runOnce(now)` through onScheduler. */
  readonly sla?: SlaOptions;
  /** The outbox worker and request timers; tests use background 'manual' and drive them through onJobs. */
  readonly notifications?: NotificationOptions;
  /** The sweep of expired activity records; tests set sweepIntervalMs 0 and drive it through onSweeper. */
  readonly activities?: ActivityOptions;
  /** Replaces the Microsoft Graph directory built from the configuration. */
  readonly directory?: PeopleDirectory;
  /** The scheduled catalog sync; tests drive it through onSync. */
  readonly catalogSync?: CatalogSyncOptions;
  /** The under-supported solutions job; tests drive it through onJob. */
  readonly governance?: GovernanceOptions;
  /** The report aggregator; tests set foldIntervalMs 0 and drive it through onAggregator. */
  readonly reports?: ReportOptions;
  /** The monthly thank-you job; tests use background 'manual' and drive it through onJob. */
  readonly recognition?: RecognitionOptions;
}

/**
 * The composition root: wires storage, services, the Teams layer and the HTTP server, and starts
 * listening. Used by `src/index.ts` and by the protocol tests, so tests run what production runs.
 */
export async function startBot(config: AppConfig, logger: Logger, options: StartOptions = {}): Promise<RunningServer> {
  assertSafeToStart(config, options);
  // Local mode has no authentication: the bot talks to loopback service URLs only (incoming and outgoing).
  const localMode = config.bot.mode === 'local';
  const tables = new TableService(config.storage, config.tablePrefix, { timeoutMs: config.storageTimeouts.turnMs });
  await tables.ensureTables();
  // The outbox worker, its timers and the SLA scheduler wait longer for storage: nobody is waiting on
  // them, and a call given up too early costs a retry, or a message sent twice (sent, then not recorded).
  const background = tables.withTimeout(config.storageTimeouts.backgroundMs);
  const clock = options.clock ?? systemClock;
  const catalogStore = CatalogTableStore.on(tables, {
    // Ids only: the problems may quote personal data. `npm run catalog -- import` fixes the row.
    onInvalidRow: (solutionId, problems) => logger.warn({ solutionId, problemCount: problems.length }, 'invalid catalog row skipped'),
  });
  const directory = options.directory ?? createPeopleDirectory(config);
  const catalogService = new CatalogService(catalogStore, { clock, ...(directory ? { directory } : {}) });
  const catalog = options.catalog ?? catalogService;

  const profiles = new ProfileMemory(new TableProfileStore(tables.client('conversations')));
  const knowledge = createKnowledgeFeature(tables, clock, profiles);
  const helpDesk = createTicketFeature(tables, config, clock, logger, options.sla, background);
  const queues = createQueueFeature(tables, config, clock, catalog);
  const incidents = createIncidentFeature(tables, clock, catalog, helpDesk);
  const intakeParts = {
    intakes: new TableIntakeStore(tables.client('intakes')),
    requests: new TableCaseStore(tables.client('cases'), helpDesk.lists),
    catalog,
    clock,
    // Only for the stored catalog: a replaced one (tests) has nothing to look up.
    ...(options.catalog ? {} : { people: catalogService }),
  };
  const intake = new IntakeService({
    ...intakeParts,
    tickets: { numbers: helpDesk.numbers, sla: helpDesk.slaConfig, queues: queues.router },
    incidents,
    submissions: new SubmissionLimit(new TableSubmissionLog(tables.client('submissionLog')), {
      perWindow: config.intake.maxRequestsPerHour,
      windowMs: HOUR_MS,
    }),
    answers: knowledge.answers,
  });
  const activities = createActivityRecords(tables, clock, logger, options.activities);
  const recognition = createRecognitionService(tables, clock);
  const reports = createReports(tables, background, config, clock, logger, options.reports);
  const notifications = createNotificationServices(tables, config, clock, {
    numbers: helpDesk.numbers,
    sla: helpDesk.slaConfig,
    queues: queues.router,
  });
  const governance = createGovernance(tables, config, clock, catalogStore);
  const bot = createBot({
    config,
    logger,
    activities: activities.gate,
    useCases: {
      intake,
      intakeStart: new IntakeStartService(intake, intakeParts.intakes, activities.gate),
      conversation: new ConversationStartService(intake, intakeParts),
      messageReports: new MessageReportService({ intake, catalog }),
      catalog: catalogService,
      tickets: helpDesk.tickets,
      dedicatedQueue: helpDesk.dedicatedQueue,
      channels: helpDesk.channels,
      helpDeskQueues: queues.service,
      externalCases: helpDesk.externalCases,
      incidents,
      requestHandling: notifications.handling,
      outbox: notifications.admin,
      graduation: governance.graduation,
      suggestions: createSuggestions(tables, clock, helpDesk.lists),
      underSupported: governance.underSupported,
      catalogAdmin: new CatalogAdmin({
        store: catalogStore,
        flags: new TableCatalogFlags(tables.client('cases')),
        adminIds: config.adminIds,
        clock,
        search: catalogService,
      }),
      satisfaction: new SatisfactionService({
        requests: new TableCaseStore(tables.client('cases')),
        answers: new TableSatisfaction(tables.client('cases')),
        clock,
        notFixed: notifications.notFixed,
      }),
      reports: reports.service,
      knowledge: createKnowledgeUseCases(tables, config, clock, knowledge),
      recognition,
    },
    authOverrides: options.authOverrides,
    profiles,
    proactive: {
      conversations: notifications.conversations,
      endpoints: notifications.endpoints,
      options: {
        tenantId: config.bot.mode === 'authenticated' ? config.bot.tenantId : undefined,
        defaultServiceUrl: config.notifications.teamsServiceUrl,
        audience: config.bot.mode === 'authenticated' ? 'https://api.botframework.com' : undefined,
        timeoutMs: options.notifications?.senderTimeoutMs,
        ...(localMode ? { trustsServiceUrl: isLoopbackUrl } : {}),
      },
    },
  });
  if (!bot.messageSender) throw new Error('the bot has no message sender');
  const jobServices = createNotificationServices(background, config, clock, {
    numbers: helpDesk.numbers,
    sla: helpDesk.slaConfig,
    queues: createQueueFeature(background, config, clock, catalog).router,
  });
  const outbox = startNotificationJobs(jobServices, bot.messageSender, background, config, clock, logger, options.notifications);
  // The sync writes with the background budget: nobody waits on it.
  const catalogSync = await createCatalogSync(
    config,
    background,
    new CatalogService(CatalogTableStore.on(background), { clock, ...(directory ? { directory } : {}) }),
    clock,
    logger,
    options.catalogSync,
  );
  const underSupported = startUnderSupportedJob(background, config, clock, logger, options.governance);
  const thanks = startThanksJob(background, config, clock, logger, options.recognition);
  const server = createServer({
    logger,
    processActivity: (req, res) => bot.process(req, res),
    readiness: { storage: () => tables.ping(), outbox: () => outbox.ready() },
    activityPolicy: { loopbackServiceUrlsOnly: localMode },
  });
  const running = await listen(server, config.port, config.bindAddress);
  return {
    ...running,
    close: async (graceMs?: number) => {
      await Promise.all([
        helpDesk.stop(),
        outbox.stop(),
        activities.stop(),
        catalogSync.stop(),
        underSupported.stop(),
        reports.stop(),
        thanks.stop(),
      ]);
      await running.close(graceMs);
    },
  };
}

/**
 * Defense in depth behind the configuration's own checks, for an AppConfig built by other code:
 * local mode (no authentication) never listens beyond loopback, and production never takes the
 * test-only authentication overrides.
 */
function assertSafeToStart(config: AppConfig, options: StartOptions): void {
  if (config.bot.mode === 'local' && !isLoopback(config.bindAddress)) {
    throw new Error(`local mode runs without authentication and listens on loopback only; refusing to bind to ${config.bindAddress}`);
  }
  if (options.authOverrides && config.nodeEnv === 'production') {
    throw new Error('authentication overrides are for tests only and are refused when NODE_ENV=production');
  }
}
