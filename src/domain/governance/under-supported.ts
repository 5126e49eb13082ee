/**
 * Reactive governance (the guidance: "identify highly shared and highly used solutions that may be
 * important to your business and reach out to makers to ensure those solutions have the necessary
 * support guardrails"): which solutions need more support than their tier gives, from the catalog's
 * CoE usage columns and its people, and whom to tell. Pure: no I/O.
 */
import { identityState, isContactable } from '../catalog/person-identity';
import type { CatalogPerson, Person, Solution, Tier } from '../solution';
import { NO_ACTIVITY, type SolutionActivity } from './solution-activity';

export const UNDER_SUPPORT_REASONS = [
  'highly-shared',
  'highly-used',
  'many-requests',
  'no-active-maker',
  'no-co-owners',
  'maker-timeouts',
] as const;
export type UnderSupportReason = (typeof UNDER_SUPPORT_REASONS)[number];

/** The tiers a request count can be too high for (Critical is formally supported already). */
export type RequestTier = Exclude<Tier, 'Critical'>;

export interface UnderSupportThresholds {
  /** A Productivity solution shared with at least this many users needs more than its maker. */
  readonly sharedUsers: number;
  /** The same for launches in the past 30 days (the CoE inventory's count). */
  readonly launches: number;
  /** At least this many requests in the window, by the solution's tier (absent: not looked at). */
  readonly requests?: Readonly<Record<RequestTier, number>>;
  /** At least this many requests handed on because the maker or co-owners did not answer in time. */
  readonly timeouts?: number;
}

/** A reason and, for the ones counted, the figure that reached its threshold. */
export interface UnderSupportSignal {
  readonly reason: UnderSupportReason;
  readonly figure?: { readonly value: number; readonly threshold: number };
}

const counted = (reason: UnderSupportReason, value: number, threshold: number | undefined): UnderSupportSignal | undefined =>
  threshold !== undefined && value >= threshold ? { reason, figure: { value, threshold } } : undefined;

/**
 * Why a solution needs more support than its tier gives, with the figures; empty when it doesn't
 * (or is Critical or retired). `activity` is the solution's requests and timeouts in the window.
 */
export function underSupportSignals(
  solution: Solution,
  thresholds: UnderSupportThresholds,
  activity: SolutionActivity = NO_ACTIVITY,
): UnderSupportSignal[] {
  if (solution.status === 'retired' || solution.tier === 'Critical') return [];
  const usage = solution.usage ?? {};
  const productivity = solution.tier === 'Productivity';
  const shared = productivity ? counted('highly-shared', usage.sharedUsers ?? 0, thresholds.sharedUsers) : undefined;
  const used = productivity ? counted('highly-used', usage.sessions ?? 0, thresholds.launches) : undefined;
  const busy = counted('many-requests', activity.requests, thresholds.requests?.[solution.tier]);
  const timeouts = counted('maker-timeouts', activity.timeouts, thresholds.timeouts);
  const makerGone = solution.status === 'orphaned' || ['not-found', 'disabled'].includes(identityState(solution.maker));
  // Co-owners matter once the solution is team-assisted, or is used like one that should be.
  const needsCoOwners = solution.tier === 'Important' || !!shared || !!used || !!busy || makerGone;
  const noCoOwners = needsCoOwners && !solution.coOwners.some((p) => isContactable(p));
  const signals: Record<UnderSupportReason, UnderSupportSignal | undefined> = {
    'highly-shared': shared,
    'highly-used': used,
    'many-requests': busy,
    'no-active-maker': makerGone ? { reason: 'no-active-maker' } : undefined,
    'no-co-owners': noCoOwners ? { reason: 'no-co-owners' } : undefined,
    'maker-timeouts': timeouts,
  };
  return UNDER_SUPPORT_REASONS.flatMap((r) => signals[r] ?? []);
}

/** The reasons alone (underSupportSignals without the figures). */
export function underSupportReasons(
  solution: Solution,
  thresholds: UnderSupportThresholds,
  activity: SolutionActivity = NO_ACTIVITY,
): UnderSupportReason[] {
  return underSupportSignals(solution, thresholds, activity).map((s) => s.reason);
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
  /** The figures of the counted reasons (notices from before they were recorded have none). */
  readonly figures?: Partial<Record<UnderSupportReason, { readonly value: number; readonly threshold: number }>>;
  /** The days requests and timeouts were counted over. */
  readonly windowDays?: number;
  readonly recipient?: { readonly aadObjectId: string; readonly displayName: string; readonly role: 'maker' | 'manager' };
  readonly foundAt: string;
}
