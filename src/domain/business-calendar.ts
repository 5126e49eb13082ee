/**
 * Working-time arithmetic for SLAs: a calendar is either 24×7 or business hours (weekdays, opening
 * and closing hour, holidays) in a fixed UTC offset or an IANA time zone. Pure and deterministic:
 * time zones are resolved with Intl (the ICU data bundled with Node), never with the host's zone.
 */
import { InvalidCalendarError, InvalidDurationError } from './errors';
import {
  DAY_MS,
  formatDay,
  isKnownTimeZone,
  localDateOf,
  localToUtc,
  parseDay,
  sameDate,
  type LocalDay,
  type TimeZoneSpec,
} from './time-zone';

export type { TimeZoneSpec } from './time-zone';

export interface AlwaysOpenCalendar {
  readonly kind: '24x7';
}

export interface BusinessHoursCalendar {
  readonly kind: 'business-hours';
  /** Working days, 0 = Sunday … 6 = Saturday. */
  readonly weekdays: readonly number[];
  /** Local opening and closing hour, 0–24; fractions allowed for whole minutes (8.5 = 08:30). */
  readonly startHour: number;
  readonly endHour: number;
  readonly zone: TimeZoneSpec;
  /** Local dates with no working time, as YYYY-MM-DD. */
  readonly holidays?: readonly string[];
}

export type SlaCalendar = AlwaysOpenCalendar | BusinessHoursCalendar;

export const ALWAYS_OPEN: AlwaysOpenCalendar = { kind: '24x7' };

/** Monday to Friday, 09:00–17:00 UTC unless overridden. */
export function businessHours(overrides: Partial<Omit<BusinessHoursCalendar, 'kind'>> = {}): BusinessHoursCalendar {
  return { kind: 'business-hours', weekdays: [1, 2, 3, 4, 5], startHour: 9, endHour: 17, zone: { utcOffsetMinutes: 0 }, ...overrides };
}

const MINUTE = 60_000;
const DAY = DAY_MS;
/** Beyond this, a calendar is treated as having no working time at all. */
const MAX_DAYS_SCANNED = 3700;

export function validateCalendar(calendar: SlaCalendar): void {
  if (calendar.kind === '24x7') return;
  const { weekdays, startHour, endHour, zone, holidays = [] } = calendar;
  if (weekdays.length === 0) throw new InvalidCalendarError('no working weekday');
  if (weekdays.some((d) => !Number.isInteger(d) || d < 0 || d > 6)) throw new InvalidCalendarError('weekdays are 0 (Sunday) to 6');
  for (const h of [startHour, endHour]) {
    if (!(h >= 0 && h <= 24) || !Number.isInteger(Math.round(h * 60 * 1e6) / 1e6)) {
      throw new InvalidCalendarError(`hour ${h} is not a whole minute between 0 and 24`);
    }
  }
  if (startHour >= endHour) throw new InvalidCalendarError('the day must open before it closes');
  if ('timeZone' in zone) {
    if (!isKnownTimeZone(zone.timeZone)) throw new InvalidCalendarError(`unknown time zone ${JSON.stringify(zone.timeZone)}`);
  } else if (!Number.isInteger(zone.utcOffsetMinutes) || Math.abs(zone.utcOffsetMinutes) > 14 * 60) {
    throw new InvalidCalendarError(`UTC offset ${zone.utcOffsetMinutes} is not whole minutes within ±14h`);
  }
  const bad = holidays.find((h) => !/^\d{4}-\d{2}-\d{2}$/.test(h) || !sameDate(parseDay(h), h));
  if (bad !== undefined) throw new InvalidCalendarError(`holiday ${JSON.stringify(bad)} is not a YYYY-MM-DD date`);
}

/** The instant `durationMinutes` of working time after `start`. A zero duration is due at `start`. */
export function dueAt(start: Date, durationMinutes: number, calendar: SlaCalendar): Date {
  if (!Number.isFinite(durationMinutes) || durationMinutes < 0) throw new InvalidDurationError(durationMinutes);
  return new Date(addWorkingMs(start.getTime(), durationMinutes * MINUTE, calendar));
}

/** Working minutes between two instants (0 when `to` is not after `from`). */
export function workingMinutesBetween(from: Date, to: Date, calendar: SlaCalendar): number {
  return workingMsBetween(from.getTime(), to.getTime(), calendar) / MINUTE;
}

