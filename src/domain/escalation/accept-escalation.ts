/**
 * Accept: the first dedicated-team member to accept an escalated ticket owns it. Only a member of the
 * team whose queue holds it may accept; the precondition is the ticket's state (held by the
 * dedicated team and not accepted yet). Storage's ETag serialises two accepts read from the same
 * version, and the loser, re-deciding on the stored ticket, is told who has it. Acceptance is the
 * owning team's first response.
 */
import { accept } from '../decision';
import { ticketEvent, type HistoryActor, type PersonRef } from '../history';
import type { ActorStanding } from '../queues/actor-standing';
import { DEDICATED_TEAM_QUEUE } from '../queues/queue';
import type { SlaConfig } from '../sla';
import { isOpenStatus, transition } from '../ticket-status';
import type { Ticket } from '../tickets/ticket';
import { settleChange, type TicketChange } from '../tickets/ticket-change';
import { mayTake } from '../tickets/ticket-permissions';
import { holdingQueue } from '../tickets/ticket-queue';
import { currentHandOff, updateCurrentHandOff } from './hand-off';

export type AcceptRefusal = 'not-escalated' | 'not-permitted' | 'not-open' | 'already-accepted';

export type AcceptDecision =
  | ({ readonly ok: true; readonly owner: PersonRef } & TicketChange)
  | { readonly ok: false; readonly reason: Exclude<AcceptRefusal, 'already-accepted'> }
  /** `owner`: who has it (absent only on tickets escalated before hand-offs were recorded). */
  | { readonly ok: false; readonly reason: 'already-accepted'; readonly owner?: PersonRef };

/** Who accepted the ticket's current escalation, if anyone has. */
export function acceptedBy(ticket: Ticket): PersonRef | undefined {
  return currentHandOff(ticket.handOffs)?.accepted?.by ?? (ticket.status === 'escalated' ? undefined : ticket.assignee);
}

export function acceptEscalation(
  ticket: Ticket,
  standing: ActorStanding,
  actor: HistoryActor & { kind: 'user' },
  at: Date,
  config: SlaConfig,
): AcceptDecision {
  if (holdingQueue(ticket) !== DEDICATED_TEAM_QUEUE) return { ok: false, reason: 'not-escalated' };
  if (!mayTake(ticket, 'accept', standing)) return { ok: false, reason: 'not-permitted' };
  if (!isOpenStatus(ticket.status)) return { ok: false, reason: 'not-open' };
  if (ticket.status !== 'escalated') {
    const owner = acceptedBy(ticket);
    return { ok: false, reason: 'already-accepted', ...(owner ? { owner } : {}) };
  }
  const owner: PersonRef = { aadObjectId: actor.aadObjectId, displayName: actor.displayName };
  const to = transition(ticket.status, 'accept');
  const patched: Ticket = {
    ...ticket,
    status: to,
    assignee: owner,
    handOffs: updateCurrentHandOff(ticket.handOffs, { accepted: { by: owner, at: at.toISOString() } }),
  };
  const event = ticketEvent('accepted', actor, at, { queue: DEDICATED_TEAM_QUEUE, statusChange: { from: ticket.status, to } });
  return accept({ owner, ...settleChange(ticket, patched, [event], at, config, actor) });
}
