/**
 * One SLA clock that can pause. While a ticket waits on the requester, the maker or a vendor the
 * clock stops; on the answer it resumes and its warning and due instants move out by the paused
 * working time, measured on the target's own calendar (24×7, or the business hours). The clock keeps
 * its pause intervals, so a new target (a severity change, a move to another queue) is recomputed
 * exactly from the original start minus the paused time.
 *
 * "Elapsed" below is running working time: the working time since the start that was not paused.
 */
import { ALWAYS_OPEN, addWorkingMillis, workingMillisBetween, type BusinessHoursCalendar, type SlaCalendar } from './business-calendar';
import { InvalidDurationError, literalGuard } from './errors';
import type { SlaTarget } from './sla';

/** What a paused clock waits on. Waiting on the help desk (the dedicated team's question) does not pause. */
export const SLA_PAUSE_REASONS = ['requester', 'vendor', 'maker'] as const;
export type SlaPauseReason = (typeof SLA_PAUSE_REASONS)[number];
export const isSlaPauseReason = literalGuard(SLA_PAUSE_REASONS);

export type SlaClockKind = SlaTarget['clock'];

/** A finished pause, as ISO instants. */
export interface SlaPause {
  readonly from: string;
  readonly to: string;
}

/**
 * Pauses folded away to keep the list bounded: before `until`, this much working time was paused on
 * each calendar. Recomputing a due instant that falls before `until` then gives `until` (an upper
 * bound; such a clock is breached either way).
 */
export interface FoldedPauses {
  readonly until: string;
  readonly pausedMs: Readonly<Record<SlaClockKind, number>>;
}

/** One SLA clock: when it started, when it warns and breaches, and what already happened. */
export interface SlaClock {
  readonly startedAt: string;
  /** While paused: the value before the pause (the scheduler ignores paused clocks). */
  readonly warnAt: string;
  readonly dueAt: string;
  readonly warned: boolean;
  readonly breached: boolean;
  /** When the target was met (first response given, ticket resolved); the clock then stops. */
  readonly metAt?: string;
  /** The target this clock runs to; absent on clocks stored before pauses existed (then: the configuration's). */
  readonly targetMinutes?: number;
  readonly clock?: SlaClockKind;
  /** Set while paused. */
  readonly pausedSince?: string;
  readonly pauseReason?: SlaPauseReason;
  /** Finished pauses, oldest first, at most MAX_SLA_PAUSES (older ones are folded). */
  readonly pauses?: readonly SlaPause[];
  readonly folded?: FoldedPauses;
}

/** What a clock runs to: minutes of working time on a calendar, warned at a share of it. */
export interface ClockRule {
  readonly minutes: number;
  readonly clock: SlaClockKind;
  /** The configured business hours (used by business-hours clocks, and to fold pauses). */
  readonly businessHours: BusinessHoursCalendar;
  readonly warningShare: number;
}

export const MAX_SLA_PAUSES = 20;

const MINUTE = 60_000;
const ms = (iso: string) => Date.parse(iso);
const iso = (t: number | Date) => new Date(t).toISOString();

export function calendarOfRule(rule: Pick<ClockRule, 'clock' | 'businessHours'>): SlaCalendar {
  return rule.clock === '24x7' ? ALWAYS_OPEN : rule.businessHours;
}

function targetMs(rule: ClockRule): number {
  if (!Number.isFinite(rule.minutes) || rule.minutes < 0) throw new InvalidDurationError(rule.minutes);
  return rule.minutes * MINUTE;
}

/** The working time (ms) at which a rule warns: the same rounding as warningAt in sla.ts. */
function warnMs(rule: ClockRule): number {
  return Math.round(targetMs(rule) * rule.warningShare);
}

/** A clock started at `start`, never paused. */
export function startClock(start: Date, rule: ClockRule): SlaClock {
  const base: SlaClock = {
    startedAt: iso(start),
    warnAt: '',
    dueAt: '',
    warned: false,
    breached: false,
    targetMinutes: rule.minutes,
    clock: rule.clock,
  };
  return withInstants(base, rule);
}

export function isPaused(clock: SlaClock): boolean {
  return clock.pausedSince !== undefined;
}

/**
 * The instant running working time reaches `workingMs`, or undefined when the clock is paused before
 * it gets there (it has no due instant while paused).
 */
export function instantReaching(clock: SlaClock, workingMs: number, calendar: SlaCalendar, kind: SlaClockKind): Date | undefined {
  if (!Number.isFinite(workingMs) || workingMs < 0) throw new InvalidDurationError(workingMs / MINUTE);
  let cursor = new Date(clock.startedAt);
  let remaining = workingMs;
  if (remaining === 0) return cursor;
  if (clock.folded) {
    const until = new Date(clock.folded.until);
    const ranBefore = Math.max(0, workingMillisBetween(cursor, until, calendar) - clock.folded.pausedMs[kind]);
    if (remaining <= ranBefore) return until;
    remaining -= ranBefore;
    cursor = until;
  }
  for (const pause of clock.pauses ?? []) {
    const from = new Date(pause.from);
    const available = workingMillisBetween(cursor, from, calendar);
    if (remaining <= available) return addWorkingMillis(cursor, remaining, calendar);
    remaining -= available;
    if (ms(pause.to) > cursor.getTime()) cursor = new Date(pause.to);
  }
  if (clock.pausedSince !== undefined) {
    const available = workingMillisBetween(cursor, new Date(clock.pausedSince), calendar);
    return remaining <= available ? addWorkingMillis(cursor, remaining, calendar) : undefined;
  }
  return addWorkingMillis(cursor, remaining, calendar);
}

