import fc from 'fast-check';
import type { FeedEntry, FeedFact } from '../../../src/domain/reports/report-feed';
import { backlogOf, membersOf, reportFigures } from '../../../src/domain/reports/report-figures';
import { daysOf, lastWeeks, parsePeriod as parse, periodBetween, weeksOf } from '../../../src/domain/reports/report-period';
import { periodVocabulary } from '../../../src/i18n/period-words';
import { cellOf, reportRows } from '../../../src/domain/reports/report-rows';
import { bucketOf, emptyTallies, mergeDay, tally, type DayCounts, type Tallies } from '../../../src/domain/reports/report-tallies';

const TODAY = new Date('2026-11-26T15:00:00Z');
const parsePeriod = (words: string, today: Date) => parse(words, today, periodVocabulary());

describe('report periods', () => {
  it('reads "report" and "last N days|weeks|months" as whole weeks ending today', () => {
    expect(parsePeriod('', TODAY)).toEqual({ from: '2026-10-30', to: '2026-11-26' });
    expect(parsePeriod('last 1 week', TODAY)).toEqual({ from: '2026-11-20', to: '2026-11-26' });
    expect(parsePeriod('LAST 10 days', TODAY)).toEqual({ from: '2026-11-13', to: '2026-11-26' });
    expect(parsePeriod('last 3 months', TODAY)).toEqual(lastWeeks(12, TODAY));
    expect(parsePeriod('last 999 weeks', TODAY)).toEqual(lastWeeks(104, TODAY));
    expect(parsePeriod('last month', TODAY)).toEqual(lastWeeks(4, TODAY));
    for (const bad of [
      'last 0 days',
      'next 4 weeks',
      'last 4 years',
      'last 1234 days',
      '4 weeks 2 days',
      'a bug in my app',
      'x'.repeat(61),
    ])
      expect(parsePeriod(bad, TODAY)).toBeUndefined();
  });

  it("reads a period in each of the bot's languages, whatever the order of its words", () => {
    expect(parsePeriod('4 dernières semaines', TODAY)).toEqual(lastWeeks(4, TODAY));
    expect(parsePeriod('sur les 30 derniers jours', TODAY)).toEqual(lastWeeks(5, TODAY));
    expect(parsePeriod('3 DERNIERS MOIS', TODAY)).toEqual(lastWeeks(12, TODAY));
    expect(parsePeriod('senaste 4 veckorna', TODAY)).toEqual(lastWeeks(4, TODAY));
    expect(parsePeriod('de senaste 30 dagarna', TODAY)).toEqual(lastWeeks(5, TODAY));
    expect(parsePeriod('최근 4주', TODAY)).toEqual(lastWeeks(4, TODAY));
    expect(parsePeriod('최근 3개월', TODAY)).toEqual(lastWeeks(12, TODAY));
    expect(parsePeriod('지난 30일', TODAY)).toEqual(lastWeeks(5, TODAY));
    // Decomposed input (jamo, e + combining accent) is the same text.
    expect(parsePeriod('최근 4주'.normalize('NFD'), TODAY)).toEqual(lastWeeks(4, TODAY));
    expect(parsePeriod('4 dernie\u0300res semaines', TODAY)).toEqual(lastWeeks(4, TODAY));
    for (const bad of ['4 semaines prochaines', '다음 4주', 'nästa 4 veckor']) expect(parsePeriod(bad, TODAY)).toBeUndefined();
  });

  it('takes CLI dates only when they are real days in order and within 104 weeks', () => {
    expect(periodBetween('2026-01-01', '2026-01-31')).toEqual({ from: '2026-01-01', to: '2026-01-31' });
    for (const [a, b] of [
      ['2026-02-30', '2026-03-01'],
      ['2026-03-02', '2026-03-01'],
      ['2024-01-01', '2026-01-01'],
      ['1/1/2026', '2026-01-02'],
    ]) {
      expect(periodBetween(a, b)).toBeUndefined();
    }
  });

  it('splits any period into weeks that cover every day once, the last ending on the last day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 700 }), fc.integer({ min: 0, max: 3000 }), (span, offset) => {
        const from = new Date(Date.UTC(2024, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
        const to = new Date(Date.UTC(2024, 0, 1) + (offset + span) * 86_400_000).toISOString().slice(0, 10);
        const weeks = weeksOf({ from, to });
        const covered = weeks.flatMap((w) => daysOf(w));
        expect(covered).toEqual(daysOf({ from, to }));
        expect(weeks[weeks.length - 1].to).toBe(to);
        expect(weeks.slice(1).every((w) => daysOf(w).length === 7)).toBe(true);
      }),
    );
  });
});

