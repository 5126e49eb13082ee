/**
 * A Power Platform solution as the catalog knows it: what it is, how critical it is and who supports it.
 * Pure types and constants; no I/O.
 */

export const SOLUTION_KINDS = ['canvas-app', 'model-driven-app', 'flow', 'chatbot', 'other'] as const;
export type SolutionKind = (typeof SOLUTION_KINDS)[number];

/** The guidance's three solution tiers, from least to most critical. */
export const TIERS = ['Productivity', 'Important', 'Critical'] as const;
export type Tier = (typeof TIERS)[number];

/** active: supported as catalogued; orphaned: the maker has left; retired: no longer in use. */
export const SOLUTION_STATUSES = ['active', 'orphaned', 'retired'] as const;
export type SolutionStatus = (typeof SOLUTION_STATUSES)[number];

/** A person, as Entra ID knows them. The object id is what Teams sends as `from.aadObjectId`. */
export interface Person {
  readonly aadObjectId: string;
  readonly displayName: string;
  /** Email or UPN. */
  readonly email: string;
}

export interface Solution {
  /** Stable id chosen by the catalog owner (often the Power Platform app or flow id). */
  readonly id: string;
  readonly name: string;
  readonly kind: SolutionKind;
  readonly environment: string;
  readonly tier: Tier;
  readonly maker: Person;
  readonly coOwners: readonly Person[];
  /** Teams channel (link or name) where the solution's team supports it, when there is one. */
  readonly supportChannel?: string;
  readonly businessUnit?: string;
  readonly dataSources: readonly string[];
  /** Known workarounds the maker documented, shown to requesters before anyone is disturbed. */
  readonly workarounds?: string;
  readonly status: SolutionStatus;
  /** ISO-8601 timestamps. */
  readonly createdAt: string;
  readonly updatedAt: string;
}
