/**
 * The report card (cards/report.json): trends as Teams' Adaptive Card charts (Chart.Line,
 * Chart.Donut, Chart.HorizontalBar, Chart.VerticalBar; schema 1.5), the rest as facts. Every word
 * comes from locales/<lng>/reports.json; dates are instants, shown in the reader's locale and zone.
 */
import type { MessageKey } from '../domain/message-keys';
import type { Member, ReportFigures, Share } from '../domain/reports/report-figures';
import { instant, text, type Text } from '../domain/text';
import type { CardRef } from './cards';

const LABEL_KEYS: Record<'tier' | 'category' | 'route', (m: string) => MessageKey | undefined> = {
  tier: (m) => (m === 'none' ? 'reports.card.noSolution' : (`labels.tier.${m}` as MessageKey)),
  category: (m) => `labels.category.${m}` as MessageKey,
  route: (m) => `labels.party.${m}` as MessageKey,
};

/** Noon of a UTC day: the same date in every time zone. */
const dayInstant = (day: string) => instant(`${day}T12:00:00.000Z`, 'date');
const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part * 100) / whole));

function share(s: Share): Text {
  return s.whole === 0
    ? text('reports.card.noneYet')
    : text('reports.card.share', { part: s.part, whole: s.whole, percent: percent(s.part, s.whole) });
}

function slices(members: readonly Member[], dimension: keyof typeof LABEL_KEYS) {
  return members.map((m) => {
    const key = LABEL_KEYS[dimension](m.member);
    return { legend: key ? text(key) : m.member, value: m.count };
  });
}

/** The card shows at most this many SLA lines and escalation paths (the busiest); the CSV has them all. */
export const MAX_SLA_LINES = 24;
export const MAX_ESCALATION_LINES = 15;

const hours = (ms: number | undefined) => (ms === undefined ? 0 : Math.round(ms / 360_000) / 10);

export function reportCard(r: ReportFigures, now: Date): CardRef {
  const weeks = r.weeks.map((w) => ({ x: dayInstant(w.from), requests: w.requests, tickets: w.tickets }));
  const requested = r.weeks.some((w) => w.requests > 0 || w.tickets > 0 || w.articleAnswers > 0);
  return {
    card: 'report',
    data: {
      heading: text('reports.card.heading'),
      period: text('reports.card.period', { from: dayInstant(r.period.from), to: dayInstant(r.period.to), at: instant(now.toISOString()) }),
      empty: !requested,
      emptyText: text('reports.card.empty'),
      weeklyTitle: text('reports.card.weekly'),
      requestsLegend: text('reports.card.requests'),
      ticketsLegend: text('reports.card.tickets'),
      requestSeries: weeks.map((w) => ({ x: w.x, y: w.requests })),
      ticketSeries: weeks.map((w) => ({ x: w.x, y: w.tickets })),
      byTierTitle: text('reports.card.byTier'),
      byTier: slices(r.requestsBy.tier, 'tier'),
      byCategoryTitle: text('reports.card.byCategory'),
      byCategory: slices(r.requestsBy.category, 'category'),
      byRouteTitle: text('reports.card.byRoute'),
      byRoute: slices(r.requestsBy.route, 'route'),
      hasSla: r.sla.length > 0,
      slaTitle: text('reports.card.sla'),
      sla: [...r.sla]
        .sort((a, b) => b.total - a.total)
        .slice(0, MAX_SLA_LINES)
        .map((s) => ({
          x: text('reports.card.slaLine', {
            severity: s.severity,
            clock: text(s.clock === 'first-response' ? 'reports.card.firstResponse' : 'reports.card.resolution'),
            queue: s.queue,
          }),
          y: percent(s.met, s.total),
          fact: text('reports.card.slaFact', { met: s.met, total: s.total, percent: percent(s.met, s.total) }),
        })),
      backlogTitle: text('reports.card.backlog', { open: r.backlog.open }),
      backlog: r.backlog.ages.map((a) => ({ x: a.member, y: a.count })),
      ratesTitle: text('reports.card.rates'),
      reopenedTitle: text('reports.card.reopened'),
      reopened: share(r.reopenRate),
      articleTitle: text('reports.card.answeredByArticle'),
      article: share(r.articleRate),
      responsesTitle: text('reports.card.responses'),
      responses: r.responses.map((x) => ({
        title: text(x.role === 'maker' ? 'reports.card.makerResponse' : 'reports.card.coOwnerResponse'),
        value:
          x.answered === 0
            ? text('reports.card.noneYet')
            : text('reports.card.responseValue', { count: x.answered, hours: hours(x.meanMs) }),
      })),
      hasEscalations: r.escalations.length > 0,
      escalationsTitle: text('reports.card.escalations'),
      escalations: r.escalations
        .slice(0, MAX_ESCALATION_LINES)
        .map((e) => ({ title: e.member.replace('>', ' → '), value: String(e.count) })),
      hasBusiest: r.busiest.length > 0,
      busiestTitle: text('reports.card.busiest'),
      busiest: r.busiest.map((b) => ({ x: b.label ?? b.member, y: b.count })),
      hasHelpers: r.helpers.length > 0,
      helpersTitle: text('reports.card.helpers'),
      helpers: r.helpers.map((h) => ({
        title: h.name ?? h.aadObjectId,
        value: text('reports.card.helperLine', { answered: h.answered, resolved: h.resolved }),
      })),
    },
  };
}
