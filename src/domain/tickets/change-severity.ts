/**
 * Changing a ticket's severity, with a reason: a member of the team whose queue holds it may do it
 * while it is not closed. Both SLA clocks are recomputed for the new severity from the original start
 * minus paused time (a clock already met stays met), and the change is kept in history.
 */
import { accept, refuse, type Decision } from '../decision';
import { ticketEvent, type HistoryActor } from '../history';
import { belongsTo, type ActorStanding } from '../queues/actor-standing';
import type { Severity } from '../severity';
import type { SlaConfig } from '../sla';
import { requireText } from '../text-input';
import type { Ticket } from './ticket';
import { settleChange, type TicketChange } from './ticket-change';
import { holdingQueue } from './ticket-queue';
import { retargetSla } from './ticket-sla';

export const SEVERITY_REASON_MAX = 500;
export type SeverityChangeRefusal = 'not-permitted' | 'ticket-closed' | 'same-severity' | 'reason-missing' | 'reason-too-long';

export function changeSeverity(
  ticket: Ticket,
  to: Severity,
  reason: unknown,
  standing: ActorStanding,
  actor: HistoryActor & { kind: 'user' },
  at: Date,
  config: SlaConfig,
): Decision<TicketChange, SeverityChangeRefusal> {
  if (!belongsTo(standing, holdingQueue(ticket))) return refuse('not-permitted');
  if (ticket.status === 'closed') return refuse('ticket-closed');
  if (to === ticket.severity) return refuse('same-severity');
  const why = requireText(reason, SEVERITY_REASON_MAX);
  if (!why.ok) return refuse(why.reason === 'missing' ? 'reason-missing' : 'reason-too-long');
  const next = retargetSla({ ...ticket, severity: to }, config, at);
  const event = ticketEvent('severity-changed', actor, at, { from: ticket.severity, to, reason: why.text });
  return accept(settleChange(ticket, next, [event], at, config, actor));
}
