/**
 * Reactive governance (the guidance: "identify highly shared and highly used solutions that may be
 * important to your business and reach out to makers to ensure those solutions have the necessary
 * support guardrails"): which solutions need more support than their tier gives, from the catalog's
 * CoE usage columns and its people, and whom to tell. Pure: no I/O.
 */
import { identityState, isContactable } from '../catalog/person-identity';
import type { CatalogPerson, Person, Solution } from '../solution';

export const UNDER_SUPPORT_REASONS = ['highly-shared', 'highly-used', 'no-active-maker', 'no-co-owners'] as const;
export type UnderSupportReason = (typeof UNDER_SUPPORT_REASONS)[number];

export interface UnderSupportThresholds {
  /** A Productivity solution shared with at least this many users needs more than its maker. */
  readonly sharedUsers: number;
  /** The same for launches in the past 30 days (the CoE inventory's count). */
  readonly launches: number;
}

/** Why a solution needs more support than its tier gives; empty when it doesn't (or is Critical or retired). */
export function underSupportReasons(solution: Solution, thresholds: UnderSupportThresholds): UnderSupportReason[] {
  if (solution.status === 'retired' || solution.tier === 'Critical') return [];
  const usage = solution.usage ?? {};
  const productivity = solution.tier === 'Productivity';
  const shared = productivity && (usage.sharedUsers ?? 0) >= thresholds.sharedUsers;
  const used = productivity && (usage.sessions ?? 0) >= thresholds.launches;
  const makerGone = solution.status === 'orphaned' || ['not-found', 'disabled'].includes(identityState(solution.maker));
  // Co-owners matter once the solution is team-assisted, or is used like one that should be.
  const needsCoOwners = solution.tier === 'Important' || shared || used || makerGone;
  const noCoOwners = needsCoOwners && !solution.coOwners.some((p) => isContactable(p));
  const reasons: Record<UnderSupportReason, boolean> = {
    'highly-shared': shared,
    'highly-used': used,
    'no-active-maker': makerGone,
    'no-co-owners': noCoOwners,
  };
  return UNDER_SUPPORT_REASONS.filter((r) => reasons[r]);
}

/** Who is told: the maker while they are there, else their manager; nobody when neither can be messaged. */
export function noticeRecipient(
  solution: Solution,
): { readonly person: CatalogPerson & Person; readonly role: 'maker' | 'manager' } | undefined {
  const makerThere = solution.status !== 'orphaned' && isContactable(solution.maker);
  if (makerThere) return { person: solution.maker, role: 'maker' };
  if (solution.manager && isContactable(solution.manager)) return { person: solution.manager, role: 'manager' };
  return undefined;
}

/** The period a notice is sent once in: the ISO week of `now` ("2026-W48"), in UTC. */
export function noticePeriod(now: Date): string {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday); // the Thursday of this week decides its year
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** A solution found under-supported in a period, and whom it was told to. */
export interface UnderSupportedNotice {
  /** Derived from period and solution (the partition it and its DM are stored in). */
  readonly id: string;
  readonly period: string;
  readonly solutionId: string;
  readonly solutionName: string;
  readonly tier: Solution['tier'];
  readonly reasons: readonly UnderSupportReason[];
  readonly recipient?: { readonly aadObjectId: string; readonly displayName: string; readonly role: 'maker' | 'manager' };
  readonly foundAt: string;
}
