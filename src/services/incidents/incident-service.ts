/**
 * Major incidents: the dedicated team opens one (from a ticket card, or by a command in their
 * channel), links tickets to it, escalates it to the global admins and resolves it; intake links new
 * reports to an open one. Who may act is the person's standing from the rosters (StandingLookup),
 * the rules are the domain's (incidents/incident.ts), each change is one transaction with the
 * incident's ETag, its outbox messages and the activity that asked.
 *
 * Resolving tells every linked requester once, in one message each: the resolution freezes who is
 * to be told, and their messages are written TELL_BATCH at a time, each batch in the transaction
 * that counts it told. A redelivered or repeated Resolve finishes what is left and tells nobody twice.
 */
import { uuidOfActivity, activityRecord, type ActivityRef } from '../../domain/activity-ref';
import type { ActorRole, PersonRef } from '../../domain/history';
import { ticketEvent } from '../../domain/history';
import {
  escalateToGlobalAdmins,
  incidentIdFrom,
  isDedicatedTeam,
  linkToIncident,
  nextToTell,
  openIncident,
  reportScopeKey,
  resolveIncident,
  scopeKeyOf,
  type Incident,
  type IncidentLink,
  type IncidentRefusal,
  type IncidentScope,
} from '../../domain/incidents/incident';
import type { SupportRequest } from '../../domain/intake/support-request';
import type { MessageKey } from '../../domain/message-keys';
import type { OutboxMessage } from '../../domain/outbox-message';
import type { IncidentRepository, StoredIncident } from '../../domain/ports/incidents';
import { INCIDENT_OUTBOX_KEY } from '../../domain/ports/incidents';
import type { SolutionLookup } from '../../domain/ports/catalog';
import type { Clock } from '../../domain/ports/clock';
import { ConcurrencyConflictError } from '../../domain/ports/storage-errors';
import type { TeamRoster } from '../../domain/ports/team-roster';
import type { TicketRepository } from '../../domain/ports/tickets';
import type { ActorStanding } from '../../domain/queues/actor-standing';
import type { SlaConfig } from '../../domain/sla';
import { text, type Text } from '../../domain/text';
import { settleChange } from '../../domain/tickets/ticket-change';
import { cardAnswer, messageAnswer, type Answer } from '../../presentation/answer';
import { globalAdminsCard, incidentCard, incidentResolvedCard } from '../../presentation/incident-cards';
import type { StandingLookup } from '../queues/standing-lookup';
import type { TicketChangeWriter } from '../tickets/ticket-change-writer';

export interface IncidentServiceDeps {
  readonly incidents: IncidentRepository;
  readonly tickets: TicketRepository;
  readonly writer: TicketChangeWriter;
  readonly standings: StandingLookup;
  readonly clock: Clock;
  readonly sla: SlaConfig;
  readonly catalog: SolutionLookup;
  readonly newHex?: () => string;
}

const REFUSALS = {
  'not-permitted': 'incidents.refused.not-permitted',
  'title-missing': 'incidents.refused.title-missing',
  'title-too-long': 'incidents.refused.title-too-long',
  resolved: 'incidents.refused.resolved',
  'already-linked': 'incidents.refused.already-linked',
  'too-many-links': 'incidents.refused.too-many-links',
  'resolution-missing': 'incidents.refused.resolution-missing',
  'resolution-too-long': 'incidents.refused.resolution-too-long',
  'already-escalated': 'incidents.refused.already-escalated',
} as const satisfies Record<IncidentRefusal, MessageKey>;

const refusal = (reason: IncidentRefusal): Text => text(REFUSALS[reason]);

/** The id of the incident's card in the dedicated team's channel (every change updates it). */
export const incidentCardId = (id: string) => `${id}.incident.dedicated-team`;

/** What "open an incident" names: the platform, or the solution of a ticket, or a catalogued solution by id. */
export type OpenRequest =
  | { readonly scope: 'platform'; readonly title: unknown; readonly ticketId?: string }
  | { readonly scope: 'solution'; readonly title: unknown; readonly ticketId: string }
  | { readonly scope: 'catalog-solution'; readonly title: unknown; readonly solution: { readonly id: string; readonly name: string } };

export class IncidentService {
  constructor(private readonly deps: IncidentServiceDeps) {}

