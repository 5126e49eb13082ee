/**
 * Submit: the per-person limit, the route, the request (and its help desk ticket, or the messages of
 * its route) in one transaction, then the draft marked submitted. Idempotent on the intake's id: a
 * redelivered or double-clicked Submit finds the request the first one created.
 *
 * A report an open incident covers is linked to it instead (no ticket). Two routes open a ticket
 * that goes on to the dedicated team's queue at once (dedicated-paths.ts): the maker's own "I'm
 * stuck", and the first "Power Platform itself seems down" report, which also opens the platform
 * incident the reports after it are linked to.
 */
import { requestEvent, type RequestHistoryEvent } from '../../domain/history';
import { markSubmitted } from '../../domain/intake/intake-draft';
import { requestFromDraft, routeOfDraft } from '../../domain/intake/request-from-draft';
import type { IntakeView } from '../../domain/intake/intake-view';
import type { SupportRequest } from '../../domain/intake/support-request';
import type { StoredIntake } from '../../domain/ports/intake';
import { ConcurrencyConflictError } from '../../domain/ports/storage-errors';
import { DEFAULT_SLA_CONFIG } from '../../domain/sla';
import { planRoute } from '../notifications/route-messages';
import { openTicketFor } from '../tickets/ticket-opening';
import { dedicatedPathOf, handedOnRequest } from './dedicated-paths';
import type { IntakeServiceDeps, KnownIncident } from './intake-deps';
import type { IntakeViews } from './intake-views';

export async function submitIntake(deps: IntakeServiceDeps, views: IntakeViews, stored: StoredIntake): Promise<IntakeView> {
  const draft = stored.draft;
  if (draft.step !== 'review' || draft.category === undefined || draft.details === undefined) return views.viewOf(draft);
  const now = deps.clock.now();
  const limit = deps.submissions;
  const reservation = limit ? await limit.reserve(draft.requester.aadObjectId, draft.id, now) : { allowed: true as const };
  if (!reservation.allowed) {
    const view = await views.viewOf(draft);
    if (view.kind !== 'review') return view;
    const minutesLeft = Math.max(1, Math.ceil((reservation.retryAt.getTime() - now.getTime()) / 60_000));
    return { ...view, limited: { retryAt: reservation.retryAt.toISOString(), minutesLeft, perHour: limit!.policy.perWindow } };
  }
  const solution = await views.routableSolutionOf(draft);
  const route = routeOfDraft(draft, solution);
  let request = requestFromDraft(draft, solution, route, now);
  const actor = { kind: 'user' as const, role: 'requester' as const, ...draft.requester };
  const history: RequestHistoryEvent[] = [
    requestEvent('submitted', actor, now, { category: request.category, severity: request.severity, solutionId: solution?.id }),
    requestEvent('routed', { kind: 'system', component: 'router' }, now, {
      routeKind: route.kind,
      reason: route.reason,
      skipped: route.skipped,
    }),
  ];
  const known = await deps.incidents?.linkReport(request, now);
  if (known) return linkedToIncident(deps, views, stored, request, known, now, history);
  const path = dedicatedPathOf(route, request);
  // Idempotent: a redelivered Submit gets the same number back (allocation is keyed by the request id).
  const number = route.kind === 'help-desk' || path ? await deps.tickets.numbers.allocate(request.id) : undefined;
  let incidentId: string | undefined;
  if (number && path?.trigger === 'platform-down' && deps.incidents) {
    const first = await deps.incidents.openForPlatformReport(request, number, now);
    if (first && 'known' in first) return linkedToIncident(deps, views, stored, request, first.known, now, history);
    incidentId = first?.opened.id;
  }
  if (number) {
    request = { ...request, ticketNumber: number };
    history.push(requestEvent('ticket-opened', { kind: 'system', component: 'intake' }, now, { ticketNumber: number }));
  }
  const plan = number ? await deps.tickets.queues?.planFor(request, now) : undefined;
  const opened = number ? openTicketFor(request, number, deps.tickets.sla ?? DEFAULT_SLA_CONFIG, now, path, plan, incidentId) : undefined;
  if (opened && path) request = handedOnRequest(request, path, opened.handedOn, incidentId);
  try {
    // The help desk route posts the ticket card (and hands Sev A Critical ones on) instead of a plain notice.
    await deps.requests.create(request, history, opened ? opened.outbox : planRoute(request, route), opened);
  } catch (error) {
    // A redelivered or double-clicked Submit: the first one created it; show that one.
    if (!(error instanceof ConcurrencyConflictError)) throw error;
  }
  return markedSubmitted(deps, views, stored, request.id, now);
}

/** A known incident's report: stored with its link and what the requester is told; nobody else is notified. */
async function linkedToIncident(
  deps: IntakeServiceDeps,
  views: IntakeViews,
  stored: StoredIntake,
  request: SupportRequest,
  known: KnownIncident,
  now: Date,
  history: RequestHistoryEvent[],
): Promise<IntakeView> {
  const events = [
    ...history,
    requestEvent('linked-to-incident', { kind: 'system', component: 'intake' }, now, { incidentId: known.incident.id, automatic: true }),
  ];
  try {
    await deps.requests.create({ ...request, explanation: known.explanation }, events, []);
  } catch (error) {
    if (!(error instanceof ConcurrencyConflictError)) throw error;
  }
  return markedSubmitted(deps, views, stored, request.id, now);
}

async function markedSubmitted(
  deps: IntakeServiceDeps,
  views: IntakeViews,
  stored: StoredIntake,
  requestId: string,
  now: Date,
): Promise<IntakeView> {
  try {
    await deps.intakes.update(stored, markSubmitted(stored.draft, requestId, now));
  } catch (error) {
    if (!(error instanceof ConcurrencyConflictError)) throw error;
  }
  return views.submittedView({ ...stored.draft, requestId });
}
