/**
 * Major incidents: the dedicated team opens one (from a ticket card, or by a command in their
 * channel), links tickets to it, escalates it to the global admins and resolves it; intake links new
 * reports to an open one. Who may act is the person's standing from the rosters (queue-standing.ts),
 * the rules are the domain's (incidents/incident.ts), each change is one transaction with the
 * incident's ETag, its outbox messages and the activity that asked.
 *
 * Resolving tells every linked requester once, in one message each: the resolution freezes who is
 * to be told, and their messages are written TELL_BATCH at a time, each batch in the transaction
 * that counts it told. A redelivered or repeated Resolve finishes what is left and tells nobody twice.
 */
import { uuidOfActivity, activityRecord, type ActivityRef } from '../../domain/activity-ref';
import type { PersonRef } from '../../domain/history';
import {
  escalateToGlobalAdmins,
  incidentIdFrom,
  isDedicatedTeam,
  openIncident,
  resolveIncident,
  scopeKeyOf,
  type IncidentScope,
} from '../../domain/incidents/incident';
import type { SupportRequest } from '../../domain/intake/support-request';
import type { IncidentRepository, StoredIncident } from '../../domain/ports/incidents';
import type { SolutionLookup } from '../../domain/ports/catalog';
import type { Clock } from '../../domain/ports/clock';
import { ConcurrencyConflictError } from '../../domain/ports/storage-errors';
import type { TeamRoster } from '../../domain/ports/team-roster';
import type { TicketRepository } from '../../domain/ports/tickets';
import type { ActorStanding } from '../../domain/queues/actor-standing';
import type { SlaConfig } from '../../domain/sla';
import { text, type Text } from '../../domain/text';
import { cardAnswer, messageAnswer, type Answer } from '../../presentation/answer';
import { incidentCard } from '../../presentation/incident-cards';
import { globalAdminsPost, incidentCardPost, incidentCardUpdate } from './incident-messages';
import { changeIncident, tellRequesters } from './incident-writes';
import { linkReportToOpenIncident, openPlatformIncidentFor, type PlatformReportOutcome, type ReportLinked } from './incident-reports';
import { linkTicketToIncident } from './incident-ticket-link';
import { incidentRefusal as refusal } from './incident-refusals';
import type { ChannelDirectory } from '../../domain/ports/channels';
import { queueStanding, type EscalationRoles } from '../tickets/queue-standing';

export interface IncidentServiceDeps {
  readonly incidents: IncidentRepository;
  readonly tickets: TicketRepository;
  readonly channels: ChannelDirectory;
  readonly escalationRoles: EscalationRoles;
  readonly clock: Clock;
  readonly reopenWindowMinutes: number;
  readonly sla: SlaConfig;
  readonly catalog: SolutionLookup;
  readonly newHex?: () => string;
}

export { incidentCardId } from './incident-messages';

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
    const ticket =
      request.scope !== 'catalog-solution' && request.ticketId ? (await this.deps.tickets.get(request.ticketId))?.ticket : undefined;
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
        stored = await this.deps.incidents.create(
          decided.incident,
          [incidentCardPost(decided.incident)],
          activity && activityRecord(activity, text('incidents.done.opened', { id }), now),
        );
      } catch (error) {
        if (!(error instanceof ConcurrencyConflictError)) throw error;
        // A redelivery created it meanwhile, or the scope already has an open incident: say which.
        stored = (await this.deps.incidents.get(id)) ?? undefined;
        if (stored === undefined) {
          const open = await this.deps.incidents.openFor(scopeKeyOf(scope));
          return open
            ? cardAnswer(incidentCard(open.incident, text('incidents.refused.alreadyOpen', { id: open.incident.id })))
            : messageAnswer(text('messages.tickets.changedMeanwhile'));
        }
      }
    }
    if (ticket) return linkTicketToIncident(this.deps, stored!, ticket.id, actor, standing.standing, activity, 'opened');
    return cardAnswer(incidentCard(stored!.incident, text('incidents.done.opened', { id })));
  }

  /** "open incident for SOLUTION-ID: title", said in a channel: the solution from the catalog. */
  async openForSolution(actor: PersonRef, solutionId: string, title: unknown, roster: TeamRoster): Promise<Answer> {
    const solution = await this.deps.catalog.get(solutionId.toLowerCase());
    if (solution === undefined) return messageAnswer(text('incidents.refused.unknownSolution'));
    return this.open(actor, { scope: 'catalog-solution', title, solution: { id: solution.id, name: solution.name } }, roster);
  }

  /** A dedicated team member links a ticket to an open incident (typed as INC-…). */
  async link(
    actor: PersonRef,
    incidentId: string | undefined,
    ticketId: string,
    roster: TeamRoster,
    activity?: ActivityRef,
  ): Promise<Answer> {
    const standing = await this.standing(actor, roster);
    if ('refusal' in standing) return messageAnswer(standing.refusal);
    const stored = incidentId ? await this.deps.incidents.get(incidentId) : undefined;
    if (stored === undefined) return messageAnswer(text('incidents.refused.unknown'));
    return linkTicketToIncident(this.deps, stored, ticketId, actor, standing.standing, activity, 'linked');
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
        stored = await this.deps.incidents.update(
          stored,
          decided.incident,
          [incidentCardUpdate(decided.incident)],
          activity && activityRecord(activity, notice, now),
        );
      } catch (error) {
        if (!(error instanceof ConcurrencyConflictError)) throw error;
        stored = (await this.deps.incidents.get(incidentId))!;
        if (stored.incident.status === 'open') return cardAnswer(incidentCard(stored.incident, text('messages.tickets.changedMeanwhile')));
      }
    }
    // Resolved (now, or by an earlier delivery that may have stopped half-way): tell whoever is left.
    const told = await tellRequesters(this.deps, stored.incident.id);
    return cardAnswer(incidentCard(told ?? stored.incident, notice ?? refusal('resolved')));
  }

  async escalate(actor: PersonRef, incidentId: string, roster: TeamRoster, activity?: ActivityRef): Promise<Answer> {
    const standing = await this.standing(actor, roster);
    if ('refusal' in standing) return messageAnswer(standing.refusal);
    return changeIncident(
      this.deps,
      incidentId,
      activity,
      (incident, now) => {
        const decided = escalateToGlobalAdmins(incident, standing.standing, actor, now);
        if (!decided.ok) return decided;
        const outbox = [globalAdminsPost(decided.incident, now), incidentCardUpdate(decided.incident)];
        return { ok: true as const, incident: decided.incident, outbox, done: text('incidents.done.escalated') };
      },
      refusal,
    );
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
  linkReport(request: SupportRequest, now: Date): Promise<ReportLinked | undefined> {
    return linkReportToOpenIncident(this.deps.incidents, request, now);
  }

  /** At intake: the first platform-down report opens the platform incident (see incident-reports.ts). */
  openForPlatformReport(request: SupportRequest, ticketNumber: string, now: Date): Promise<PlatformReportOutcome | undefined> {
    return openPlatformIncidentFor(this.deps.incidents, request, ticketNumber, now);
  }

  private async standing(actor: PersonRef, roster: TeamRoster): Promise<{ standing: ActorStanding } | { refusal: Text }> {
    const found = await queueStanding(actor, roster, this.deps.channels, this.deps.escalationRoles);
    if (!found.ok) return { refusal: found.refusal };
    // Incidents are the dedicated team's: nobody else is shown one (its card names people's reports).
    return isDedicatedTeam(found.standing) ? found : { refusal: refusal('not-permitted') };
  }

  private hex(): string {
    return this.deps.newHex ? this.deps.newHex() : crypto.randomUUID();
  }
}
