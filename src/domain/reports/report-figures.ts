/**
 * The figures of a report, from the per-day counters of its period (all shards summed) and the open
 * backlog. Pure: the same counters always give the same report, and a report costs the counters of
 * its days, however many tickets there ever were.
 */
import { accumulate, addAll, dayOf, withoutZeros, type Counts, type DayCounts } from './report-tallies';
import { weeksOf, type ReportPeriod, type ReportWeek } from './report-period';
import { mostHelpful } from '../recognition/most-helpful';

export const TOP_SOLUTIONS = 5;
export const TOP_HELPERS = 5;

export interface Share {
  readonly part: number;
  readonly whole: number;
}

export interface WeekFigures extends ReportWeek {
  readonly requests: number;
  readonly tickets: number;
  readonly articleAnswers: number;
  readonly ticketsResolved: number;
  readonly reopened: number;
}

export interface Member {
  readonly member: string;
  readonly label?: string;
  readonly count: number;
}

export interface SlaFigure {
  readonly clock: 'first-response' | 'resolution';
  readonly severity: string;
  readonly queue: string;
  readonly met: number;
  readonly total: number;
}

export interface ResponseFigure {
  readonly role: 'maker' | 'co-owners';
  readonly answered: number;
  readonly meanMs?: number;
  readonly buckets: readonly Member[];
}

export interface Helper {
  readonly aadObjectId: string;
  readonly name?: string;
  readonly answered: number;
  readonly resolved: number;
  readonly meanMs?: number;
}

export interface ReportFigures {
  readonly period: ReportPeriod;
  readonly weeks: readonly WeekFigures[];
  readonly totals: Counts;
  readonly requestsBy: Readonly<Record<'tier' | 'category' | 'route' | 'severity', readonly Member[]>>;
  readonly ticketsBy: Readonly<Record<'tier' | 'category' | 'queue' | 'severity', readonly Member[]>>;
  readonly sla: readonly SlaFigure[];
  readonly backlog: { readonly open: number; readonly ages: readonly Member[] };
  readonly reopenRate: Share;
  readonly articleRate: Share;
  readonly escalations: readonly Member[];
  readonly responses: readonly ResponseFigure[];
  readonly busiest: readonly Member[];
  readonly helpers: readonly Helper[];
}

/** Backlog ages (days since opened, upper bounds) shown on the card and in the CSV. */
export const BACKLOG_AGE_DAYS = [1, 7, 30] as const;

/** Sums the counters of the days in [from, to] (into a new object: `days` is left as it is). */
export function sumDays(days: ReadonlyMap<string, DayCounts>, from: string, to: string): DayCounts {
  const sum: DayCounts = { counts: {}, labels: {} };
  for (const [day, counts] of days) if (day >= from && day <= to) accumulate(sum, counts);
  return withoutZeros(sum);
}

/** The few totals a week's chart shows, summed without summing every key. */
function weekTotals(days: ReadonlyMap<string, DayCounts>, from: string, to: string) {
  const t = { requests: 0, tickets: 0, articleAnswers: 0, ticketsResolved: 0, reopened: 0 };
  for (const [day, { counts: c }] of days) {
    if (day < from || day > to) continue;
    t.requests += c.req ?? 0;
    t.tickets += c.tkt ?? 0;
    t.articleAnswers += c.art ?? 0;
    t.ticketsResolved += c['tkt.resolved'] ?? 0;
    t.reopened += c['tkt.reopened'] ?? 0;
  }
  return t;
}

/** The members of one dimension: keys `{prefix}{member}`, biggest first, ties by name. */
export function membersOf(counts: Counts, prefix: string, labels: Record<string, string> = {}, labelPrefix = ''): Member[] {
  return Object.entries(counts)
    .filter(([key, n]) => key.startsWith(prefix) && n !== 0)
    .map(([key, count]) => {
      const member = key.slice(prefix.length);
      const label = labels[`${labelPrefix}${member}`];
      return { member, count, ...(label ? { label } : {}) };
    })
    .sort((a, b) => b.count - a.count || (a.member < b.member ? -1 : a.member > b.member ? 1 : 0));
}

function slaFigures(counts: Counts): SlaFigure[] {
  const out = new Map<string, { clock: SlaFigure['clock']; severity: string; queue: string; met: number; total: number }>();
  for (const [key, n] of Object.entries(counts)) {
    const m = /^sla\|(first-response|resolution)\|([^|]+)\|(met|total)\|(.+)$/.exec(key);
    if (!m) continue;
    const id = `${m[1]}|${m[2]}|${m[4]}`;
    const f = out.get(id) ?? { clock: m[1] as SlaFigure['clock'], severity: m[2], queue: m[4], met: 0, total: 0 };
    if (m[3] === 'met') f.met += n;
    else f.total += n;
    out.set(id, f);
  }
  return [...out.values()].sort((a, b) => (a.clock + a.severity + a.queue < b.clock + b.severity + b.queue ? -1 : 1));
}

