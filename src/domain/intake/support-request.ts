/**
 * A submitted request: the intake's answers, the solution as it was when submitted, the route the
 * domain chose and who has the request now. Tickets (help desk) build on it.
 */
import type { PersonRef } from '../history';
import type { RequestCategory } from '../request-category';
import type { Route } from '../routing';
import type { Severity } from '../severity';
import type { Solution } from '../solution';
import type { IntakeDetails } from './intake-draft';
import { solutionFactsOf, type SolutionFacts } from './solution-facts';
import type { UnlistedSolution } from './unlisted-solution';
import { explainRoute } from '../route-explanation';
import type { Text } from '../text';

/**
 * What the request knew about the solution at submission (the catalog may change later). Its data
 * sources and workarounds are kept bounded (`solution-facts.ts`); absent on older rows and when the
 * catalog lists none.
 */
export type SolutionSnapshot = Pick<Solution, 'id' | 'name' | 'kind' | 'environment' | 'tier' | 'maker' | 'coOwners' | 'supportChannel'> & {
  readonly facts?: SolutionFacts;
};

export type RequestStatus = 'open' | 'acknowledged' | 'claimed' | 'resolved' | 'withdrawn';

/** Who holds the request now: a named person, or a queue. */
export type RequestHolder =
  | { readonly kind: 'maker'; readonly person: PersonRef }
  | { readonly kind: 'co-owners'; readonly people: readonly PersonRef[]; readonly claimedBy?: PersonRef }
  | { readonly kind: 'help-desk' }
  | { readonly kind: 'dedicated-team' };

export interface SupportRequest {
  /** The intake's id: submitting the same intake twice finds this request instead of a new one. */
  readonly id: string;
  /** Short, human reference shown on cards, e.g. REQ-7K3F9QZ2. */
  readonly reference: string;
  readonly requester: PersonRef;
  readonly category: RequestCategory;
  readonly solution?: SolutionSnapshot;
  readonly notInCatalog: boolean;
  /** "It's not listed": the solution as the requester named it. */
  readonly unlistedSolution?: UnlistedSolution;
  readonly details: IntakeDetails;
  readonly severity: Severity;
  readonly routeKind: Route['kind'];
  readonly routeReason: Route['reason'];
  readonly handToDedicatedTeam: boolean;
  readonly holder: RequestHolder;
  /** What happens next, in plain words, as decided at submission. */
  /** What happens next, in words rendered for whoever reads it (older rows: English, read as `verbatim`). */
  readonly explanation: Text;
  /** "Chat with the maker" link, for the maker route. */
  readonly chatLink?: string;
  readonly status: RequestStatus;
  /** The help desk ticket this request opened (HD-000042), for requests routed to the help desk. */
  readonly ticketNumber?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

const REFERENCE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32: no I, L, O, U

/** A short reference derived from the request id (display only; storage keys use the id). */
export function referenceFor(id: string): string {
  const hex = id
    .replace(/[^0-9a-f]/gi, '')
    .slice(0, 10)
    .padEnd(10, '0');
  let value = BigInt(`0x${hex}`);
  let out = '';
  for (let i = 0; i < 8; i++) {
    out = REFERENCE_ALPHABET[Number(value % 32n)] + out;
    value /= 32n;
  }
  return `REQ-${out}`;
}

export function snapshotOf(solution: Solution): SolutionSnapshot {
  const { id, name, kind, environment, tier, maker, coOwners, supportChannel } = solution;
  const facts = solutionFactsOf(solution);
  const known = facts.dataSources.length > 0 || facts.workarounds !== '';
  return { id, name, kind, environment, tier, maker, coOwners, ...(supportChannel ? { supportChannel } : {}), ...(known ? { facts } : {}) };
}

/** Who has the request after routing. */
export function holderFor(route: Route): RequestHolder {
  switch (route.kind) {
    case 'maker':
      return { kind: 'maker', person: { aadObjectId: route.maker.aadObjectId, displayName: route.maker.displayName } };
    case 'co-owners':
      return { kind: 'co-owners', people: route.coOwners.map((p) => ({ aadObjectId: p.aadObjectId, displayName: p.displayName })) };
    case 'help-desk':
      return { kind: 'help-desk' };
    case 'dedicated-team':
      return { kind: 'dedicated-team' };
  }
}

/**
 * What a route decides about a request: its holder, why, what happens next. The one builder of a
 * routed request, at submission (intake) and whenever it moves on (timers, fallbacks, hand-ons).
 */
export function routedFields(
  route: Route,
): Pick<SupportRequest, 'routeKind' | 'routeReason' | 'handToDedicatedTeam' | 'holder' | 'explanation' | 'chatLink'> {
  return {
    routeKind: route.kind,
    routeReason: route.reason,
    handToDedicatedTeam: route.kind === 'help-desk' && route.handToDedicatedTeam,
    holder: holderFor(route),
    explanation: explainRoute(route),
    chatLink: route.kind === 'maker' ? route.chatLink : undefined,
  };
}
