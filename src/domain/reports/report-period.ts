/**
 * A report's period: whole UTC days, split into weeks (seven days each, ending on the period's last
 * day). "report", "report last 4 weeks", "report last 30 days", "report last 3 months"; the CLI gives
 * its own dates. Bounded, so a report never reads more than MAX_REPORT_WEEKS weeks of counters.
 */
export const DEFAULT_REPORT_WEEKS = 4;
export const MAX_REPORT_WEEKS = 104;
const DAY_MS = 86_400_000;

export interface ReportPeriod {
  /** First and last day, inclusive, `YYYY-MM-DD` (UTC). */
  readonly from: string;
  readonly to: string;
}

export interface ReportWeek {
  readonly from: string;
  readonly to: string;
}

export const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
export const dayMs = (day: string): number => Date.parse(`${day}T00:00:00.000Z`);

/** The last `weeks` whole weeks up to and including today. */
export function lastWeeks(weeks: number, today: Date): ReportPeriod {
  const n = Math.min(MAX_REPORT_WEEKS, Math.max(1, Math.floor(weeks)));
  const to = dayMs(isoDay(today.getTime()));
  return { from: isoDay(to - (n * 7 - 1) * DAY_MS), to: isoDay(to) };
}

const UNIT_DAYS = { day: 1, days: 1, week: 7, weeks: 7, month: 28, months: 28 } as const;
type Unit = keyof typeof UNIT_DAYS;

/**
 * What follows "report": nothing (the default), or "last N days|weeks|months" (a month counts as
 * four weeks, so every period is whole weeks). Undefined when the words are not a period.
 */
export function parsePeriod(words: string, today: Date): ReportPeriod | undefined {
  const trimmed = words.trim().toLowerCase();
  if (trimmed === '') return lastWeeks(DEFAULT_REPORT_WEEKS, today);
  const match = /^last\s+(\d{1,3})\s+(days?|weeks?|months?)$/.exec(trimmed);
  if (!match) return undefined;
  const days = Number(match[1]) * UNIT_DAYS[match[2] as Unit];
  if (days < 1) return undefined;
  return lastWeeks(Math.ceil(days / 7), today);
}

/** A period given as two days (the CLI); undefined when either is not a day or they are reversed or too far apart. */
export function periodBetween(from: string, to: string): ReportPeriod | undefined {
  const a = dayMs(from);
  const b = dayMs(to);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to) || Number.isNaN(a) || Number.isNaN(b)) return undefined;
  if (isoDay(a) !== from || isoDay(b) !== to || b < a || (b - a) / DAY_MS >= MAX_REPORT_WEEKS * 7) return undefined;
  return { from, to };
}

/** Every day of the period, oldest first. */
export function daysOf(period: ReportPeriod): string[] {
  const out: string[] = [];
  for (let t = dayMs(period.from); t <= dayMs(period.to); t += DAY_MS) out.push(isoDay(t));
  return out;
}

/** The period's weeks, oldest first; the first may be shorter when the period is not whole weeks. */
export function weeksOf(period: ReportPeriod): ReportWeek[] {
  const weeks: ReportWeek[] = [];
  const start = dayMs(period.from);
  for (let end = dayMs(period.to); end >= start; end -= 7 * DAY_MS) {
    weeks.unshift({ from: isoDay(Math.max(start, end - 6 * DAY_MS)), to: isoDay(end) });
  }
  return weeks;
}
