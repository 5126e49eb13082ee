import fc from 'fast-check';
import {
  audienceOf,
  escalateToGlobalAdmins,
  incidentIdFrom,
  linkToIncident,
  MAX_INCIDENT_LINKS,
  nextToTell,
  openIncident,
  parseIncidentId,
  reportScopeKey,
  resolveIncident,
  scopeKeyOf,
  type Incident,
  type IncidentLink,
} from '../../../src/domain/incidents/incident';
import { DT1, HD, later, NOW, REQUESTER } from '../escalation/escalation-fixtures';

const SCOPE = { kind: 'solution', solutionId: 'invoice-approval', solutionName: 'Invoice Approval' } as const;

function opened(): Incident {
  const decision = openIncident('INC-0000ABCD', SCOPE, ' Approvals stuck ', DT1.standing, DT1.person, NOW);
  if (!decision.ok) throw new Error(decision.reason);
  return decision.incident;
}

const link = (
  i: number,
  requester = { aadObjectId: `b0000000-0000-4000-8000-${String(i).padStart(12, '0')}`, displayName: `R${i}` },
): IncidentLink => ({
  kind: i % 2 === 0 ? 'ticket' : 'request',
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  reference: `REF-${i}`,
  requester,
  linkedAt: NOW.toISOString(),
  automatic: i % 3 === 0,
});

function linked(incident: Incident, links: readonly IncidentLink[]): Incident {
  return links.reduce((inc, l) => {
    const d = linkToIncident(inc, l, undefined, later(1));
    if (!d.ok) throw new Error(d.reason);
    return d.incident;
  }, incident);
}

