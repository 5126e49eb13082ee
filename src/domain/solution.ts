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

/**
 * How the catalog knows a person's Entra object id (see catalog/person-identity.ts):
 * given: the catalog file named it; resolved: Microsoft Graph found the person by email or UPN;
 * pending: not looked up yet (no directory, or it did not answer); not-found: Graph has no such user;
 * disabled: the account is disabled (the person has probably left).
 */
export const IDENTITY_STATES = ['given', 'resolved', 'pending', 'not-found', 'disabled'] as const;
export type IdentityState = (typeof IDENTITY_STATES)[number];

export interface PersonIdentity {
  readonly state: IdentityState;
  /** When the directory answered (ISO-8601); absent for `given`. */
  readonly at?: string;
}

/**
 * A person the catalog names: by email or UPN, with their Entra object id once it is known. Only a
 * person with an id (and an account that is not disabled) can be messaged or routed to.
 */
export interface CatalogPerson {
  readonly displayName: string;
  /** Email or UPN, as the catalog gave it. */
  readonly email: string;
  readonly aadObjectId?: string;
  /** Absent: `given` when there is an id, `pending` when there is none. */
  readonly identity?: PersonIdentity;
  /** BCP 47 tag from the CoE inventory or Entra ID (for messages in the person's language). */
  readonly preferredLanguage?: string;
}

/** What the CoE Starter Kit inventory says about use, for the governance report. All optional. */
export interface SolutionUsage {
  readonly sharedUsers?: number;
  readonly sharedGroups?: number;
  /** Last launch (apps, bots) or last run (flows), ISO-8601. */
  readonly lastUsedAt?: string;
  readonly lastModifiedAt?: string;
  /** Launches in the past 30 days (apps) or sessions (bots), as the inventory counts them. */
  readonly sessions?: number;
  /** The maker's department, as the inventory records it. */
  readonly department?: string;
}

export interface Solution {
  /** Stable id chosen by the catalog owner (often the Power Platform app or flow id). */
  readonly id: string;
  readonly name: string;
  readonly kind: SolutionKind;
  readonly environment: string;
  readonly tier: Tier;
  readonly maker: CatalogPerson;
  readonly coOwners: readonly CatalogPerson[];
  /** The maker's manager: who stands in for a maker who has left (CoE `admin_managerprinciplename`). */
  readonly manager?: CatalogPerson;
  /** Teams channel (link or name) where the solution's team supports it, when there is one. */
  readonly supportChannel?: string;
  readonly businessUnit?: string;
  readonly dataSources: readonly string[];
  /** Known workarounds the maker documented, shown to requesters before anyone is disturbed. */
  readonly workarounds?: string;
  readonly status: SolutionStatus;
  readonly usage?: SolutionUsage;
  /** ISO-8601 timestamps. */
  readonly createdAt: string;
  readonly updatedAt: string;
}
