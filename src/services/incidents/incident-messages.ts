/**
 * The outbox messages an incident's changes owe: its card in the dedicated team's channel (posted
 * once, then updated in place), the global admins' hand-off card, and each linked requester's
 * resolution. All name INCIDENT_OUTBOX_KEY, so they are written with the incident (one partition).
 */
import type { PersonRef } from '../../domain/history';
import type { Incident } from '../../domain/incidents/incident';
import type { OutboxMessage } from '../../domain/outbox-message';
import { INCIDENT_OUTBOX_KEY } from '../../domain/ports/incidents';
import { globalAdminsCard, incidentCard, incidentResolvedCard } from '../../presentation/incident-cards';

/** The id of the incident's card in the dedicated team's channel (every change updates it). */
export const incidentCardId = (id: string) => `${id}.incident.dedicated-team`;

export function incidentCardPost(incident: Incident): OutboxMessage {
  return {
    id: incidentCardId(incident.id),
    requestId: INCIDENT_OUTBOX_KEY,
    purpose: 'dedicated-team-handoff',
    target: { kind: 'channel', channel: 'dedicated-team' },
    card: incidentCard(incident),
    createdAt: incident.updatedAt,
  };
}

/** The incident's card in the dedicated team's channel, as it is now (ids per version: never notified twice). */
export function incidentCardUpdate(incident: Incident): OutboxMessage {
  return {
    id: `${incident.id}.v${incident.version}.card`,
    requestId: INCIDENT_OUTBOX_KEY,
    purpose: 'dedicated-team-handoff',
    target: { kind: 'update', messageId: incidentCardId(incident.id) },
    card: incidentCard(incident),
    createdAt: incident.updatedAt,
  };
}

/** The hand-off card in the global admins' channel (once per incident: its id says so). */
export function globalAdminsPost(incident: Incident, now: Date): OutboxMessage {
  return {
    id: `${incident.id}.global-admins`,
    requestId: INCIDENT_OUTBOX_KEY,
    purpose: 'dedicated-team-handoff',
    target: { kind: 'channel', channel: 'global-admins' },
    card: globalAdminsCard(incident),
    createdAt: now.toISOString(),
  };
}

/** One linked requester's resolution: one message per person and incident, whatever they reported. */
export function resolutionMessage(incident: Incident, person: PersonRef, now: Date): OutboxMessage {
  return {
    id: `${incident.id}.resolved.${person.aadObjectId.toLowerCase()}`,
    requestId: INCIDENT_OUTBOX_KEY,
    purpose: 'requester-update',
    target: { kind: 'user', aadObjectId: person.aadObjectId, displayName: person.displayName },
    card: incidentResolvedCard(incident, person),
    createdAt: now.toISOString(),
  };
}