describe('major incidents', () => {
  test('the dedicated team opens one for a solution (title trimmed and bounded); nobody else may', () => {
    expect(opened()).toMatchObject({
      id: 'INC-0000ABCD',
      scope: SCOPE,
      title: 'Approvals stuck',
      status: 'open',
      links: [],
      openedBy: DT1.person,
      version: 1,
    });
    expect(openIncident('INC-0000ABCD', SCOPE, 'x', HD.standing, HD.person, NOW)).toEqual({ ok: false, reason: 'not-permitted' });
    expect(openIncident('INC-0000ABCD', SCOPE, ' ', DT1.standing, DT1.person, NOW)).toEqual({ ok: false, reason: 'title-missing' });
    expect(openIncident('INC-0000ABCD', SCOPE, 'x'.repeat(201), DT1.standing, DT1.person, NOW)).toEqual({
      ok: false,
      reason: 'title-too-long',
    });
  });

  test('ids: derived from the opening activity, typed in any case', () => {
    expect(incidentIdFrom('1a2b3c4d-5e6f-4000-8000-000000000000')).toBe('INC-1A2B3C4D');
    expect(parseIncidentId(' inc-1a2b3c4d. ')).toBe('INC-1A2B3C4D');
    expect(parseIncidentId('INC-12')).toBeUndefined();
    expect(parseIncidentId('x'.repeat(41))).toBeUndefined();
  });

  test('links: once each, only while open, bounded; a person must be of the dedicated team', () => {
    const one = linked(opened(), [link(1)]);
    expect(one.links).toHaveLength(1);
    expect(linkToIncident(one, link(1), undefined, later(2))).toEqual({ ok: false, reason: 'already-linked' });
    expect(linkToIncident(one, link(2), HD.standing, later(2))).toEqual({ ok: false, reason: 'not-permitted' });
    expect(linkToIncident(one, link(2), DT1.standing, later(2)).ok).toBe(true);
    const full = { ...opened(), links: Array.from({ length: MAX_INCIDENT_LINKS }, (_, i) => link(i + 10)) };
    expect(linkToIncident(full, link(1), undefined, later(2))).toEqual({ ok: false, reason: 'too-many-links' });
    const resolved = resolveIncident(one, 'Fixed', DT1.standing, DT1.person, later(3));
    if (!resolved.ok) throw new Error(resolved.reason);
    expect(linkToIncident(resolved.incident, link(2), undefined, later(4))).toEqual({ ok: false, reason: 'resolved' });
  });

  test('resolving freezes each linked requester once (sorted); resolving again is refused', () => {
    const twice = linked(opened(), [link(2, REQUESTER), link(1), link(3, REQUESTER)]);
    const resolved = resolveIncident(twice, ' Restarted the flow ', DT1.standing, DT1.person, later(5));
    if (!resolved.ok) throw new Error(resolved.reason);
    expect(resolved.incident).toMatchObject({
      status: 'resolved',
      resolution: 'Restarted the flow',
      resolvedAt: later(5).toISOString(),
      told: 0,
    });
    expect(resolved.incident.audience?.map((p) => p.aadObjectId)).toEqual([REQUESTER.aadObjectId, link(1).requester.aadObjectId].sort());
    expect(resolveIncident(resolved.incident, 'again', DT1.standing, DT1.person, later(6))).toEqual({ ok: false, reason: 'resolved' });
    expect(resolveIncident(twice, '', DT1.standing, DT1.person, later(6))).toEqual({ ok: false, reason: 'resolution-missing' });
    expect(resolveIncident(twice, 'x', HD.standing, HD.person, later(6))).toEqual({ ok: false, reason: 'not-permitted' });
  });

  test('property: telling in batches reaches every requester exactly once, whatever the batch size and the links', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 0, maxLength: 120 }),
        fc.integer({ min: 1, max: 100 }),
        (owners, batch) => {
          const links = owners.map((owner, i) =>
            link(i + 1, { aadObjectId: `c0000000-0000-4000-8000-${String(owner).padStart(12, '0')}`, displayName: `P${owner}` }),
          );
          const resolved = resolveIncident(linked(opened(), links), 'Fixed', DT1.standing, DT1.person, later(9));
          if (!resolved.ok) return false;
          let incident = resolved.incident;
          const told: string[] = [];
          for (let round = 0; round < 200; round++) {
            const next = nextToTell(incident, later(10), batch);
            if (next.people.length === 0) break;
            told.push(...next.people.map((p) => p.aadObjectId));
            incident = next.incident;
          }
          const distinct = new Set(owners).size;
          return told.length === distinct && new Set(told).size === distinct && incident.told === distinct;
        },
      ),
      { numRuns: 80 },
    );
    // Nobody is told while the incident is open.
    expect(nextToTell(linked(opened(), [link(1)]), later(1)).people).toEqual([]);
  });

  test('one requester with several linked reports is one person to tell', () => {
    expect(audienceOf([link(1, REQUESTER), link(2, { ...REQUESTER, aadObjectId: REQUESTER.aadObjectId.toUpperCase() })])).toHaveLength(1);
  });

  test('escalation to the global admins: once, while open, by the dedicated team', () => {
    const first = escalateToGlobalAdmins(opened(), DT1.standing, DT1.person, later(1));
    if (!first.ok) throw new Error(first.reason);
    expect(first.incident.globalAdminsAt).toBe(later(1).toISOString());
    expect(escalateToGlobalAdmins(first.incident, DT1.standing, DT1.person, later(2))).toEqual({ ok: false, reason: 'already-escalated' });
    expect(escalateToGlobalAdmins(opened(), HD.standing, HD.person, later(2))).toEqual({ ok: false, reason: 'not-permitted' });
  });

  test('which reports an incident covers: problems with a catalogued solution, and "Power Platform itself seems down"', () => {
    expect(reportScopeKey('solution-problem', 'invoice-approval')).toBe(scopeKeyOf(SCOPE));
    expect(reportScopeKey('platform-issue', undefined)).toBe(scopeKeyOf({ kind: 'platform' }));
    expect(reportScopeKey('solution-problem', undefined)).toBeUndefined();
    expect(reportScopeKey('access', 'invoice-approval')).toBeUndefined();
  });
});