  async open(actor: PersonRef, request: OpenRequest, roster: TeamRoster, activity?: ActivityRef): Promise<Answer> {
    const standing = await this.standing(actor, roster);
    if ('refusal' in standing) return messageAnswer(standing.refusal);
    const ticket = request.scope !== 'catalog-solution' && request.ticketId ? (await this.deps.tickets.get(request.ticketId))?.ticket : undefined;
    if (request.scope === 'solution' && ticket?.solution === undefined) return messageAnswer(text('incidents.refused.noSolution'));
    const scope: IncidentScope =
      request.scope === 'platform'
        ? { kind: 'platform' }
        : request.scope === 'catalog-solution'
          ? { kind: 'solution', solutionId: request.solution.id, solutionName: request.solution.name }
          : { kind: 'solution', solutionId: ticket!.solution!.id, solutionName: ticket!.solution!.name };
    const now = this.deps.clock.now();
    const id = incidentIdFrom(activity ? uuidOfActivity(activity) : this.hex());
    const existing = await this.deps.incidents.get(id);
    let stored: StoredIncident | undefined = existing;
    if (existing === undefined) {
      const decided = openIncident(id, scope, request.title, standing.standing, actor, now);
      if (!decided.ok) return messageAnswer(refusal(decided.reason));
      try {
        stored = await this.deps.incidents.create(decided.incident, [this.post(decided.incident)], activity && activityRecord(activity, text('incidents.done.opened', { id }), now));
      } catch (error) {
        if (!(error instanceof ConcurrencyConflictError)) throw error;
        // A redelivery created it meanwhile, or the scope already has an open incident: say which.
        stored = (await this.deps.incidents.get(id)) ?? undefined;
        if (stored === undefined) {
          const open = await this.deps.incidents.openFor(scopeKeyOf(scope));
          return open ? cardAnswer(incidentCard(open.incident, text('incidents.refused.alreadyOpen', { id: open.incident.id }))) : messageAnswer(text('messages.tickets.changedMeanwhile'));
        }
      }
    }
    if (ticket) return this.linkTicket(stored!, ticket.id, actor, standing.standing, activity, 'opened');
    return cardAnswer(incidentCard(stored!.incident, text('incidents.done.opened', { id })));
  }

  /** "open incident for SOLUTION-ID: title", said in a channel: the solution from the catalog. */
  async openForSolution(actor: PersonRef, solutionId: string, title: unknown, roster: TeamRoster): Promise<Answer> {
    const solution = await this.deps.catalog.get(solutionId.toLowerCase());
    if (solution === undefined) return messageAnswer(text('incidents.refused.unknownSolution'));
    return this.open(actor, { scope: 'catalog-solution', title, solution: { id: solution.id, name: solution.name } }, roster);
  }

  /** A dedicated team member links a ticket to an open incident (typed as INC-…). */
  async link(actor: PersonRef, incidentId: string | undefined, ticketId: string, roster: TeamRoster, activity?: ActivityRef): Promise<Answer> {
    const standing = await this.standing(actor, roster);
    if ('refusal' in standing) return messageAnswer(standing.refusal);
    const stored = incidentId ? await this.deps.incidents.get(incidentId) : undefined;
    if (stored === undefined) return messageAnswer(text('incidents.refused.unknown'));
    return this.linkTicket(stored, ticketId, actor, standing.standing, activity, 'linked');
  }

  async resolve(actor: PersonRef, incidentId: string, resolution: unknown, roster: TeamRoster, activity?: ActivityRef): Promise<Answer> {
    const standing = await this.standing(actor, roster);
    if ('refusal' in standing) return messageAnswer(standing.refusal);
    let stored = await this.deps.incidents.get(incidentId);
    if (stored === undefined) return messageAnswer(text('incidents.refused.unknown'));
    const applied = activity ? await this.deps.incidents.activity(activity.key) : undefined;
    let notice: Text | undefined = applied?.outcome;
    if (!applied && stored.incident.status === 'open') {
      const now = this.deps.clock.now();
      const decided = resolveIncident(stored.incident, resolution, standing.standing, actor, now);
      if (!decided.ok) return cardAnswer(incidentCard(stored.incident, refusal(decided.reason)));
      notice = text('incidents.done.resolved', { count: decided.incident.audience?.length ?? 0 });
      try {
        stored = await this.deps.incidents.update(stored, decided.incident, [this.cardUpdate(decided.incident)], activity && activityRecord(activity, notice, now));
      } catch (error) {
        if (!(error instanceof ConcurrencyConflictError)) throw error;
        stored = (await this.deps.incidents.get(incidentId))!;
        if (stored.incident.status === 'open') return cardAnswer(incidentCard(stored.incident, text('messages.tickets.changedMeanwhile')));
      }
    }
    // Resolved (now, or by an earlier delivery that may have stopped half-way): tell whoever is left.
    const told = await this.tellRequesters(stored.incident.id);
    return cardAnswer(incidentCard(told ?? stored.incident, notice ?? refusal('resolved')));
  }

