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

/**
 * The words of a period, in every language the bot speaks (src/i18n/period-words.ts builds it from the
 * locale resources), folded as `foldPeriodWord` folds them: filler words ("last", "les derniers",
 * "senaste", "최근") and each unit's words with the days it counts (a month counts as four weeks, so
 * every period is whole weeks).
 */
export interface PeriodVocabulary {
  readonly fillers: ReadonlySet<string>;
  readonly unitDays: ReadonlyMap<string, number>;
}

/** Longer than any period anyone types: not read at all. */
const MAX_PERIOD_WORDS = 60;

/** Lower case without accents, Hangul syllables kept whole ("Dernières" is "dernieres", "4주" stays). */
export function foldPeriodWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC')
    .toLowerCase();
}

/**
 * What follows "report": nothing (the default), or a unit and its number (one when none is given)
 * among filler words, in any order and any of the bot's languages ("last 4 weeks", "4 dernières semaines", "senaste 30 dagarna",
 * "최근 3개월"). Undefined when the words are not a period.
 */
export function parsePeriod(words: string, today: Date, vocabulary: PeriodVocabulary): ReportPeriod | undefined {
  if (words.length > MAX_PERIOD_WORDS) return undefined;
  const folded = foldPeriodWord(words.trim());
  if (folded === '') return lastWeeks(DEFAULT_REPORT_WEEKS, today);
  // A number and the words around it ("4주" is the number 4 and the word 주).
  const tokens = folded.match(/\d+|[^\s\d]+/gu) ?? [];
  let count: number | undefined;
  let unit: number | undefined;
  for (const token of tokens) {
    if (/^\d+$/.test(token)) {
      if (count !== undefined || token.length > 3) return undefined;
      count = Number(token);
    } else if (vocabulary.unitDays.has(token)) {
      if (unit !== undefined) return undefined;
      unit = vocabulary.unitDays.get(token);
    } else if (!vocabulary.fillers.has(token)) {
      return undefined;
    }
  }
  // "last month", "la dernière semaine": one of the unit.
  if (unit === undefined || count === 0) return undefined;
  return lastWeeks(Math.ceil(((count ?? 1) * unit) / 7), today);
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
