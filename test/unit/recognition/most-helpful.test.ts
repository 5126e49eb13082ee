import { mostHelpful, thankedHelpers } from '../../../src/domain/recognition/most-helpful';
import { helpersOf, reportFigures } from '../../../src/domain/reports/report-figures';
import { reportRows } from '../../../src/domain/reports/report-rows';
import { emptyTallies, tally } from '../../../src/domain/reports/report-tallies';
import { solutionsOf } from '../../../src/domain/recognition/thanks';

const person = (aadObjectId: string, answered: number, resolved: number, meanMs?: number) => ({
  aadObjectId,
  answered,
  resolved,
  ...(meanMs !== undefined ? { meanMs } : {}),
});

describe('the most helpful makers and co-owners', () => {
  it('ranks by requests resolved, then answered, then the quicker first answer, then the id', () => {
    const people = [
      person('e', 9, 0, 1_000),
      person('d', 1, 3),
      person('c', 4, 3, 5_000),
      person('b', 4, 3, 2_000),
      person('a', 4, 3, 2_000),
      person('f', 0, 1),
    ];
    expect(mostHelpful(people, new Set(), 10).map((h) => h.aadObjectId)).toEqual(['a', 'b', 'c', 'd', 'f', 'e']);
  });

  it('leaves out who opted out before taking the top, so it still names as many as it can', () => {
    const people = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'].map((id, i) => person(id, 1, 10 - i));
    const top = mostHelpful(people, new Set(['p1', 'p3']), 5);
    expect(top.map((h) => h.aadObjectId)).toEqual(['p2', 'p4', 'p5', 'p6', 'p7']);
    // Object ids are compared in lower case, however the counters spelt them.
    expect(mostHelpful([person('AB-CD', 1, 1)], new Set(['ab-cd']), 5)).toEqual([]);
  });

  it('names nobody for an empty period, a limit of 0, or people with nothing counted', () => {
    expect(mostHelpful([], new Set(), 5)).toEqual([]);
    expect(mostHelpful([person('a', 1, 1)], new Set(), 0)).toEqual([]);
    expect(mostHelpful([person('a', 0, 0)], new Set(), 5)).toEqual([]);
  });

  it('thanks people who reached the minimum and did not opt out', () => {
    const people = [person('a', 1, 0), person('b', 0, 2), person('c', 1, 1), person('d', 3, 3)];
    expect(thankedHelpers(people, new Set(), 1).map((h) => h.aadObjectId)).toEqual(['a', 'b', 'c', 'd']);
    expect(thankedHelpers(people, new Set(['d']), 2).map((h) => h.aadObjectId)).toEqual(['b', 'c']);
  });

  it('the report card and the CSV name the same people, opted-out ones left out', () => {
    const t = emptyTallies();
    const at = '2026-11-10T10:00:00Z';
    const answer = (p: string, n: string, waitedMs: number) =>
      tally({ facts: [{ fact: 'request-answered', at, role: 'maker', waitedMs, person: p, name: n }] }, t);
    const resolve = (p: string, n: string) => tally({ facts: [{ fact: 'request-resolved', at, person: p, name: n, role: 'maker' }] }, t);
    answer('megan', 'Megan Bowen', 60_000);
    resolve('megan', 'Megan Bowen');
    answer('lee', 'Lee Gu', 30_000);
    answer('lee', 'Lee Gu', 90_000);
    resolve('nestor', 'Nestor Wilke');
    resolve('nestor', 'Nestor Wilke');
    const period = { from: '2026-11-01', to: '2026-11-30' };
    const figures = reportFigures(t.days, {}, period, new Date('2026-11-30T12:00:00Z'), new Set(['lee']));
    expect(figures.helpers.map((h) => [h.name, h.resolved, h.answered])).toEqual([
      ['Nestor Wilke', 2, 0],
      ['Megan Bowen', 1, 1],
    ]);
    const rows = reportRows(t.days, {}, period, new Set(['lee'])).filter((r) => r.dimension === 'person');
    expect(rows.map((r) => [r.measure, r.member, r.label, r.value, r.periodStart, r.periodEnd])).toEqual([
      ['most_helpful_resolved', 'nestor', 'Nestor Wilke', 2, '2026-11-01', '2026-11-30'],
      ['most_helpful_answered', 'nestor', 'Nestor Wilke', 0, '2026-11-01', '2026-11-30'],
      ['most_helpful_resolved', 'megan', 'Megan Bowen', 1, '2026-11-01', '2026-11-30'],
      ['most_helpful_answered', 'megan', 'Megan Bowen', 1, '2026-11-01', '2026-11-30'],
    ]);
    // Without opt-outs Lee is named, with the mean of his two first answers.
    expect(helpersOf({ counts: t.days.get('2026-11-10')!.counts, labels: {} }).find((h) => h.aadObjectId === 'lee')).toMatchObject({
      answered: 2,
      meanMs: 60_000,
    });
  });
});

describe('the solutions a person helped with', () => {
  it('counts each solution once, whatever the number of requests, and only that person’s', () => {
    const t = emptyTallies();
    const at = '2026-11-10T10:00:00Z';
    const dims = (solutionId: string) => ({
      tier: 'Productivity' as const,
      category: 'solution-problem' as const,
      severity: 'C' as const,
      solutionId,
    });
    tally({ dims: dims('a'), facts: [{ fact: 'request-answered', at, role: 'maker', waitedMs: 1, person: 'megan' }] }, t);
    tally({ dims: dims('a'), facts: [{ fact: 'request-resolved', at, person: 'megan', role: 'maker' }] }, t);
    tally({ dims: dims('b|with a bar'), facts: [{ fact: 'request-resolved', at, person: 'megan', role: 'co-owners' }] }, t);
    tally({ dims: dims('c'), facts: [{ fact: 'request-answered', at, role: 'co-owners', waitedMs: 1, person: 'lee' }] }, t);
    // A request without a solution, or resolved by nobody in particular, credits no solution.
    tally({ facts: [{ fact: 'request-answered', at, role: 'maker', waitedMs: 1, person: 'megan' }] }, t);
    tally({ dims: dims('d'), facts: [{ fact: 'request-resolved', at }] }, t);
    const counts = t.days.get('2026-11-10')!.counts;
    expect(solutionsOf(counts, 'megan')).toBe(2);
    expect(solutionsOf(counts, 'lee')).toBe(1);
    expect(solutionsOf(counts, 'nobody')).toBe(0);
    // People's solution keys never reach the CSV.
    expect(reportRows(t.days, {}, { from: '2026-11-10', to: '2026-11-10' }).filter((r) => r.member.includes('megan|'))).toEqual([]);
  });
});