/**
 * How much of the working time from `start` to `due` has passed at `now`: 0 before start, 1 at due,
 * above 1 once overdue. With no working time between start and due, 0 before due and 1 from due on.
 */
export function elapsedShare(start: Date, due: Date, now: Date, calendar: SlaCalendar): number {
  const total = workingMsBetween(start.getTime(), due.getTime(), calendar);
  if (total === 0) return now.getTime() >= due.getTime() ? 1 : 0;
  return workingMsBetween(start.getTime(), now.getTime(), calendar) / total;
}

/** The instant at which `share` (0–1) of the working time from `start` to `due` has passed. */
export function shareReachedAt(start: Date, due: Date, share: number, calendar: SlaCalendar): Date {
  const total = workingMsBetween(start.getTime(), due.getTime(), calendar);
  return new Date(addWorkingMs(start.getTime(), Math.round(total * share), calendar));
}

/** Working time between two instants in milliseconds (exact; 0 when `to` is not after `from`). */
export function workingMillisBetween(from: Date, to: Date, calendar: SlaCalendar): number {
  return workingMsBetween(from.getTime(), to.getTime(), calendar);
}

/** The instant `ms` milliseconds of working time after `start` (exact, for sums of paused time). */
export function addWorkingMillis(start: Date, ms: number, calendar: SlaCalendar): Date {
  if (!Number.isFinite(ms) || ms < 0) throw new InvalidDurationError(ms);
  return new Date(addWorkingMs(start.getTime(), Math.round(ms), calendar));
}

/** `instant` itself when it is working time, else the start of the next working period. */
export function nextWorkingInstant(instant: Date, calendar: SlaCalendar): Date {
  if (calendar.kind === '24x7') return instant;
  validateCalendar(calendar);
  const t = instant.getTime();
  let day = localDateOf(t, calendar.zone);
  for (let i = 0; i < MAX_DAYS_SCANNED; i++, day += DAY) {
    const w = windowOf(day, calendar);
    if (w !== undefined && w.close > t) return new Date(Math.max(t, w.open));
  }
  throw new InvalidCalendarError(`no working time in ${MAX_DAYS_SCANNED} days`);
}

export function isWorkingTime(instant: Date, calendar: SlaCalendar): boolean {
  if (calendar.kind === '24x7') return true;
  const t = instant.getTime();
  const w = windowOf(localDateOf(t, calendar.zone), calendar);
  return w !== undefined && t >= w.open && t < w.close;
}

// ---- internals -------------------------------------------------------------------------------

function addWorkingMs(startMs: number, ms: number, calendar: SlaCalendar): number {
  if (calendar.kind === '24x7' || ms === 0) return startMs + ms;
  validateCalendar(calendar);
  let remaining = ms;
  let day = localDateOf(startMs, calendar.zone);
  for (let i = 0; i < MAX_DAYS_SCANNED; i++, day += DAY) {
    const w = windowOf(day, calendar);
    if (w === undefined) continue;
    const from = Math.max(startMs, w.open);
    if (from >= w.close) continue;
    const available = w.close - from;
    if (remaining <= available) return from + remaining;
    remaining -= available;
  }
  throw new InvalidCalendarError(`no working time in ${MAX_DAYS_SCANNED} days`);
}

function workingMsBetween(fromMs: number, toMs: number, calendar: SlaCalendar): number {
  if (toMs <= fromMs) return 0;
  if (calendar.kind === '24x7') return toMs - fromMs;
  validateCalendar(calendar);
  let total = 0;
  const last = localDateOf(toMs, calendar.zone);
  for (let day = localDateOf(fromMs, calendar.zone); day <= last; day += DAY) {
    const w = windowOf(day, calendar);
    if (w !== undefined) total += Math.max(0, Math.min(toMs, w.close) - Math.max(fromMs, w.open));
  }
  return total;
}

function windowOf(day: LocalDay, calendar: BusinessHoursCalendar): { open: number; close: number } | undefined {
  if (!calendar.weekdays.includes(new Date(day).getUTCDay())) return undefined;
  if (calendar.holidays?.includes(formatDay(day))) return undefined;
  return {
    open: localToUtc(day + Math.round(calendar.startHour * 60) * MINUTE, calendar.zone),
    close: localToUtc(day + Math.round(calendar.endHour * 60) * MINUTE, calendar.zone),
  };
}
