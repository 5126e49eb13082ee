/**
 * The routing decision: who gets a request, and why. One pure function over the intake's answers,
 * the catalog entry (if any) and whether the solution's people can be messaged.
 *
 * Services call it once assuming everyone is reachable (see `everyoneReachable`), try the DMs,
 * and call it again with what failed (403/404 = unreachable) to get the fallback route. What a
 * decision says (the Route types, re-exported here) is route-shapes.ts.
 */
import { chatLinkFor } from './chat-link';
import { UnknownValueError } from './errors';
import { REQUEST_CATEGORIES, type RequestCategory } from './request-category';
import { severityOf } from './severity';
import { isContactable } from './catalog/person-identity';
import { TIERS, type Person, type Solution, type Tier } from './solution';
import { nextTier, SUPPORT_TYPES } from './support-model';
import type {
  CoOwnersReason,
  CoOwnersRoute,
  HelpDeskReason,
  HelpDeskRoute,
  Reachability,
  Route,
  RouteBase,
  RouteInput,
  SkippedParty,
} from './route-shapes';

export type {
  CoOwnersReason,
  CoOwnersRoute,
  DedicatedTeamRoute,
  HelpDeskReason,
  HelpDeskRoute,
  MakerRoute,
  Reachability,
  Route,
  RouteInput,
  RouteKind,
  RouteReason,
  SkippedParty,
} from './route-shapes';

/**
 * Reachability before anything was tried: everyone the catalog knows by object id can be messaged.
 * People the directory could not find (or whose account is disabled) are unreachable from the start.
 */
export function everyoneReachable(solution: Solution | undefined): Reachability {
  return {
    makerReachable: solution === undefined || isContactable(solution.maker),
    reachableCoOwnerIds: (solution?.coOwners ?? []).filter(isContactable).map((p) => p.aadObjectId),
    ...(solution?.manager ? { managerReachable: isContactable(solution.manager) } : {}),
  };
}

export function routeRequest(input: RouteInput): Route {
  const { category, solution } = input;
  const base = { category, severity: severityOf(input.impact, input.urgency), solution };
  const helpDesk = (reason: HelpDeskReason, extra: Partial<HelpDeskRoute> = {}): HelpDeskRoute => ({
    ...base,
    kind: 'help-desk',
    reason,
    supportType: SUPPORT_TYPES['help-desk'].type,
    notInCatalog: false,
    handToDedicatedTeam: false,
    skipped: [],
    ...extra,
  });

  switch (category) {
    case 'maker-stuck':
    case 'graduation':
      return {
        ...base,
        kind: 'dedicated-team',
        reason: category === 'maker-stuck' ? 'maker-stuck' : 'graduation-request',
        supportType: SUPPORT_TYPES['dedicated-team'].type,
        notInCatalog: solution === undefined,
        skipped: [],
        ...graduation(category, solution),
      };
    case 'access':
    case 'find-or-how-to':
    case 'connector-or-environment':
      return helpDesk(category);
    case 'platform-issue':
      return helpDesk('platform-issue', { suggestedEscalation: 'microsoft' });
    case 'solution-problem':
      break;
    default:
      return unknown('request category', category, REQUEST_CATEGORIES);
  }

  if (solution === undefined) return helpDesk('not-in-catalog', { notInCatalog: true });
  // A retired solution has nobody committed to it any more: the help desk says what replaced it.
  if (solution.status === 'retired') return helpDesk('solution-retired');

  switch (solution.tier) {
    case 'Critical':
      return base.severity === 'A' ? helpDesk('critical-sev-a', { handToDedicatedTeam: true }) : helpDesk('critical-solution');
    case 'Important': {
      const coOwners = reachableCoOwners(input, solution, solution.status === 'orphaned');
      if (coOwners.people.length > 0) return coOwnersRoute(base, solution, 'important-problem', coOwners.people, []);
      return helpDesk('no-reachable-support', { skipped: [coOwners.skipped] });
    }
    case 'Productivity':
      return routeProductivity(input, base, solution, helpDesk);
    default:
      return unknown('tier', solution.tier, TIERS);
  }
}