function responseFigures(counts: Counts): ResponseFigure[] {
  return (['maker', 'co-owners'] as const).map((role) => {
    const answered = counts[`resp|${role}|n`] ?? 0;
    const ms = counts[`resp|${role}|ms`] ?? 0;
    return {
      role,
      answered,
      ...(answered > 0 ? { meanMs: Math.round(ms / answered) } : {}),
      buckets: membersOf(counts, `resp|${role}|b|`),
    };
  });
}

/** People who answered or resolved requests, most helpful first (answered + resolved). */
export function helpersOf(sum: DayCounts): Helper[] {
  const people = new Set<string>();
  for (const key of Object.keys(sum.counts)) {
    const m = /^person\|(answered|resolved)\|(.+)$/.exec(key);
    if (m) people.add(m[2]);
  }
  return [...people]
    .map((id) => {
      const answered = sum.counts[`person|answered|${id}`] ?? 0;
      const ms = sum.counts[`person|ms|${id}`] ?? 0;
      const name = sum.labels[`person|${id}`];
      return {
        aadObjectId: id,
        answered,
        resolved: sum.counts[`person|resolved|${id}`] ?? 0,
        ...(name ? { name } : {}),
        ...(answered > 0 ? { meanMs: Math.round(ms / answered) } : {}),
      };
    })
    .sort(
      (a, b) =>
        b.answered + b.resolved - (a.answered + a.resolved) ||
        (a.meanMs ?? Infinity) - (b.meanMs ?? Infinity) ||
        (a.aadObjectId < b.aadObjectId ? -1 : 1),
    );
}

/** Open tickets by age at `today`, from the backlog counters (opened day → open count). */
export function backlogOf(backlog: Counts, today: string): ReportFigures['backlog'] {
  const ages = new Map<string, number>();
  let open = 0;
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  for (const [day, n] of Object.entries(backlog)) {
    if (n <= 0) continue;
    open += n;
    const age = Math.floor((todayMs - Date.parse(`${day}T00:00:00Z`)) / 86_400_000);
    const i = BACKLOG_AGE_DAYS.findIndex((d) => age < d);
    const bucket = i === -1 ? `${BACKLOG_AGE_DAYS[BACKLOG_AGE_DAYS.length - 1]}+` : `<${BACKLOG_AGE_DAYS[i]}`;
    ages.set(bucket, (ages.get(bucket) ?? 0) + n);
  }
  const order = [...BACKLOG_AGE_DAYS.map((d) => `<${d}`), `${BACKLOG_AGE_DAYS[BACKLOG_AGE_DAYS.length - 1]}+`];
  return { open, ages: order.map((member) => ({ member, count: ages.get(member) ?? 0 })) };
}

/** `optedOut`: people (lower-case object ids) who asked not to be named among the most helpful. */
export function reportFigures(
  days: ReadonlyMap<string, DayCounts>,
  backlog: Counts,
  period: ReportPeriod,
  now: Date,
  optedOut: ReadonlySet<string> = new Set(),
): ReportFigures {
  const sum = sumDays(days, period.from, period.to);
  const c = sum.counts;
  const weeks = weeksOf(period).map((w) => ({ ...w, ...weekTotals(days, w.from, w.to) }));
  return {
    period,
    weeks,
    totals: addAll({}, c),
    requestsBy: {
      tier: membersOf(c, 'req.tier|'),
      category: membersOf(c, 'req.cat|'),
      route: membersOf(c, 'req.route|'),
      severity: membersOf(c, 'req.sev|'),
    },
    ticketsBy: {
      tier: membersOf(c, 'tkt.tier|'),
      category: membersOf(c, 'tkt.cat|'),
      queue: membersOf(c, 'tkt.queue|'),
      severity: membersOf(c, 'tkt.sev|'),
    },
    sla: slaFigures(c),
    backlog: backlogOf(backlog, dayOf(now.toISOString())),
    reopenRate: { part: c['tkt.reopened'] ?? 0, whole: c['tkt.resolved'] ?? 0 },
    articleRate: { part: c.art ?? 0, whole: (c.art ?? 0) + (c.req ?? 0) },
    escalations: membersOf(c, 'esc|'),
    responses: responseFigures(c),
    busiest: membersOf(c, 'req.sol|', sum.labels, 'sol|').slice(0, TOP_SOLUTIONS),
    helpers: mostHelpful(helpersOf(sum), optedOut, TOP_HELPERS),
  };
}