/** Running working time (ms) from the start to `now`: paused time does not count. */
export function elapsedWorkingMs(clock: SlaClock, now: Date, calendar: SlaCalendar, kind: SlaClockKind): number {
  const start = new Date(clock.startedAt);
  if (now.getTime() <= start.getTime()) return 0;
  let paused = 0;
  if (clock.folded) {
    const until = new Date(clock.folded.until);
    const ranBefore = Math.max(0, workingMillisBetween(start, until, calendar) - clock.folded.pausedMs[kind]);
    // Before the folded pauses ended, only an upper bound is known.
    if (now.getTime() <= until.getTime()) return Math.min(workingMillisBetween(start, now, calendar), ranBefore);
    paused += clock.folded.pausedMs[kind];
  }
  for (const p of clock.pauses ?? []) paused += overlap(p.from, p.to, now, calendar);
  if (clock.pausedSince !== undefined) paused += overlap(clock.pausedSince, undefined, now, calendar);
  return Math.max(0, workingMillisBetween(start, now, calendar) - paused);
}

function overlap(from: string, to: string | undefined, now: Date, calendar: SlaCalendar): number {
  const end = to === undefined ? now.getTime() : Math.min(ms(to), now.getTime());
  return end > ms(from) ? workingMillisBetween(new Date(from), new Date(end), calendar) : 0;
}

/**
 * The clock with its warning and due instants recomputed for `rule` (a new target or after a
 * resume), and its flags re-evaluated at `now`: a flag already raised stays raised while its
 * condition still holds (no second alert), and drops when the new target moves the instant out (so
 * the scheduler warns or breaches again at the new instant). A paused clock keeps its instants.
 */
export function withRule(clock: SlaClock, rule: ClockRule, now: Date): SlaClock {
  const retargeted = withInstants({ ...clock, targetMinutes: rule.minutes, clock: rule.clock }, rule);
  const elapsed = elapsedWorkingMs(retargeted, now, calendarOfRule(rule), rule.clock);
  return {
    ...retargeted,
    warned: clock.warned && elapsed >= warnMs(rule),
    breached: clock.breached && elapsed >= targetMs(rule),
  };
}

function withInstants(clock: SlaClock, rule: ClockRule): SlaClock {
  const calendar = calendarOfRule(rule);
  const due = instantReaching(clock, targetMs(rule), calendar, rule.clock);
  const warn = instantReaching(clock, warnMs(rule), calendar, rule.clock);
  return { ...clock, ...(warn ? { warnAt: iso(warn) } : {}), ...(due ? { dueAt: iso(due) } : {}) };
}

/** Pauses the clock at `at` (no change when it is met or already paused: the first reason stands). */
export function pauseClock(clock: SlaClock, at: Date, reason: SlaPauseReason): SlaClock {
  if (clock.metAt !== undefined || clock.pausedSince !== undefined) return clock;
  const since = Math.max(at.getTime(), ms(clock.startedAt));
  return { ...clock, pausedSince: iso(since), pauseReason: reason };
}

/**
 * Resumes a paused clock at `at`: the pause joins the finished ones (the oldest folded beyond
 * MAX_SLA_PAUSES) and the instants move out by the paused working time.
 */
export function resumeClock(clock: SlaClock, at: Date, rule: ClockRule): SlaClock {
  if (clock.pausedSince === undefined) return clock;
  const to = Math.max(at.getTime(), ms(clock.pausedSince));
  const { pausedSince, pauseReason, ...rest } = clock;
  void pauseReason;
  let pauses = [...(clock.pauses ?? []), { from: pausedSince, to: iso(to) }];
  let folded = clock.folded;
  while (pauses.length > MAX_SLA_PAUSES) {
    const [oldest, ...others] = pauses;
    folded = fold(folded, oldest, rule.businessHours);
    pauses = others;
  }
  const resumed: SlaClock = { ...rest, pauses, ...(folded ? { folded } : {}) };
  return clock.metAt !== undefined ? resumed : withRule(resumed, rule, new Date(to));
}

function fold(folded: FoldedPauses | undefined, pause: SlaPause, businessHours: BusinessHoursCalendar): FoldedPauses {
  const from = new Date(pause.from);
  const to = new Date(pause.to);
  return {
    until: pause.to,
    pausedMs: {
      '24x7': (folded?.pausedMs['24x7'] ?? 0) + workingMillisBetween(from, to, ALWAYS_OPEN),
      'business-hours': (folded?.pausedMs['business-hours'] ?? 0) + workingMillisBetween(from, to, businessHours),
    },
  };
}

export const SLA_CLOCK_STATES = ['met', 'paused', 'on-track', 'warning', 'breached'] as const;
export type SlaClockState = (typeof SLA_CLOCK_STATES)[number];

/** Where a clock stands at `now`, on the paused-aware clock. */
export function clockStateAt(clock: SlaClock, now: Date, rule: ClockRule): SlaClockState {
  if (clock.metAt !== undefined) return 'met';
  const elapsed = elapsedWorkingMs(clock, now, calendarOfRule(rule), rule.clock);
  if (elapsed >= targetMs(rule)) return 'breached';
  if (clock.pausedSince !== undefined) return 'paused';
  return elapsed >= warnMs(rule) ? 'warning' : 'on-track';
}

/** Working time (ms) left before the target at `now` (0 once reached). */
export function remainingWorkingMs(clock: SlaClock, now: Date, rule: ClockRule): number {
  return Math.max(0, targetMs(rule) - elapsedWorkingMs(clock, now, calendarOfRule(rule), rule.clock));
}