function graduation(category: RequestCategory, solution: Solution | undefined): { graduateTo?: Tier } {
  const next = category === 'graduation' && solution ? nextTier(solution.tier) : undefined;
  return next ? { graduateTo: next } : {};
}

type Base = Pick<RouteBase, 'category' | 'severity' | 'solution'>;

function routeProductivity(
  input: RouteInput,
  base: Base,
  solution: Solution,
  helpDesk: (reason: HelpDeskReason, extra?: Partial<HelpDeskRoute>) => HelpDeskRoute,
): Route {
  const maker = solution.maker;
  const makerSkip = makerUnavailable(input, solution);
  if (makerSkip === undefined && isContactable(maker)) {
    return {
      ...base,
      kind: 'maker',
      reason: 'productivity-problem',
      solution,
      supportType: SUPPORT_TYPES.maker.type,
      skipped: [],
      maker,
      chatLink: chatLinkFor(maker),
    };
  }
  // The fallback chain: maker → co-owners → help desk.
  const why = makerSkip ?? 'unreachable';
  const skippedMaker: SkippedParty = { party: 'maker', person: maker, why };
  const coOwners = reachableCoOwners(input, solution, true);
  if (coOwners.people.length > 0) {
    const reason: CoOwnersReason =
      why === 'orphaned' ? 'maker-orphaned' : why === 'unreachable' ? 'maker-unreachable' : 'maker-is-requester';
    return coOwnersRoute(base, solution, reason, coOwners.people, [skippedMaker]);
  }
  // The maker has left and nobody co-owns it: their manager (the CoE Starter Kit's contact for
  // orphaned objects) stands in for them, and can hand it to the help desk or flag the entry.
  const manager = solution.manager;
  const managerReachable = input.reachability.managerReachable ?? isContactable(manager);
  if (why === 'orphaned' && isContactable(manager) && managerReachable && manager.aadObjectId !== input.requesterId) {
    return {
      ...base,
      kind: 'maker',
      reason: 'maker-left-manager',
      solution,
      supportType: SUPPORT_TYPES.maker.type,
      skipped: [skippedMaker, coOwners.skipped],
      maker: manager,
      standsInFor: maker,
      chatLink: chatLinkFor(manager),
    };
  }
  return helpDesk('no-reachable-support', { skipped: [skippedMaker, coOwners.skipped] });
}

function makerUnavailable(input: RouteInput, solution: Solution): 'orphaned' | 'unreachable' | 'is-requester' | undefined {
  if (solution.status === 'orphaned') return 'orphaned';
  if (input.requesterId !== undefined && input.requesterId === solution.maker.aadObjectId) return 'is-requester';
  // Not known by object id (not found in the directory, or not looked up yet) counts as unreachable.
  if (!input.reachability.makerReachable || !isContactable(solution.maker)) return 'unreachable';
  return undefined;
}

/** Co-owners to ping: never the requester, and not the maker when the maker was passed over. */
function reachableCoOwners(
  input: RouteInput,
  solution: Solution,
  excludeMaker: boolean,
): { people: readonly Person[]; skipped: SkippedParty & { party: 'co-owners' } } {
  const excluded = new Set([input.requesterId, excludeMaker ? solution.maker.aadObjectId : undefined]);
  const candidates = solution.coOwners.filter((p) => p.aadObjectId === undefined || !excluded.has(p.aadObjectId));
  const reachable = new Set(input.reachability.reachableCoOwnerIds);
  const people = candidates.filter(isContactable).filter((p) => reachable.has(p.aadObjectId));
  return { people, skipped: { party: 'co-owners', why: candidates.length === 0 ? 'none' : 'unreachable' } };
}

function coOwnersRoute(
  base: Base,
  solution: Solution,
  reason: CoOwnersReason,
  coOwners: readonly Person[],
  skipped: readonly SkippedParty[],
): CoOwnersRoute {
  return {
    ...base,
    kind: 'co-owners',
    reason,
    solution,
    supportType: SUPPORT_TYPES['co-owners'].type,
    skipped,
    coOwners,
    ...(solution.supportChannel ? { supportChannel: solution.supportChannel } : {}),
  };
}

/** Only reachable when unvalidated data slips past the types. */
function unknown(kind: string, value: never, allowed: readonly string[]): never {
  throw new UnknownValueError(kind, value, allowed);
}