  async escalate(actor: PersonRef, incidentId: string, roster: TeamRoster, activity?: ActivityRef): Promise<Answer> {
    const standing = await this.standing(actor, roster);
    if ('refusal' in standing) return messageAnswer(standing.refusal);
    return this.change(incidentId, activity, (incident, now) => {
      const decided = escalateToGlobalAdmins(incident, standing.standing, actor, now);
      if (!decided.ok) return decided;
      const post: OutboxMessage = {
        id: `${incident.id}.global-admins`,
        requestId: INCIDENT_OUTBOX_KEY,
        purpose: 'dedicated-team-handoff',
        target: { kind: 'channel', channel: 'global-admins' },
        card: globalAdminsCard(decided.incident),
        createdAt: now.toISOString(),
      };
      return { ok: true as const, incident: decided.incident, outbox: [post, this.cardUpdate(decided.incident)], done: text('incidents.done.escalated') };
    });
  }

  async show(actor: PersonRef, incidentId: string, roster: TeamRoster): Promise<Answer> {
    const standing = await this.standing(actor, roster);
    if ('refusal' in standing) return messageAnswer(standing.refusal);
    const stored = await this.deps.incidents.get(incidentId);
    return stored ? cardAnswer(incidentCard(stored.incident)) : messageAnswer(text('incidents.refused.unknown'));
  }

  /**
   * At intake: if an open incident covers this report, link it and return what the requester is
   * told instead of a route (idempotent on the request's id: a redelivered Submit finds its link).
   */
  async linkReport(request: SupportRequest, now: Date): Promise<{ readonly incident: Incident; readonly explanation: Text } | undefined> {
    const key = reportScopeKey(request.category, request.solution?.id);
    if (key === undefined) return undefined;
    for (let attempt = 0; attempt < 3; attempt++) {
      const stored = await this.deps.incidents.openFor(key);
      if (stored === undefined) return undefined;
      const link: IncidentLink = { kind: 'request', id: request.id, reference: request.reference, requester: request.requester, linkedAt: now.toISOString(), automatic: true };
      const decided = linkToIncident(stored.incident, link, undefined, now);
      const known = (incident: Incident) => ({ incident, explanation: text('incidents.known', { id: incident.id, title: incident.title }) });
      if (!decided.ok) return decided.reason === 'already-linked' ? known(stored.incident) : undefined;
      try {
        await this.deps.incidents.update(stored, decided.incident, [this.cardUpdate(decided.incident)]);
        return known(decided.incident);
      } catch (error) {
        if (!(error instanceof ConcurrencyConflictError)) throw error;
      }
    }
    return undefined; // too busy to link: the report is routed as usual rather than lost
  }

  /** Writes the next batch of messages until everyone was told; the incident as it ends up. */
  private async tellRequesters(incidentId: string): Promise<Incident | undefined> {
    for (let round = 0; round < 1000; round++) {
      const stored = await this.deps.incidents.get(incidentId);
      if (stored === undefined) return undefined;
      const now = this.deps.clock.now();
      const next = nextToTell(stored.incident, now);
      if (next.people.length === 0) return stored.incident;
      const messages = next.people.map((person): OutboxMessage => ({
        id: `${incidentId}.resolved.${person.aadObjectId.toLowerCase()}`,
        requestId: INCIDENT_OUTBOX_KEY,
        purpose: 'requester-update',
        target: { kind: 'user', aadObjectId: person.aadObjectId, displayName: person.displayName },
        card: incidentResolvedCard(next.incident, person),
        createdAt: now.toISOString(),
      }));
      try {
        await this.deps.incidents.update(stored, next.incident, messages);
      } catch (error) {
        // Another delivery of the same Resolve wrote this batch first: read and go on from its count.
        if (!(error instanceof ConcurrencyConflictError)) throw error;
      }
    }
    return undefined;
  }

