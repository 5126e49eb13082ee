/**
 * A dedicated team member links a ticket to an incident (typed INC-…, or the one they opened from
 * the ticket's card): the incident records the link (its ETag), then the ticket records its
 * incident in its own transaction with its history and the activity (ticket-change-runner.ts).
 */
import type { ActivityRef } from '../../domain/activity-ref';
import { ticketEvent, type ActorRole, type PersonRef } from '../../domain/history';
import { linkToIncident, type IncidentLink } from '../../domain/incidents/incident';
import type { Clock } from '../../domain/ports/clock';
import type { IncidentRepository, StoredIncident } from '../../domain/ports/incidents';
import { ConcurrencyConflictError } from '../../domain/ports/storage-errors';
import type { TicketRepository } from '../../domain/ports/tickets';
import type { ActorStanding } from '../../domain/queues/actor-standing';
import type { SlaConfig } from '../../domain/sla';
import { text } from '../../domain/text';
import { settleChange } from '../../domain/tickets/ticket-change';
import { cardAnswer, messageAnswer, type Answer } from '../../presentation/answer';
import { incidentCard } from '../../presentation/incident-cards';
import { changeTicket } from '../tickets/ticket-change-runner';
import { incidentCardUpdate } from './incident-messages';
import { incidentRefusal } from './incident-refusals';

export interface TicketLinkDeps {
  readonly incidents: IncidentRepository;
  readonly tickets: TicketRepository;
  readonly clock: Clock;
  readonly sla: SlaConfig;
  readonly reopenWindowMinutes: number;
}

export async function linkTicketToIncident(
  deps: TicketLinkDeps,
  stored: StoredIncident,
  ticketId: string,
  actor: PersonRef,
  standing: ActorStanding,
  activity: ActivityRef | undefined,
  how: 'opened' | 'linked',
): Promise<Answer> {
  const found = await deps.tickets.get(ticketId);
  if (found === undefined) return messageAnswer(text('messages.tickets.notFound'));
  const t = found.ticket;
  const now = deps.clock.now();
  const link: IncidentLink = {
    kind: 'ticket',
    id: t.id,
    reference: t.number,
    requester: t.requester,
    linkedAt: now.toISOString(),
    automatic: false,
  };
  let incident = stored.incident;
  const decided = linkToIncident(incident, link, standing, now);
  if (decided.ok) {
    try {
      incident = (await deps.incidents.update(stored, decided.incident, [incidentCardUpdate(decided.incident)])).incident;
    } catch (error) {
      if (!(error instanceof ConcurrencyConflictError)) throw error;
      return cardAnswer(
        incidentCard((await deps.incidents.get(incident.id))?.incident ?? incident, text('messages.tickets.changedMeanwhile')),
      );
    }
  } else if (decided.reason !== 'already-linked') {
    return cardAnswer(incidentCard(incident, incidentRefusal(decided.reason)));
  }
  // The ticket records its incident, in its own transaction (its card shows it; the activity is recorded there).
  const role: ActorRole = 'dedicated-team';
  const done = text(how === 'opened' ? 'incidents.done.openedWithTicket' : 'incidents.done.linked', {
    id: incident.id,
    number: t.number,
  });
  const { tickets, reopenWindowMinutes, clock } = deps;
  const card = () => cardAnswer(incidentCard(incident, done));
  return changeTicket(
    { tickets, reopenWindowMinutes, now: () => clock.now() },
    t.id,
    activity,
    (ticket, at) => {
      if (ticket.incidentId === incident.id) return { refusal: done };
      const user = { kind: 'user' as const, role, ...actor };
      const events = [ticketEvent('linked-to-incident', user, at, { incidentId: incident.id, automatic: false })];
      const settled = settleChange(ticket, { ...ticket, incidentId: incident.id }, events, at, deps.sla, user);
      return { change: { ...settled, done } };
    },
    card,
  );
}
