/**
 * At intake: a report an open incident covers (its solution, or the platform for a "Power Platform
 * itself seems down" report) is linked to it, and the requester is told it is known instead of the
 * request being routed. Idempotent on the request's id: a redelivered Submit finds its link.
 */
import { linkToIncident, reportScopeKey, type Incident, type IncidentLink } from '../../domain/incidents/incident';
import type { SupportRequest } from '../../domain/intake/support-request';
import type { IncidentRepository } from '../../domain/ports/incidents';
import { ConcurrencyConflictError } from '../../domain/ports/storage-errors';
import { text, type Text } from '../../domain/text';
import { incidentCardUpdate } from './incident-messages';

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