  private async linkTicket(stored: StoredIncident, ticketId: string, actor: PersonRef, standing: ActorStanding, activity: ActivityRef | undefined, how: 'opened' | 'linked'): Promise<Answer> {
    const found = await this.deps.tickets.get(ticketId);
    if (found === undefined) return messageAnswer(text('messages.tickets.notFound'));
    const t = found.ticket;
    const now = this.deps.clock.now();
    const link: IncidentLink = { kind: 'ticket', id: t.id, reference: t.number, requester: t.requester, linkedAt: now.toISOString(), automatic: false };
    let incident = stored.incident;
    const decided = linkToIncident(incident, link, standing, now);
    if (decided.ok) {
      try {
        incident = (await this.deps.incidents.update(stored, decided.incident, [this.cardUpdate(decided.incident)])).incident;
      } catch (error) {
        if (!(error instanceof ConcurrencyConflictError)) throw error;
        return cardAnswer(incidentCard((await this.deps.incidents.get(incident.id))?.incident ?? incident, text('messages.tickets.changedMeanwhile')));
      }
    } else if (decided.reason !== 'already-linked') {
      return cardAnswer(incidentCard(incident, refusal(decided.reason)));
    }
    // The ticket records its incident, in its own transaction (its card shows it; the activity is recorded there).
    const role: ActorRole = 'dedicated-team';
    const done = text(how === 'opened' ? 'incidents.done.openedWithTicket' : 'incidents.done.linked', { id: incident.id, number: t.number });
    await this.deps.writer.apply(t.id, activity, (ticket, at) => {
      if (ticket.incidentId === incident.id) return { refusal: done };
      const user = { kind: 'user' as const, role, ...actor };
      const events = [ticketEvent('linked-to-incident', user, at, { incidentId: incident.id, automatic: false })];
      const settled = settleChange(ticket, { ...ticket, incidentId: incident.id }, events, at, this.deps.sla, user);
      return { change: { ...settled, done } };
    });
    return cardAnswer(incidentCard(incident, done));
  }

  private async change(
    incidentId: string,
    activity: ActivityRef | undefined,
    decide: (incident: Incident, now: Date) => { ok: true; incident: Incident; outbox: OutboxMessage[]; done: Text } | { ok: false; reason: IncidentRefusal },
  ): Promise<Answer> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const stored = await this.deps.incidents.get(incidentId);
      if (stored === undefined) return messageAnswer(text('incidents.refused.unknown'));
      const applied = activity ? await this.deps.incidents.activity(activity.key) : undefined;
      if (applied) return cardAnswer(incidentCard(stored.incident, applied.outcome));
      const now = this.deps.clock.now();
      const decided = decide(stored.incident, now);
      if (!decided.ok) return cardAnswer(incidentCard(stored.incident, refusal(decided.reason)));
      try {
        const saved = await this.deps.incidents.update(stored, decided.incident, decided.outbox, activity && activityRecord(activity, decided.done, now));
        return cardAnswer(incidentCard(saved.incident, decided.done));
      } catch (error) {
        if (!(error instanceof ConcurrencyConflictError)) throw error;
      }
    }
    const current = await this.deps.incidents.get(incidentId);
    return current ? cardAnswer(incidentCard(current.incident, text('messages.tickets.changedMeanwhile'))) : messageAnswer(text('incidents.refused.unknown'));
  }

  private post(incident: Incident): OutboxMessage {
    return { id: incidentCardId(incident.id), requestId: INCIDENT_OUTBOX_KEY, purpose: 'dedicated-team-handoff', target: { kind: 'channel', channel: 'dedicated-team' }, card: incidentCard(incident), createdAt: incident.updatedAt };
  }

  /** The incident's card in the dedicated team's channel, as it is now (ids per version: never notified twice). */
  private cardUpdate(incident: Incident): OutboxMessage {
    return {
      id: `${incident.id}.v${incident.version}.card`,
      requestId: INCIDENT_OUTBOX_KEY,
      purpose: 'dedicated-team-handoff',
      target: { kind: 'update', messageId: incidentCardId(incident.id) },
      card: incidentCard(incident),
      createdAt: incident.updatedAt,
    };
  }

  private async standing(actor: PersonRef, roster: TeamRoster): Promise<{ standing: ActorStanding } | { refusal: Text }> {
    const found = await this.deps.standings.standingOf(actor, roster);
    if ('unavailable' in found) return { refusal: text('cases.refused.rosterUnavailable') };
    // Incidents are the dedicated team's: nobody else is shown one (its card names people's reports).
    return isDedicatedTeam(found.standing) ? found : { refusal: refusal('not-permitted') };
  }

  private hex(): string {
    return this.deps.newHex ? this.deps.newHex() : crypto.randomUUID();
  }
}
