/**
 * The largest records the product accepts, built through the product's own validation and builders:
 * a catalog solution at every field limit, the request a requester can submit about it (details at
 * the intake's limits, the solution snapshot, 25 co-owners), and the route it takes. Storage tests
 * write these and expect them back unchanged.
 */
import { randomUUID } from 'node:crypto';
import type { CanonicalColumn } from '../../src/domain/catalog/canonical-columns';
import { LIMITS } from '../../src/domain/catalog/field-rules';
import { formatList, formatPeople } from '../../src/domain/catalog/list-formats';
import { validateRecord } from '../../src/domain/catalog/record-validation';
import { requestEvent, type RequestHistoryEvent } from '../../src/domain/history';
import type { IntakeDetails } from '../../src/domain/intake/intake-draft';
import { INTAKE_LIMITS, validateDetails } from '../../src/domain/intake/intake-validation';
import { holderFor, referenceFor, snapshotOf, type SupportRequest } from '../../src/domain/intake/support-request';
import { explainRoute } from '../../src/domain/route-explanation';
import { everyoneReachable, routeRequest, type Route } from '../../src/domain/routing';
import type { Solution, Tier } from '../../src/domain/solution';
import { ofLength } from './large-text';

/** Exactly `length` code units of `unit` that survive the product's trimming (no blank at either end). */
export function field(unit: string, length: number): string {
  return ofLength(unit, length).replace(/^\s/, '.').replace(/\s$/, '.');
}

/** `field` over several lines of 99 characters (multi-line inputs: descriptions, workarounds, notes). */
export function paragraph(unit: string, length: number): string {
  return ofLength(`${field(unit, 99)}\n`, length).replace(/\s$/, '.');
}

function guid(i: number, salt: number): string {
  return `${i.toString(16).padStart(8, '0')}-${salt.toString(16).padStart(4, '0')}-4000-8000-00000000c0de`;
}

function email(unit: string, i: number): string {
  const domain = '@contoso.example';
  const local = `${i}.${ofLength(unit.replace(/\s/g, ''), LIMITS.email - domain.length - String(i).length - 1)}`;
  return `${local}${domain}`;
}

/** A solution with every field at its limit (25 co-owners, 50 data sources), valid by the catalog's rules. */
export function largestSolution(unit: string, tier: Tier, salt = 1): Solution {
  const person = (i: number) => ({ displayName: field(unit, LIMITS.personName), email: email(unit, i), aadObjectId: guid(i, salt) });
  const maker = person(0);
  const coOwners = Array.from({ length: LIMITS.coOwners }, (_, i) => person(i + 1));
  const values: Record<CanonicalColumn, string> = {
    id: `sol-${salt}-${randomUUID()}`,
    name: field(unit, LIMITS.name),
    kind: 'canvas-app',
    environment: field(unit, LIMITS.environment),
    tier,
    maker_email: maker.email,
    maker_name: maker.displayName,
    maker_aad_id: maker.aadObjectId,
    co_owners: formatPeople(coOwners),
    support_channel: field(unit, LIMITS.supportChannel),
    business_unit: field(unit, LIMITS.businessUnit),
    data_sources: formatList(
      Array.from({ length: LIMITS.dataSources }, (_, i) => `${i} ${field(unit, LIMITS.dataSource - String(i).length - 1)}`),
    ),
    workarounds: paragraph(unit, LIMITS.workarounds),
    status: 'active',
    manager_email: email(unit, 99),
    manager_name: field(unit, LIMITS.personName),
    manager_aad_id: guid(99, salt),
    maker_language: 'ko-KR',
    department: field(unit, LIMITS.businessUnit),
    shared_users: '123456',
    shared_groups: '789',
    last_used_at: '2026-11-19T08:00:00.000Z',
    last_modified_at: '2026-11-18T08:00:00.000Z',
    sessions: '4242',
  };
  const result = validateRecord(values);
  if (!result.ok) throw new Error(`the largest solution is not valid: ${result.issues.map((i) => i.message).join('; ')}`);
  const at = '2026-11-20T10:00:00.000Z';
  return { ...result.record, createdAt: at, updatedAt: at };
}

/** Details at the intake's limits, as validation returns them (the value the product stores). */
export function largestDetails(unit: string): IntakeDetails {
  const details = validateDetails({
    title: field(unit, INTAKE_LIMITS.title),
    description: paragraph(unit, INTAKE_LIMITS.description),
    since: field(unit, INTAKE_LIMITS.since),
    impact: 'organisation',
    urgency: 'blocked',
  });
  if (!details.ok) throw new Error(`the largest details are not valid: ${JSON.stringify(details.errors)}`);
  return details.value;
}

/** The longest name Teams gives us for a person (the Teams layer keeps 200 characters). */
export function largestPerson(unit: string, i: number): { aadObjectId: string; displayName: string } {
  return { aadObjectId: guid(i, 0xbeef), displayName: field(unit, 200) };
}

/** The request an intake submits about `solution`, built as the intake service builds it. */
export function largestRequest(
  unit: string,
  solution: Solution,
  at: Date,
): { request: SupportRequest; route: Route; history: RequestHistoryEvent[] } {
  const requester = largestPerson(unit, 1);
  const details = largestDetails(unit);
  const route = routeRequest({
    category: 'solution-problem',
    impact: details.impact,
    urgency: details.urgency,
    solution,
    reachability: everyoneReachable(solution),
    requesterId: requester.aadObjectId,
  });
  const id = randomUUID();
  const request: SupportRequest = {
    id,
    reference: referenceFor(id),
    requester,
    category: route.category,
    solution: snapshotOf(solution),
    notInCatalog: false,
    details,
    severity: route.severity,
    routeKind: route.kind,
    routeReason: route.reason,
    handToDedicatedTeam: route.kind === 'help-desk' && route.handToDedicatedTeam,
    holder: holderFor(route),
    explanation: explainRoute(route),
    ...(route.kind === 'maker' ? { chatLink: route.chatLink } : {}),
    status: 'open',
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
  };
  const actor = { kind: 'user' as const, role: 'requester' as const, ...requester };
  const history: RequestHistoryEvent[] = [
    requestEvent('submitted', actor, at, { category: request.category, severity: request.severity, solutionId: solution.id }),
    requestEvent('routed', { kind: 'system', component: 'router' }, at, {
      routeKind: route.kind,
      reason: route.reason,
      skipped: route.skipped,
    }),
  ];
  return { request, route, history };
}
