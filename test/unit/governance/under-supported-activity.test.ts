/**
 * The two signals counted from the report counters: many requests for the solution's tier, and
 * repeated timeouts of its maker or co-owners. Every tier, status and value around each threshold.
 */
import { activityWindow, solutionActivity } from '../../../src/domain/governance/solution-activity';
import { underSupportReasons, underSupportSignals, type UnderSupportThresholds } from '../../../src/domain/governance/under-supported';
import type { DayCounts } from '../../../src/domain/reports/report-tallies';
import type { Solution, Tier } from '../../../src/domain/solution';

const AT = '2026-11-23T09:30:00.000Z';
const megan = { aadObjectId: '79a4d994-151f-4573-9813-92f75a1223df', displayName: 'Megan Bowen', email: 'meganb@contoso.example' };
const lee = { aadObjectId: 'f0fcce3d-482b-4e59-81e2-542c7050214b', displayName: 'Lee Gu', email: 'leeg@contoso.example' };
const T: UnderSupportThresholds = { sharedUsers: 100, launches: 800, requests: { Productivity: 10, Important: 40 }, timeouts: 3 };
const solution = (tier: Tier, extra: Partial<Solution> = {}): Solution => ({
  id: 's',
  name: 'S',
  kind: 'canvas-app',
  environment: 'E',
  tier,
  maker: megan,
  coOwners: [lee],
  dataSources: [],
  status: 'active',
  createdAt: AT,
  updatedAt: AT,
  ...extra,
});

describe('many requests for the tier', () => {
  const cases: Array<[Tier, number, boolean]> = [];
  for (const [tier, threshold] of [
    ['Productivity', 10],
    ['Important', 40],
  ] as const)
    for (const requests of [0, 1, threshold - 1, threshold, threshold + 1, threshold * 100])
      cases.push([tier, requests, requests >= threshold]);
  for (const requests of [0, 10, 40, 100_000]) cases.push(['Critical', requests, false]);

  it.each(cases)('%s with %i requests: flagged %s', (tier, requests, flagged) => {
    const signals = underSupportSignals(solution(tier), T, { requests, timeouts: 0 });
    if (!flagged) return expect(signals).toEqual([]);
    const threshold = tier === 'Productivity' ? 10 : 40;
    expect(signals).toEqual([{ reason: 'many-requests', figure: { value: requests, threshold } }]);
  });

  it('without a co-owner, a busy Productivity solution also needs one', () =>
    expect(underSupportReasons(solution('Productivity', { coOwners: [] }), T, { requests: 10, timeouts: 0 })).toEqual([
      'many-requests',
      'no-co-owners',
    ]));

  it('is not looked at without thresholds for it', () => {
    const { requests: _r, timeouts: _t, ...usageOnly } = T;
    expect(underSupportSignals(solution('Productivity'), usageOnly, { requests: 10_000, timeouts: 10_000 })).toEqual([]);
  });
});

describe('repeated maker timeouts', () => {
  it.each([
    ['Productivity', 0, false],
    ['Productivity', 2, false],
    ['Productivity', 3, true],
    ['Productivity', 50, true],
    ['Important', 2, false],
    ['Important', 3, true],
    ['Critical', 3, false],
    ['Critical', 1_000, false],
  ] as const)('%s with %i timeouts: flagged %s', (tier, timeouts, flagged) => {
    const signals = underSupportSignals(solution(tier), T, { requests: 0, timeouts });
    expect(signals).toEqual(flagged ? [{ reason: 'maker-timeouts', figure: { value: timeouts, threshold: 3 } }] : []);
  });

  it('a retired solution is never flagged, whatever its figures', () =>
    expect(underSupportSignals(solution('Productivity', { status: 'retired' }), T, { requests: 1_000, timeouts: 1_000 })).toEqual([]));

  it('every signal at once, in the fixed order, each with its figure', () => {
    const busy = solution('Productivity', { coOwners: [], status: 'orphaned', usage: { sharedUsers: 150, sessions: 900 } });
    expect(underSupportSignals(busy, T, { requests: 12, timeouts: 4 })).toEqual([
      { reason: 'highly-shared', figure: { value: 150, threshold: 100 } },
      { reason: 'highly-used', figure: { value: 900, threshold: 800 } },
      { reason: 'many-requests', figure: { value: 12, threshold: 10 } },
      { reason: 'no-active-maker' },
      { reason: 'no-co-owners' },
      { reason: 'maker-timeouts', figure: { value: 4, threshold: 3 } },
    ]);
  });
});

describe('the activity the counters give', () => {
  it('sums requests and timeouts per solution over the days, ignoring every other counter', () => {
    const days: DayCounts[] = [
      { counts: { req: 5, 'req.sol|a': 3, 'req.sol|b': 2, 'timeout.sol|a': 1, 'timeout|maker': 1, 'tkt.sol|a': 7 }, labels: {} },
      { counts: { 'req.sol|a': 4, 'timeout.sol|a': 2, 'timeout.sol|c': 1 }, labels: {} },
    ];
    expect(Object.fromEntries(solutionActivity(days))).toEqual({
      a: { requests: 7, timeouts: 3 },
      b: { requests: 2, timeouts: 0 },
      c: { requests: 0, timeouts: 1 },
    });
  });

  it.each([
    ['2026-11-23T09:30:00Z', 30, '2026-10-25', '2026-11-23'],
    ['2026-11-23T00:00:00Z', 1, '2026-11-23', '2026-11-23'],
    ['2026-03-01T23:59:59Z', 7, '2026-02-23', '2026-03-01'],
  ])('the window ending %s over %i days is %s to %s', (now, days, from, to) =>
    expect(activityWindow(new Date(now), days)).toEqual({ from, to }),
  );
});