const DIMS = { tier: 'Important', category: 'solution-problem', severity: 'B', solutionId: 'sol-1', solutionName: 'Expenses' } as const;

const factArb: fc.Arbitrary<FeedFact> = fc
  .tuple(
    fc.integer({ min: 0, max: 20 * 86_400_000 }),
    fc.integer({ min: 0, max: 8 }),
    fc.boolean(),
    fc.integer({ min: 0, max: 5 * 86_400_000 }),
  )
  .map(([ms, kind, flag, waited]) => {
    const at = new Date(Date.UTC(2026, 10, 1) + ms).toISOString();
    const facts: FeedFact[] = [
      { fact: 'request-submitted', at, route: flag ? 'maker' : 'help-desk' },
      {
        fact: 'request-answered',
        at,
        role: flag ? 'maker' : 'co-owners',
        waitedMs: waited,
        person: flag ? 'p1' : 'p2',
        name: flag ? 'Megan' : 'Adele',
      },
      { fact: 'request-resolved', at, ...(flag ? { person: 'p1', role: 'maker' as const } : {}) },
      { fact: 'ticket-opened', at, queue: flag ? 'help-desk' : 'help-desk:finance' },
      { fact: 'sla', at, clock: flag ? 'first-response' : 'resolution', met: waited % 2 === 0, queue: 'help-desk' },
      { fact: 'ticket-resolved', at },
      { fact: 'ticket-reopened', at },
      { fact: 'backlog', at, openedAt: at, delta: flag ? 1 : -1 },
      { fact: 'article-answered', at },
    ];
    return facts[kind];
  });
const entryArb: fc.Arbitrary<FeedEntry> = fc
  .tuple(fc.array(factArb, { maxLength: 4 }), fc.boolean())
  .map(([facts, dims]) => ({ facts, ...(dims ? { dims: DIMS } : {}) }));

function plain(t: Tallies): { days: Record<string, DayCounts>; backlog: Record<string, number> } {
  return { days: Object.fromEntries([...t.days].sort(([a], [b]) => a.localeCompare(b))), backlog: t.backlog };
}

describe('report tallies', () => {
  it('any split of the feed into batches, folded in any order, gives the same counters', () => {
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 30 }), fc.integer({ min: 1, max: 10 }), fc.boolean(), (entries, size, reverse) => {
        const once = entries.reduce((t, e) => tally(e, t), emptyTallies());
        const batches: Tallies[] = [];
        for (let i = 0; i < entries.length; i += size)
          batches.push(entries.slice(i, i + size).reduce((t, e) => tally(e, t), emptyTallies()));
        if (reverse) batches.reverse();
        const folded = emptyTallies();
        for (const batch of batches) {
          for (const [day, counts] of batch.days)
            folded.days.set(day, mergeDay(folded.days.get(day) ?? { counts: {}, labels: {} }, counts));
          for (const [day, n] of Object.entries(batch.backlog)) {
            const sum = (folded.backlog[day] ?? 0) + n;
            if (sum === 0) delete folded.backlog[day];
            else folded.backlog[day] = sum;
          }
        }
        for (const [day, d] of [...folded.days])
          if (Object.keys(d.counts).length === 0 && Object.keys(d.labels).length === 0) folded.days.delete(day);
        for (const [day, d] of [...once.days])
          if (Object.keys(d.counts).length === 0 && Object.keys(d.labels).length === 0) once.days.delete(day);
        expect(plain(folded)).toEqual(plain(once));
      }),
    );
  });

  it('counts a submitted request under each of its dimensions and its route, on its UTC day', () => {
    const t = tally({ dims: DIMS, facts: [{ fact: 'request-submitted', at: '2026-11-03T23:30:00-02:00', route: 'co-owners' }] });
    expect(t.days.get('2026-11-04')).toEqual({
      counts: {
        req: 1,
        'req.tier|Important': 1,
        'req.cat|solution-problem': 1,
        'req.sev|B': 1,
        'req.sol|sol-1': 1,
        'req.route|co-owners': 1,
      },
      labels: { 'sol|sol-1': 'Expenses' },
    });
  });

  it('puts response times in buckets by their upper bound in hours', () => {
    expect([0, 3_599_999, 3_600_000, 4 * 3_600_000 - 1, 23 * 3_600_000, 24 * 3_600_000, 100 * 3_600_000].map(bucketOf)).toEqual([
      '<1',
      '<1',
      '<4',
      '<4',
      '<24',
      '<72',
      '72+',
    ]);
  });
});

