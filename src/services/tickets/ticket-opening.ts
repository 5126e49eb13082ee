/**
 * Opening a ticket for a request the router sent to the help desk: built in the same transaction as
 * the request (the number is allocated just before), posted to the help desk channel through the
 * outbox; a Sev A problem with a Critical solution is escalated to the dedicated team at once.
 */
import { ticketEvent, type TicketHistoryEvent } from '../../domain/history';
import type { SupportRequest } from '../../domain/intake/support-request';
import type { OutboxMessage } from '../../domain/outbox-message';
import type { SlaConfig } from '../../domain/sla';
import { openTicket, type Ticket } from '../../domain/tickets/ticket';
import type { TicketNumber } from '../../domain/ticket-number';
import { escalate } from '../../domain/tickets/ticket-changes';
import { dedicatedTeamPostId, helpDeskPostId, postToDedicatedTeam, postToHelpDesk } from './ticket-notifications';

export interface OpenedTicket {
  readonly ticket: Ticket;
  readonly history: readonly TicketHistoryEvent[];
  readonly outbox: readonly OutboxMessage[];
}

export function openTicketFor(request: SupportRequest, number: TicketNumber, config: SlaConfig, now: Date): OpenedTicket {
  let ticket = openTicket(request, number, config, now);
  const history: TicketHistoryEvent[] = [
    ticketEvent('created', { kind: 'user', role: 'requester', ...request.requester }, now, {
      category: request.category,
      impact: request.details.impact,
      urgency: request.details.urgency,
      severity: request.severity,
      routeReason: request.routeReason,
    }),
  ];
  const handOff = request.handToDedicatedTeam;
  if (handOff) {
    const change = escalate(ticket, 'dedicated-team', '', { kind: 'system', component: 'intake' }, now, 'sev-a-critical');
    history.push(...change.events);
    ticket = change.next;
  }
  const helpDeskId = helpDeskPostId(ticket.id);
  const dedicatedId = dedicatedTeamPostId(ticket.id, 1);
  ticket = { ...ticket, version: 1, cardMessageIds: handOff ? [helpDeskId, dedicatedId] : [helpDeskId] };
  const outbox = [postToHelpDesk(ticket), ...(handOff ? [postToDedicatedTeam(ticket, dedicatedId)] : [])];
  return { ticket, history, outbox };
}
