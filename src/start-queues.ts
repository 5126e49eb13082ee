/**
 * Composition of the help desk queues and on call (issue 13): registering named queues, and the
 * router that picks a new ticket's queue and pages the on-call member. Called by start-bot.ts.
 */
import type { AppConfig } from './config/app-config';
import type { SolutionLookup } from './domain/ports/catalog';
import type { Clock } from './domain/ports/clock';
import { HelpDeskQueueService } from './services/channels/help-desk-queue-service';
import { QueueRouter } from './services/tickets/queue-router';
import { TableConversationStore } from './storage/conversations/table-conversation-store';
import type { TableService } from './storage/table-service';

export function createQueueFeature(tables: TableService, config: AppConfig, clock: Clock, catalog: Pick<SolutionLookup, 'get'>) {
  const registry = new TableConversationStore(tables.client('conversations'));
  const service = new HelpDeskQueueService({ registry, adminIds: config.adminIds, clock });
  const router = new QueueRouter({
    registry,
    catalog,
    sla: config.tickets.sla,
    rotas: config.tickets.onCall ?? [],
    reopenWindowMinutes: config.tickets.reopenWindowMinutes,
  });
  return { service, router };
}
