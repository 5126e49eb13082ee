/**
 * Composition of major incidents (issue 13): their store beside the tickets in the Cases table, and
 * the service the routes and the intake use. Called by the composition root (start-bot.ts).
 */
import type { Clock } from './domain/ports/clock';
import type { SolutionLookup } from './domain/ports/catalog';
import type { SlaConfig } from './domain/sla';
import { IncidentService } from './services/incidents/incident-service';
import type { EscalationRoles } from './services/tickets/queue-standing';
import { TableConversationStore } from './storage/conversations/table-conversation-store';
import { TableIncidentStore } from './storage/incidents/table-incident-store';
import type { TableService } from './storage/table-service';
import { TableTicketStore } from './storage/tickets/table-ticket-store';

export function createIncidentFeature(
  tables: TableService,
  clock: Clock,
  catalog: SolutionLookup,
  tickets: {
    readonly escalationRoles: EscalationRoles;
    readonly slaConfig: SlaConfig;
    readonly tickets: { readonly reopenWindowMinutes: number };
  },
): IncidentService {
  const cases = tables.client('cases');
  return new IncidentService({
    incidents: new TableIncidentStore(cases),
    tickets: TableTicketStore.on(tables),
    channels: new TableConversationStore(tables.client('conversations')),
    escalationRoles: tickets.escalationRoles,
    clock,
    sla: tickets.slaConfig,
    reopenWindowMinutes: tickets.tickets.reopenWindowMinutes,
    catalog,
  });
}