const days = new Map<string, DayCounts>([
  ['2026-11-02', { counts: { req: 3, 'req.sol|a': 2, 'req.sol|b': 1, art: 1, 'esc|request>help-desk': 1 }, labels: { 'sol|a': 'Alpha' } }],
  [
    '2026-11-20',
    {
      counts: {
        req: 1,
        'req.sol|b': 1,
        tkt: 1,
        'tkt.resolved': 2,
        'tkt.reopened': 1,
        'sla|resolution|A|total|help-desk': 2,
        'sla|resolution|A|met|help-desk': 1,
      },
      labels: {},
    },
  ],
  ['2026-12-01', { counts: { req: 50 }, labels: {} }],
]);

describe('report figures', () => {
  it('sums only the period, by week, with rates and the busiest solutions', () => {
    const r = reportFigures(
      days,
      { '2026-11-25': 2, '2026-11-10': 1, '2026-10-01': 1, '2026-11-01': 0 },
      { from: '2026-10-30', to: '2026-11-26' },
      TODAY,
    );
    expect(r.weeks.map((w) => [w.from, w.requests, w.tickets])).toEqual([
      ['2026-10-30', 3, 0],
      ['2026-11-06', 0, 0],
      ['2026-11-13', 0, 0],
      ['2026-11-20', 1, 1],
    ]);
    expect(r.busiest).toEqual([
      { member: 'a', label: 'Alpha', count: 2 },
      { member: 'b', count: 2 },
    ]);
    expect(r.reopenRate).toEqual({ part: 1, whole: 2 });
    expect(r.articleRate).toEqual({ part: 1, whole: 5 });
    expect(r.sla).toEqual([{ clock: 'resolution', severity: 'A', queue: 'help-desk', met: 1, total: 2 }]);
    expect(r.escalations).toEqual([{ member: 'request>help-desk', count: 1 }]);
    expect(r.backlog).toEqual({
      open: 4,
      ages: [
        { member: '<1', count: 0 },
        { member: '<7', count: 2 },
        { member: '<30', count: 1 },
        { member: '30+', count: 1 },
      ],
    });
  });

  it('orders members by count, then by name', () => {
    expect(membersOf({ 'x|b': 1, 'x|a': 1, 'x|c': 3, 'y|a': 9 }, 'x|').map((m) => m.member)).toEqual(['c', 'a', 'b']);
  });

  it('ignores days whose backlog went to zero or below', () => {
    expect(backlogOf({ '2026-11-01': 0, '2026-11-02': -1 }, '2026-11-26').open).toBe(0);
  });
});

describe('report rows (CSV)', () => {
  it('names every counter kind the feed writes except people', () => {
    expect(cellOf('req.sol|x|y')).toEqual({ measure: 'requests', dimension: 'solution', member: 'x|y' });
    expect(cellOf('tkt.queue|help-desk:finance')).toEqual({ measure: 'tickets', dimension: 'queue', member: 'help-desk:finance' });
    expect(cellOf('sla|first-response|A|met|help-desk')).toEqual({
      measure: 'sla_first_response_met',
      dimension: 'severity_queue',
      member: 'A/help-desk',
    });
    expect(cellOf('resp|co-owners|b|<4')).toEqual({ measure: 'responses_within_hours', dimension: 'co-owners', member: '<4' });
    expect(cellOf('resp|maker|ms')).toEqual({ measure: 'response_ms_total', dimension: 'role', member: 'maker' });
    expect(cellOf('person|answered|p1')).toBeUndefined();
    expect(cellOf('art')).toEqual({ measure: 'article_answers', dimension: 'all', member: '' });
  });

  it('writes one row per week and counter, then the backlog by age', () => {
    const rows = reportRows(days, {}, { from: '2026-11-01', to: '2026-11-14' });
    expect(rows.filter((r) => r.measure === 'requests' && r.dimension === 'solution')).toEqual([
      {
        periodStart: '2026-11-01',
        periodEnd: '2026-11-07',
        measure: 'requests',
        dimension: 'solution',
        member: 'a',
        label: 'Alpha',
        value: 2,
      },
      { periodStart: '2026-11-01', periodEnd: '2026-11-07', measure: 'requests', dimension: 'solution', member: 'b', label: '', value: 1 },
    ]);
    expect(rows.filter((r) => r.measure === 'backlog_open')).toHaveLength(4);
    expect(rows.some((r) => r.periodStart === '2026-11-08' && r.measure !== 'backlog_open')).toBe(false);
  });
});
