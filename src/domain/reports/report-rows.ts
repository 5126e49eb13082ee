/**
 * A report as long-format rows for Power BI: one row per week × measure × dimension member (the CSV
 * the CLI writes; columns documented in the README). People's weekly figures stay out; only the
 * period's most helpful makers and co-owners are named (as in the Teams report), never anyone who
 * opted out of recognition.
 */
import { mostHelpful } from '../recognition/most-helpful';
import { sumDays, backlogOf, helpersOf, TOP_HELPERS } from './report-figures';
import type { Counts, DayCounts } from './report-tallies';
import { weeksOf, type ReportPeriod } from './report-period';

export interface ReportRow {
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly measure: string;
  readonly dimension: string;
  readonly member: string;
  readonly label: string;
  readonly value: number;
}

export const REPORT_COLUMNS = ['period_start', 'period_end', 'measure', 'dimension', 'member', 'label', 'value'] as const;

const DIMENSIONS: Record<string, string> = {
  tier: 'tier',
  cat: 'category',
  sev: 'severity',
  sol: 'solution',
  route: 'route',
  queue: 'queue',
};
const TOTALS: Record<string, string> = {
  req: 'requests',
  tkt: 'tickets',
  art: 'article_answers',
  'req.resolved': 'requests_resolved',
  'tkt.resolved': 'tickets_resolved',
  'tkt.reopened': 'tickets_reopened',
};

type Cell = Pick<ReportRow, 'measure' | 'dimension' | 'member'>;

/** The row a counter key becomes, or undefined for keys the CSV leaves out (people). */
export function cellOf(key: string): Cell | undefined {
  if (TOTALS[key]) return { measure: TOTALS[key], dimension: 'all', member: '' };
  const split = /^(req|tkt)\.(tier|cat|sev|sol|route|queue)\|(.+)$/.exec(key);
  if (split) return { measure: split[1] === 'req' ? 'requests' : 'tickets', dimension: DIMENSIONS[split[2]], member: split[3] };
  const sla = /^sla\|(first-response|resolution)\|([^|]+)\|(met|total)\|(.+)$/.exec(key);
  if (sla) return { measure: `sla_${sla[1].replace('-', '_')}_${sla[3]}`, dimension: 'severity_queue', member: `${sla[2]}/${sla[4]}` };
  const timeout = /^timeout(\.sol)?\|(.+)$/.exec(key);
  if (timeout) return { measure: 'timeouts', dimension: timeout[1] ? 'solution' : 'role', member: timeout[2] };
  const esc = /^esc\|(.+)$/.exec(key);
  if (esc) return { measure: 'escalations', dimension: 'path', member: esc[1] };
  const resp = /^resp\|(maker|co-owners)\|(n|ms|b)(?:\|(.+))?$/.exec(key);
  if (resp) {
    if (resp[2] === 'n') return { measure: 'responses', dimension: 'role', member: resp[1] };
    if (resp[2] === 'ms') return { measure: 'response_ms_total', dimension: 'role', member: resp[1] };
    return { measure: 'responses_within_hours', dimension: resp[1], member: resp[3] ?? '' };
  }
  return undefined;
}

const order = (a: ReportRow, b: ReportRow): number =>
  a.periodStart.localeCompare(b.periodStart) ||
  a.measure.localeCompare(b.measure) ||
  a.dimension.localeCompare(b.dimension) ||
  a.member.localeCompare(b.member);

/** Every week's rows, then the open backlog by age at the period's end, then the period's most helpful. */
export function reportRows(
  days: ReadonlyMap<string, DayCounts>,
  backlog: Counts,
  period: ReportPeriod,
  optedOut: ReadonlySet<string> = new Set(),
): ReportRow[] {
  const rows: ReportRow[] = [];
  for (const week of weeksOf(period)) {
    const sum = sumDays(days, week.from, week.to);
    const weekRows: ReportRow[] = [];
    for (const [key, value] of Object.entries(sum.counts)) {
      const cell = cellOf(key);
      if (!cell) continue;
      const label = cell.dimension === 'solution' ? (sum.labels[`sol|${cell.member}`] ?? '') : '';
      weekRows.push({ periodStart: week.from, periodEnd: week.to, ...cell, label, value });
    }
    rows.push(...weekRows.sort(order));
  }
  for (const age of backlogOf(backlog, period.to).ages) {
    rows.push({
      periodStart: period.to,
      periodEnd: period.to,
      measure: 'backlog_open',
      dimension: 'age_days',
      member: age.member,
      label: '',
      value: age.count,
    });
  }
  const helpers = mostHelpful(helpersOf(sumDays(days, period.from, period.to)), optedOut, TOP_HELPERS);
  for (const h of helpers) {
    const person = { periodStart: period.from, periodEnd: period.to, dimension: 'person', member: h.aadObjectId, label: h.name ?? '' };
    rows.push({ ...person, measure: 'most_helpful_resolved', value: h.resolved });
    rows.push({ ...person, measure: 'most_helpful_answered', value: h.answered });
  }
  return rows;
}
