/**
 * Composition of the help desk feature (issue 5): ticket storage, numbering, the ticket and channel
 * services, and the leased SLA scheduler loop. Called by the composition root (start-bot.ts).
 */
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
  const ticketStore = new TableTicketStore(tables.client('cases'));
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
    tickets: new TableTicketStore(background.client('cases')),
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
  // Stops the loop (if any) and gives the SLA lease up, so another instance takes over at once.
  return {
    numbers,
    tickets,
    dedicatedQueue,
    channels,
    externalCases,
    escalationRoles,
    scheduler,
    stop: () => job.stop(),
    slaConfig: tickets.slaConfig,
  };
}
