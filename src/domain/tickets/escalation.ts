/** Escalating a ticket: to the dedicated team, a partner or Microsoft (with its case number). */
import { ticketEvent, type HistoryActor, type TicketHistoryEvent } from '../history';
import type { MessageKey } from '../message-keys';
import { isEscalationTarget, type EscalationTarget } from '../support-model';
import { text } from '../text';
import { withExternalReference, type Ticket } from './ticket';
import { changed, finish, step } from './status-moves';
import { refuse, type Change } from './ticket-commands';

const ESCALATION_TARGETS = {
  'dedicated-team': 'labels.escalation.dedicated-team',
  partner: 'labels.escalation.partner',
  microsoft: 'labels.escalation.microsoft',
} as const satisfies Record<EscalationTarget, MessageKey>;

/** Escalation by an agent, or by the system (SLA breach on a Critical solution). */
export function escalate(
  ticket: Ticket,
  targetValue: unknown,
  caseValue: unknown,
  actor: HistoryActor,
  now: Date,
  trigger: 'agent' | 'sla-breach' | 'sev-a-critical',
): Change {
  if (!isEscalationTarget(targetValue)) return refuse('messages.tickets.refused.pickEscalation');
  const target: EscalationTarget = targetValue;
  const caseReference = typeof caseValue === 'string' ? caseValue.trim() : '';
  if (target === 'microsoft' && caseReference === '') refuse('messages.tickets.refused.caseNumberNeeded');
  if (caseReference.length > 100) refuse('messages.tickets.refused.caseNumberTooLong', { max: 100 });
  if (ticket.escalatedTo === target && ticket.status === 'escalated') refuse('messages.tickets.refused.alreadyEscalated');
  const s = step(ticket, 'escalate');
  const events: TicketHistoryEvent[] = [
    ticketEvent('escalated', actor, now, { target, trigger, ...(caseReference ? { caseReference } : {}), ...changed(s) }),
  ];
  const externalReferences =
    target !== 'dedicated-team' && caseReference
      ? withExternalReference(ticket.externalReferences, { target, caseReference, at: now.toISOString() })
      : ticket.externalReferences;
  const where = text(ESCALATION_TARGETS[target]);
  return {
    next: finish(ticket, { status: s.to, escalatedTo: target, externalReferences }, events, now),
    events,
    tellRequester: s.from !== s.to ? { heading: text('messages.tickets.tell.escalated', { number: ticket.number, where }) } : undefined,
    handToDedicatedTeam: target === 'dedicated-team',
    done: text('messages.tickets.done.escalated', { where }),
  };
}
