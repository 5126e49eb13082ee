/**
 * Opening a ticket for a request that reaches the help desk: built in the same transaction as the
 * request (the number is allocated just before), held by the help desk queue its plan chose (else the
 * default one) and posted to its channel through the outbox, with the plan's extras (on call). A path to the dedicated team (a Sev A problem with a Critical
 * solution at intake; the maker's "I'm stuck"; the first platform-down report) hands it on at once (escalation/
 * escalate-to-dedicated-team.ts): the hand-off card is posted in the dedicated team's channel too.
 */
import { escalateToDedicatedTeam, type EscalationInput } from '../../domain/escalation/escalate-to-dedicated-team';
import { ticketEvent, type TicketHistoryEvent } from '../../domain/history';
import type { SupportRequest } from '../../domain/intake/support-request';
import type { OutboxMessage } from '../../domain/outbox-message';
import { DEFAULT_HELP_DESK_QUEUE } from '../../domain/queues/queue';
import type { SlaConfig } from '../../domain/sla';
import { openTicket, type Ticket } from '../../domain/tickets/ticket';
import type { TicketNumber } from '../../domain/ticket-number';
import { dedicatedTeamPostId, helpDeskPostId, postToDedicatedTeam, postToHelpDesk } from './ticket-notifications';
import type { QueuePlan } from './ticket-queues';

export interface OpenedTicket {
  readonly ticket: Ticket;
  readonly history: readonly TicketHistoryEvent[];
  readonly outbox: readonly OutboxMessage[];
  /** Whether the dedicated team has it (a hand-off was asked for and allowed). */
  readonly handedOn: boolean;
}

/**
 * `handOff`: the path to the dedicated team, if the request takes one now. Without it, a Sev A on a
 * Critical solution (the router's `handToDedicatedTeam`) takes the intake's.
 */
export function openTicketFor(
  request: SupportRequest,
  number: TicketNumber,
  config: SlaConfig,
  now: Date,
  handOff?: EscalationInput,
  plan?: QueuePlan,
  incidentId?: string,
): OpenedTicket {
  let ticket = openTicket(request, number, config, now, { queue: plan?.queue ?? DEFAULT_HELP_DESK_QUEUE });
  // Linked to the incident its report opened (the first "Power Platform itself seems down").
  if (incidentId) ticket = { ...ticket, incidentId };
  const history: TicketHistoryEvent[] = [
    ticketEvent('created', { kind: 'user', role: 'requester', ...request.requester }, now, {
      category: request.category,
      impact: request.details.impact,
      urgency: request.details.urgency,
      severity: request.severity,
      routeReason: request.routeReason,
    }),
  ];
  const path: EscalationInput | undefined =
    handOff ?? (request.handToDedicatedTeam ? { trigger: 'sev-a-critical', by: { kind: 'system', component: 'intake' } } : undefined);
  const escalated = path ? escalateToDedicatedTeam(ticket, path, now, config) : undefined;
  if (escalated?.ok) {
    history.push(...escalated.events);
    ticket = escalated.next;
  }
  const handedOn = escalated?.ok === true;
  const helpDeskId = helpDeskPostId(ticket.id);
  const dedicatedId = dedicatedTeamPostId(ticket.id, 1);
  ticket = { ...ticket, version: 1, cardMessageIds: handedOn ? [helpDeskId, dedicatedId] : [helpDeskId] };
  const outbox = [
    postToHelpDesk(ticket),
    ...(handedOn ? [postToDedicatedTeam(ticket, dedicatedId)] : []),
    ...(plan?.extras(ticket, now) ?? []),
  ];
  return { ticket, history, outbox, handedOn };
}
