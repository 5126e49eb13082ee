/**
 * Every path to the dedicated team ends here: the ticket (new or existing) goes to their queue with a
 * hand-off record, waits for one of them to accept it, and runs on the dedicated team's SLA targets
 * from its original start. The help desk's assignee is kept on the hand-off and has it again if the
 * dedicated team returns it.
 *
 * Who may start each path (checked here from the stored ticket and the actor's standing): the help
 * desk's Escalate, a member of the help desk queue holding the ticket; "I'm stuck", the solution's
 * maker or a co-owner (an Important solution's co-owners support it as its makers do, and their
 * card has the same button); a graduation request, its maker or a co-owner; the automatic paths (Sev A on a Critical
 * solution, an SLA breach, platform down), the system.
 */
import type { ExternalEscalationTarget } from '../support-model';
import { accept, refuse, type Decision } from '../decision';
import { ticketEvent, type HistoryActor } from '../history';
import { sameId, type ActorStanding } from '../queues/actor-standing';
import { DEDICATED_TEAM_QUEUE, isHelpDeskQueue } from '../queues/queue';
import type { SlaConfig } from '../sla';
import { checkText } from '../text-input';
import { canApply, isOpenStatus, transition } from '../ticket-status';
import type { Ticket } from '../tickets/ticket';
import { settleChange, type TicketChange } from '../tickets/ticket-change';
import { isMakerOf, mayTake } from '../tickets/ticket-permissions';
import { holdingQueue } from '../tickets/ticket-queue';
import { retargetSla } from '../tickets/ticket-sla';
import type { EscalationTrigger } from './escalation-trigger';
import { HAND_OFF_TEXT_LIMITS, withHandOff, type HandOff } from './hand-off';

export interface EscalationInput {
  readonly trigger: EscalationTrigger;
  /** The help desk member, the maker (through intake), or the system (intake, SLA scheduler). */
  readonly by: HistoryActor;
  /** The standing of `by` when it is a person (rosters, configuration); absent for the system. */
  readonly standing?: ActorStanding;
  /** What happened: required when the help desk escalates, optional for automatic paths. Raw card text. */
  readonly summary?: unknown;
  /** What the help desk or the maker tried. Raw card text. */
  readonly tried?: unknown;
  /** The external tier the router suggests (platform-down: Microsoft), shown on the hand-off card. */
  readonly suggested?: ExternalEscalationTarget;
}

export type EscalateRefusal =
  'already-escalated' | 'not-permitted' | 'not-open' | 'not-allowed-in-status' | 'summary-missing' | 'summary-too-long' | 'tried-too-long';

/** The maker is the contact when the maker asked for help (stuck, graduation); else the requester. */
export function contactFor(trigger: EscalationTrigger): HandOff['contact'] {
  return trigger === 'maker-stuck' || trigger === 'graduation-request' ? 'maker' : 'requester';
}

/** Whether `input.by` may start this path to the dedicated team on this ticket. */
export function mayStartEscalation(ticket: Ticket, input: Pick<EscalationInput, 'trigger' | 'by' | 'standing'>): boolean {
  const { by, standing } = input;
  switch (input.trigger) {
    case 'agent':
      return (
        by.kind === 'user' &&
        standing !== undefined &&
        sameId(standing.aadObjectId, by.aadObjectId) &&
        mayTake(ticket, 'escalate', standing)
      );
    case 'maker-stuck':
    case 'graduation-request':
      return (
        by.kind === 'user' &&
        (isMakerOf(ticket, by) || (ticket.solution?.coOwners ?? []).some((c) => !!c.aadObjectId && sameId(c.aadObjectId, by.aadObjectId)))
      );
    case 'sev-a-critical':
    case 'sla-breach':
    case 'platform-down':
      return by.kind === 'system';
  }
}

export function escalateToDedicatedTeam(
  ticket: Ticket,
  input: EscalationInput,
  at: Date,
  config: SlaConfig,
): Decision<TicketChange, EscalateRefusal> {
  const from = holdingQueue(ticket);
  if (!isHelpDeskQueue(from)) return refuse('already-escalated');
  if (!mayStartEscalation(ticket, input)) return refuse('not-permitted');
  if (!isOpenStatus(ticket.status)) return refuse('not-open');
  if (!canApply(ticket.status, 'escalate')) return refuse('not-allowed-in-status');
  const summary = checkText(input.summary, { max: HAND_OFF_TEXT_LIMITS.summary, required: input.trigger === 'agent' });
  if (!summary.ok) return refuse(summary.reason === 'missing' ? 'summary-missing' : 'summary-too-long');
  const tried = checkText(input.tried, { max: HAND_OFF_TEXT_LIMITS.tried, required: false });
  if (!tried.ok) return refuse('tried-too-long');

  const handOff: HandOff = {
    at: at.toISOString(),
    trigger: input.trigger,
    by: input.by,
    fromQueue: from,
    ...(summary.text ? { summary: summary.text } : {}),
    ...(tried.text ? { tried: tried.text } : {}),
    contact: contactFor(input.trigger),
    ...(input.suggested ? { suggested: input.suggested } : {}),
    ...(ticket.assignee ? { previousAssignee: ticket.assignee } : {}),
  };
  const to = transition(ticket.status, 'escalate');
  const { assignee, ...unassigned } = ticket;
  void assignee;
  const moved = retargetSla(
    {
      ...unassigned,
      status: to,
      queue: DEDICATED_TEAM_QUEUE,
      escalatedTo: 'dedicated-team',
      handOffs: withHandOff(ticket.handOffs, handOff),
    },
    config,
    at,
  );
  const event = ticketEvent('escalated', input.by, at, {
    target: 'dedicated-team',
    trigger: input.trigger,
    fromQueue: from,
    ...(ticket.status !== to ? { statusChange: { from: ticket.status, to } } : {}),
  });
  return accept(settleChange(ticket, moved, [event], at, config, input.by));
}
