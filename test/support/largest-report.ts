/** The largest report card's figures: the longest period, every severity and clock in 20 queues, the longest names (Korean). */
import { MAX_REPORT_WEEKS, lastWeeks, weeksOf } from '../../src/domain/reports/report-period';
import { TOP_HELPERS, TOP_SOLUTIONS, type ReportFigures } from '../../src/domain/reports/report-figures';
import { REQUEST_CATEGORIES } from '../../src/domain/request-category';
import { KOREAN } from './large-text';

const QUEUES = ['help-desk', 'dedicated-team', ...Array.from({ length: 18 }, (_, i) => `help-desk:${'queue'.repeat(6)}${i}`)];

export function largestReport(): ReportFigures {
  const period = lastWeeks(MAX_REPORT_WEEKS, new Date('2026-11-20T10:00:00Z'));
  const n = 123_456;
  return {
    period,
    weeks: weeksOf(period).map((w) => ({ ...w, requests: n, tickets: n, articleAnswers: n, ticketsResolved: n, reopened: n })),
    totals: {},
    requestsBy: {
      tier: ['Productivity', 'Important', 'Critical', 'none'].map((member) => ({ member, count: n })),
      category: REQUEST_CATEGORIES.map((member) => ({ member, count: n })),
      route: ['maker', 'co-owners', 'help-desk', 'dedicated-team'].map((member) => ({ member, count: n })),
      severity: [],
    },
    ticketsBy: { tier: [], category: [], queue: [], severity: [] },
    sla: QUEUES.flatMap((queue) =>
      (['A', 'B', 'C'] as const).flatMap((severity) =>
        (['first-response', 'resolution'] as const).map((clock) => ({ clock, severity, queue, met: n, total: n + 1 })),
      ),
    ),
    backlog: { open: n, ages: ['<1', '<7', '<30', '30+'].map((member) => ({ member, count: n })) },
    reopenRate: { part: n, whole: n },
    articleRate: { part: n, whole: n },
    escalations: QUEUES.flatMap((q) =>
      ['dedicated-team:sla-breach', 'partner:agent', 'microsoft:agent'].map((t) => ({ member: `${q}>${t}`, count: n })),
    ),
    responses: (['maker', 'co-owners'] as const).map((role) => ({ role, answered: n, meanMs: 36_000_000, buckets: [] })),
    busiest: Array.from({ length: TOP_SOLUTIONS }, (_, i) => ({
      member: `solution-${i}`,
      label: KOREAN.repeat(200).slice(0, 200),
      count: n,
    })),
    helpers: Array.from({ length: TOP_HELPERS }, (_, i) => ({
      aadObjectId: `id-${i}`,
      name: KOREAN.repeat(256).slice(0, 256),
      answered: n,
      resolved: n,
      meanMs: 1,
    })),
  };
}
