/**
 * Composition of the help desk feature (issue 5): ticket storage, numbering, the ticket and channel
 * services, and the leased SLA scheduler loop. Called by the composition root (start-bot.ts).
 */
import { randomUUID } from 'node:crypto';
import type { AppConfig } from './config/app-config';
import type { Logger } from './logging/logger';
import { ChannelService } from './services/channels/channel-service';
import { ExternalCaseService } from './services/external-cases/external-case-service';
import type { Clock } from './domain/ports/clock';
import { BackgroundJob } from './services/jobs/background-job';
import { DedicatedQueueService } from './services/tickets/dedicated-queue-service';
import { SlaScheduler } from './services/tickets/sla-scheduler';
import { TicketService } from './services/tickets/ticket-service';
import { TableConversationStore } from './storage/conversations/table-conversation-store';
import { TableLeaseStore } from './storage/leases/table-lease-store';
import type { TableService } from './storage/table-service';
import { TableTicketNumbers } from './storage/tickets/table-ticket-numbers';
import { TableTicketStore } from './storage/tickets/table-ticket-store';
import { TicketListIndex } from './storage/tickets/ticket-list-index';
import { TicketListSweep } from './services/tickets/ticket-list-sweep';

export interface SlaOptions {
  /** How often the scheduler loop runs; 0 = never (tests drive `runOnce(now)` themselves). Default SLA_CHECK_SECONDS. */
  readonly intervalMs?: number;
  /** Receives the scheduler, so tests can call `runOnce(now)` with a controllable clock. */
  readonly onScheduler?: (scheduler: SlaScheduler) => void;
}

/** `background`: the tables the SLA scheduler uses (a longer storage time budget than turns). */
export function createTicketFeature(
  tables: TableService,
  config: AppConfig,
  clock: Clock,
  logger: Logger,
  sla: SlaOptions = {},
  background = tables,
) {
  const numbers = new TableTicketNumbers(tables.client('cases'));
  // A list row that could not follow its ticket is left to the sweep below (ticket-list-index.ts).
  const onListFailure = (ticketId: string, error: unknown) =>
    logger.warn({ ticketId, err: error }, 'list views not updated yet; the list sweep will');
  const lists = TicketListIndex.on(tables, onListFailure);
  const ticketStore = new TableTicketStore(tables.client('cases'), lists);
  const conversations = new TableConversationStore(tables.client('conversations'));
  const { sla: slaConfig, reopenWindowMinutes, slaCheckIntervalMs, breachPolicy } = config.tickets;
  const escalationRoles = config.externalCases;
  const dedicatedQueue = new DedicatedQueueService({
    tickets: ticketStore,
    channels: conversations,
    escalationRoles,
    clock,
    sla: slaConfig,
    reopenWindowMinutes,
  });
  const tickets = new TicketService({
    tickets: ticketStore,
    numbers,
    channels: conversations,
    clock,
    sla: slaConfig,
    reopenWindowMinutes,
    dedicated: dedicatedQueue,
  });
  const channels = new ChannelService({ registry: conversations, adminIds: config.adminIds, clock });
  const externalCases = new ExternalCaseService({
    tickets: ticketStore,
    channels: conversations,
    escalationRoles,
    clock,
    sla: tickets.slaConfig,
    reopenWindowMinutes,
  });
  const scheduler = new SlaScheduler({
    tickets: TableTicketStore.on(background, onListFailure),
    lease: new TableLeaseStore(background.client('leases')),
    clock,
    reopenWindowMinutes: tickets.reopenWindowMinutes,
    breachPolicy,
    sla: slaConfig,
    channels: new TableConversationStore(background.client('conversations')),
  });
  sla.onScheduler?.(scheduler);
  const intervalMs = sla.intervalMs ?? slaCheckIntervalMs;
  // A pass every interval (the first one interval after start; after a failed pass, one interval too).
  const job = new BackgroundJob({
    name: 'sla-scheduler',
    leases: scheduler.leases,
    run: async () => (await scheduler.runOnce(), intervalMs),
    reporter: logger,
    firstRunInMs: intervalMs,
    errorDelayMs: intervalMs,
    failureMessage: 'SLA scheduler pass failed',
  });
  if (intervalMs > 0) job.start();
  const listSweep = startListSweep(background, clock, logger, intervalMs);
  // Stops the loops (if any) and gives their leases up, so another instance takes over at once.
  const stop = async () => void (await Promise.all([job.stop(), listSweep.stop()]));
  return {
    numbers,
    tickets,
    dedicatedQueue,
    channels,
    externalCases,
    escalationRoles,
    scheduler,
    lists,
    stop,
    slaConfig: tickets.slaConfig,
  };
}

/** The list views' repair sweep (ticket-list-sweep.ts), as often as the SLA checks; never when those are off (tests). */
function startListSweep(background: TableService, clock: Clock, logger: Logger, intervalMs: number) {
  const sweep = new TicketListSweep({
    lists: TicketListIndex.on(background),
    lease: new TableLeaseStore(background.client('leases')),
    clock,
    owner: randomUUID(),
    leaseTtlMs: Math.max(60_000, intervalMs),
  });
  const job = new BackgroundJob({
    name: 'ticket-list-sweep',
    leases: sweep.leases,
    run: async () => (await sweep.runOnce(), intervalMs),
    reporter: logger,
    firstRunInMs: intervalMs,
    errorDelayMs: intervalMs,
    renewBetweenRuns: false,
  });
  if (intervalMs > 0) job.start();
  return job;
}
