/**
 * What a routing decision says (routing.ts decides it): who has the request now, why, and whom the
 * fallback chain passed over. The reasons and skipped parties are what the requester is shown
 * (route-explanation.ts) and what history keeps.
 */
import type { RequestCategory } from './request-category';
import type { Impact, Severity, Urgency } from './severity';
import type { CatalogPerson, Person, Solution, Tier } from './solution';
import type { ExternalEscalationTarget, SupportTypeNumber } from './support-model';

export interface Reachability {
  /** False when the bot cannot DM the maker (app not installed for them, 403/404, account gone). */
  readonly makerReachable: boolean;
  /** aadObjectIds of the co-owners the bot can message. */
  readonly reachableCoOwnerIds: readonly string[];
  /** False when the maker's manager cannot be messaged; absent = whether the catalog knows their id. */
  readonly managerReachable?: boolean;
}

export interface RouteInput {
  readonly category: RequestCategory;
  readonly impact: Impact;
  readonly urgency: Urgency;
  /** The catalog entry picked by the requester; undefined for "It's not listed" or no solution step. */
  readonly solution: Solution | undefined;
  readonly reachability: Reachability;
  /** The requester's aadObjectId: a request is never routed back to the person who raised it. */
  readonly requesterId?: string;
}

/** Someone the fallback chain passed over, and why: shown to the requester, kept in history. */
export type SkippedParty =
  | { readonly party: 'maker'; readonly person: CatalogPerson; readonly why: 'orphaned' | 'unreachable' | 'is-requester' }
  | { readonly party: 'co-owners'; readonly why: 'none' | 'unreachable' };

export interface RouteBase {
  readonly category: RequestCategory;
  readonly severity: Severity;
  readonly solution: Solution | undefined;
  /** The guidance's support type (1–4) of whoever now has the request. */
  readonly supportType: SupportTypeNumber;
  readonly skipped: readonly SkippedParty[];
}

export interface MakerRoute extends RouteBase {
  readonly kind: 'maker';
  /**
   * productivity-problem: the maker supports it. maker-left-manager: the maker has left and the
   * solution has no co-owner to take over, so the maker's manager stands in for the maker (named to
   * the requester, gets the maker's DM and buttons).
   */
  readonly reason: 'productivity-problem' | 'maker-left-manager';
  readonly solution: Solution;
  /** Gets a DM; named to the requester (the manager, when they stand in). */
  readonly maker: Person;
  /** The maker who has left, when the manager stands in. */
  readonly standsInFor?: CatalogPerson;
  /** Opens a Teams chat with the maker, for the requester's "Chat with" button. */
  readonly chatLink: string;
}

export type CoOwnersReason = 'important-problem' | 'maker-orphaned' | 'maker-unreachable' | 'maker-is-requester';

export interface CoOwnersRoute extends RouteBase {
  readonly kind: 'co-owners';
  readonly reason: CoOwnersReason;
  readonly solution: Solution;
  /** The reachable co-owners, each pinged; the first to claim owns the request. */
  readonly coOwners: readonly Person[];
  readonly supportChannel?: string;
}

export type HelpDeskReason =
  | 'critical-solution'
  | 'critical-sev-a'
  | 'access'
  | 'find-or-how-to'
  | 'connector-or-environment'
  | 'platform-issue'
  | 'not-in-catalog'
  | 'solution-retired'
  | 'no-reachable-support';

export interface HelpDeskRoute extends RouteBase {
  readonly kind: 'help-desk';
  readonly reason: HelpDeskReason;
  /** The requester said "It's not listed" where a solution was needed. */
  readonly notInCatalog: boolean;
  /** Sev A on a Critical solution: the ticket is handed to the dedicated team at once. */
  readonly handToDedicatedTeam: boolean;
  /** Platform-wide problems may need a Microsoft support case (type 6). */
  readonly suggestedEscalation?: ExternalEscalationTarget;
}

export interface DedicatedTeamRoute extends RouteBase {
  readonly kind: 'dedicated-team';
  readonly reason: 'maker-stuck' | 'graduation-request';
  readonly notInCatalog: boolean;
  /** Graduation only: the tier asked for; undefined when the solution is unknown or already Critical. */
  readonly graduateTo?: Tier;
}

export type Route = MakerRoute | CoOwnersRoute | HelpDeskRoute | DedicatedTeamRoute;
export type RouteKind = Route['kind'];
export type RouteReason = Route['reason'];
