/** A finished questionnaire, routed and turned into the request it submits (pure: the service reads and writes). */
import { everyoneReachable, routeRequest, type Route } from '../routing';
import type { Solution } from '../solution';
import type { IntakeDraft } from './intake-draft';
import { referenceFor, routedFields, snapshotOf, type SupportRequest } from './support-request';

/** The route of a complete draft, assuming everyone the catalog knows by object id can be messaged. */
export function routeOfDraft(draft: IntakeDraft, solution: Solution | undefined): Route {
  if (draft.category === undefined || draft.details === undefined) throw new Error(`intake ${draft.id} is not complete`);
  return routeRequest({
    category: draft.category,
    impact: draft.details.impact,
    urgency: draft.details.urgency,
    solution,
    reachability: everyoneReachable(solution),
    requesterId: draft.requester.aadObjectId,
  });
}

/** The request a complete draft submits; its id is the draft's, so submitting twice finds the same request. */
export function requestFromDraft(draft: IntakeDraft, solution: Solution | undefined, route: Route, now: Date): SupportRequest {
  const at = now.toISOString();
  return {
    id: draft.id,
    reference: referenceFor(draft.id),
    requester: draft.requester,
    category: route.category,
    solution: solution ? snapshotOf(solution) : undefined,
    ...(solution === undefined && draft.unlistedSolution ? { unlistedSolution: draft.unlistedSolution } : {}),
    notInCatalog: route.kind === 'help-desk' || route.kind === 'dedicated-team' ? route.notInCatalog : false,
    details: draft.details!,
    severity: route.severity,
    ...routedFields(route),
    status: 'open',
    createdAt: at,
    updatedAt: at,
  };
}
