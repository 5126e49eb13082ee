/**
 * Major incidents' cards: the incident in the dedicated team's channel (what it covers, what is
 * linked, Resolve and Escalate to global admins), the hand-off posted to the global admins' channel,
 * and the one message each linked requester gets when it is resolved. Plain values and Text only.
 */
import type { PersonRef } from '../domain/history';
import { linksOf, type Incident } from '../domain/incidents/incident';
import { instant, text, type Text, type TextParam } from '../domain/text';
import type { Ticket } from '../domain/tickets/ticket';
import type { CardRef } from './cards';

/** How many linked items the card lists by reference (the count says the rest). */
const LISTED_LINKS = 20;

function scopeOf(incident: Incident): Text {
  return incident.scope.kind === 'platform'
    ? text('incidents.scope.platform')
    : text('incidents.scope.solution', { name: incident.scope.solutionName });
}

function referencesOf(references: readonly string[]): TextParam {
  return references.length === 0
    ? ''
    : references.slice(1).reduce<TextParam>((list, part) => text('common.commaList', { list, part }), references[0]!);
}

export function incidentCard(incident: Incident, notice?: Text): CardRef {
  const open = incident.status === 'open';
  const newest = incident.links.slice(-LISTED_LINKS).map((l) => l.reference);
  return {
    card: 'incident',
    data: {
      incidentId: incident.id,
      title: incident.title,
      scope: scopeOf(incident),
      status: text(open ? 'incidents.status.open' : 'incidents.status.resolved'),
      openedBy: text('incidents.openedBy', { name: incident.openedBy.displayName, at: instant(incident.openedAt) }),
      linked: text('incidents.linkedCount', { count: incident.links.length }),
      references: referencesOf(newest),
      resolution: incident.resolution ?? '',
      globalAdmins: incident.globalAdminsAt
        ? text('incidents.globalAdminsAt', { name: incident.globalAdminsBy?.displayName ?? '', at: instant(incident.globalAdminsAt) })
        : '',
      told:
        incident.status === 'resolved' ? text('incidents.told', { told: incident.told ?? 0, count: incident.audience?.length ?? 0 }) : '',
      notice: notice ?? '',
      canResolve: open,
      canEscalate: open && incident.globalAdminsAt === undefined,
    },
  };
}

/** The hand-off to the global admins (Microsoft 365 and Azure): what is down, since when, who to talk to. */
export function globalAdminsCard(incident: Incident): CardRef {
  return {
    card: 'incident-global-admins',
    data: {
      incidentId: incident.id,
      heading: text('incidents.globalAdmins.heading', { id: incident.id }),
      title: incident.title,
      scope: scopeOf(incident),
      since: instant(incident.openedAt),
      escalatedBy: incident.globalAdminsBy?.displayName ?? '',
      linked: text('incidents.linkedCount', { count: incident.links.length }),
    },
  };
}

/** The one message a requester gets when the incident is resolved, naming each of their reports. */
export function incidentResolvedCard(incident: Incident, person: PersonRef): CardRef {
  return {
    card: 'incident-resolved',
    data: {
      heading: text('incidents.tell.heading', { id: incident.id, title: incident.title }),
      resolution: incident.resolution ?? '',
      yours: text('incidents.tell.yours', { references: referencesOf(linksOf(incident, person).map((l) => l.reference)) }),
    },
  };
}

/** The ticket card's incident line, and whether its open / link forms show. */
export function ticketIncidentFields(ticket: Ticket) {
  const open = ticket.status !== 'resolved' && ticket.status !== 'closed';
  return {
    incident: ticket.incidentId ? text('incidents.onTicket', { id: ticket.incidentId }) : '',
    canOpenIncident: open && ticket.incidentId === undefined,
    canOpenSolutionIncident: open && ticket.incidentId === undefined && ticket.solution !== undefined,
  };
}
