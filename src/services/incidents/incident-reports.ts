/**
 * At intake: a report an open incident covers (its solution, or the platform for a "Power Platform
 * itself seems down" report) is linked to it, and the requester is told it is known instead of the
 * request being routed. Idempotent on the request's id: a redelivered Submit finds its link.
 */
import {
  incidentIdFrom,
  linkToIncident,
  openPlatformIncidentFromReport,
  reportScopeKey,
  scopeKeyOf,
  type Incident,
  type IncidentLink,
} from '../../domain/incidents/incident';
import type { SupportRequest } from '../../domain/intake/support-request';
import type { IncidentRepository } from '../../domain/ports/incidents';
import { ConcurrencyConflictError } from '../../domain/ports/storage-errors';
import { text, type Text } from '../../domain/text';
import { incidentCardPost, incidentCardUpdate } from './incident-messages';

export interface ReportLinked {
  readonly incident: Incident;
  readonly explanation: Text;
}

export async function linkReportToOpenIncident(
  incidents: IncidentRepository,
  request: SupportRequest,
  now: Date,
): Promise<ReportLinked | undefined> {
  const key = reportScopeKey(request.category, request.solution?.id);
  if (key === undefined) return undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    const stored = await incidents.openFor(key);
    if (stored === undefined) return undefined;
    const link: IncidentLink = {
      kind: 'request',
      id: request.id,
      reference: request.reference,
      requester: request.requester,
      linkedAt: now.toISOString(),
      automatic: true,
    };
    const decided = linkToIncident(stored.incident, link, undefined, now);
    if (!decided.ok) return decided.reason === 'already-linked' ? known(stored.incident) : undefined;
    try {
      await incidents.update(stored, decided.incident, [incidentCardUpdate(decided.incident)]);
      return known(decided.incident);
    } catch (error) {
      if (!(error instanceof ConcurrencyConflictError)) throw error;
    }
  }
  return undefined; // too busy to link: the report is routed as usual rather than lost
}

function known(incident: Incident): ReportLinked {
  return { incident, explanation: text('incidents.known', { id: incident.id, title: incident.title }) };
}

/** What the first platform-down report found: it opened the platform incident, or another report opened it first. */
export type PlatformReportOutcome = { readonly opened: Incident } | { readonly known: ReportLinked };

/**
 * The first "Power Platform itself seems down" report (no platform incident open): opens the
 * platform incident linked to the report's ticket, in the dedicated team's channel. Idempotent on
 * the request (the incident's id is the request's); when another report opened one meanwhile, this
 * report is linked to that one instead, and is told it is known.
 */
export async function openPlatformIncidentFor(
  incidents: IncidentRepository,
  request: SupportRequest,
  ticketNumber: string,
  now: Date,
): Promise<PlatformReportOutcome | undefined> {
  const id = incidentIdFrom(request.id);
  const mine = await incidents.get(id);
  if (mine) return { opened: mine.incident };
  const link: IncidentLink = {
    kind: 'ticket',
    id: request.id,
    reference: ticketNumber,
    requester: request.requester,
    linkedAt: now.toISOString(),
    automatic: true,
  };
  const incident = openPlatformIncidentFromReport(id, request.details.title, link, now);
  try {
    return { opened: (await incidents.create(incident, [incidentCardPost(incident)])).incident };
  } catch (error) {
    if (!(error instanceof ConcurrencyConflictError)) throw error;
  }
  const again = await incidents.get(id);
  if (again) return { opened: again.incident };
  const open = await incidents.openFor(scopeKeyOf({ kind: 'platform' }));
  if (open === undefined) return undefined;
  const linked = await linkReportToOpenIncident(incidents, request, now);
  return linked ? { known: linked } : undefined;
}
