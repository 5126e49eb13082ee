import type { HistoryActor, PersonRef } from '../../../src/domain/history';
import { snapshotOf } from '../../../src/domain/intake/support-request';
import type { ActorStanding } from '../../../src/domain/queues/actor-standing';
import type { QueueId } from '../../../src/domain/queues/queue';
import type { Severity } from '../../../src/domain/severity';
import { DEFAULT_SLA_CONFIG, type SlaConfig } from '../../../src/domain/sla';
import type { Tier } from '../../../src/domain/solution';
import { formatTicketNumber } from '../../../src/domain/ticket-number';
import { openTicket, type Ticket } from '../../../src/domain/tickets/ticket';
import { escalateToDedicatedTeam } from '../../../src/domain/escalation/escalate-to-dedicated-team';
import { acceptEscalation } from '../../../src/domain/escalation/accept-escalation';
import { PEOPLE, SOLUTIONS } from '../../support/fixture-solutions';
import { helpDeskRequest } from '../../support/ticket-fixtures';

/** Monday 10:00 UTC: inside the default business hours (Mon–Fri 09–17 UTC). */
export const NOW = new Date('2026-11-23T10:00:00Z');
export const MIN = 60_000;
export const later = (minutes: number, from: Date = NOW) => new Date(from.getTime() + minutes * MIN);

export const MAKER: PersonRef = { aadObjectId: PEOPLE.megan.aadObjectId, displayName: PEOPLE.megan.displayName };
export const CO_OWNER: PersonRef = { aadObjectId: PEOPLE.lee.aadObjectId, displayName: PEOPLE.lee.displayName };
export const REQUESTER: PersonRef = { aadObjectId: 'a1e0c0de-0000-4000-8000-000000000001', displayName: 'Alex Wilber' };
export const HD_AGENT: PersonRef = { aadObjectId: 'ad000000-0000-4000-8000-000000000001', displayName: 'Isaiah Langer' };
export const FIN_AGENT: PersonRef = { aadObjectId: 'ad000000-0000-4000-8000-000000000002', displayName: 'Johanna Lorenz' };
export const DT_ONE: PersonRef = { aadObjectId: 'dd000000-0000-4000-8000-000000000001', displayName: 'Pradeep Gupta' };
export const DT_TWO: PersonRef = { aadObjectId: 'dd000000-0000-4000-8000-000000000002', displayName: 'Grady Archie' };

export function standingOf(person: PersonRef, queues: readonly QueueId[], extra: Partial<ActorStanding> = {}): ActorStanding {
  return { aadObjectId: person.aadObjectId, queues, escalationGroup: false, itAdmin: false, ...extra };
}

type UserActor = HistoryActor & { kind: 'user' };
export const asUser = (person: PersonRef, role: UserActor['role']): UserActor => ({ kind: 'user', role, ...person });
export const SYSTEM: HistoryActor = { kind: 'system', component: 'sla-scheduler' };

export const HD = { person: HD_AGENT, standing: standingOf(HD_AGENT, ['help-desk']), actor: asUser(HD_AGENT, 'agent') };
export const FIN = { person: FIN_AGENT, standing: standingOf(FIN_AGENT, ['help-desk:finance']), actor: asUser(FIN_AGENT, 'agent') };
export const DT1 = { person: DT_ONE, standing: standingOf(DT_ONE, ['dedicated-team']), actor: asUser(DT_ONE, 'dedicated-team') };
export const DT2 = { person: DT_TWO, standing: standingOf(DT_TWO, ['dedicated-team']), actor: asUser(DT_TWO, 'dedicated-team') };
export const MAKER_SIDE = { standing: standingOf(MAKER, []), actor: asUser(MAKER, 'maker') };

/**
 * The general targets, with the dedicated team's own for Sev C on Critical solutions (30 min / 4 h,
 * 24×7) so a move between queues visibly changes the clocks.
 */
export const CONFIG: SlaConfig = {
  ...DEFAULT_SLA_CONFIG,
  queueTargets: { 'dedicated-team': { C: { Critical: { firstResponseMinutes: 30, resolutionMinutes: 240, clock: '24x7' } } } },
};

export interface TicketOptions {
  readonly severity?: Severity;
  readonly tier?: Tier | null;
  readonly queue?: QueueId;
  readonly at?: Date;
  readonly requester?: PersonRef;
}

/** A new help desk ticket (Critical solution by default, Sev C), opened at `at` in `queue`. */
export function ticketFor(options: TicketOptions = {}): Ticket {
  const at = options.at ?? NOW;
  const request = helpDeskRequest({ at, severity: options.severity ?? 'C', requester: options.requester ?? REQUESTER });
  const tier = options.tier === undefined ? 'Critical' : options.tier;
  const solution = tier === null ? undefined : snapshotOf({ ...SOLUTIONS.invoices, tier });
  return openTicket({ ...request, solution }, formatTicketNumber(42), CONFIG, at, { queue: options.queue ?? 'help-desk' });
}

/** The ticket escalated to the dedicated team by the help desk agent of its queue (asserted to succeed). */
export function escalatedTicket(options: TicketOptions = {}, at: Date = options.at ?? NOW): Ticket {
  const ticket = ticketFor(options);
  const agent = ticket.queue === 'help-desk:finance' ? FIN : HD;
  const change = escalateToDedicatedTeam(
    ticket,
    { trigger: 'agent', by: agent.actor, standing: agent.standing, summary: 'Flow fails on approval' },
    at,
    CONFIG,
  );
  if (!change.ok) throw new Error(`fixture: escalation refused (${change.reason})`);
  return change.next;
}

/** Escalated and accepted by DT1 (asserted to succeed). */
export function acceptedTicket(options: TicketOptions = {}, at: Date = options.at ?? NOW): Ticket {
  const accepted = acceptEscalation(escalatedTicket(options, at), DT1.standing, DT1.actor, at, CONFIG);
  if (!accepted.ok) throw new Error(`fixture: accept refused (${accepted.reason})`);
  return accepted.next;
}
