import { UnknownValueError } from '../../../src/domain/errors';
import { REQUEST_CATEGORIES, type RequestCategory } from '../../../src/domain/request-category';
import { everyoneReachable, routeRequest, type Reachability, type Route, type RouteInput } from '../../../src/domain/routing';
import { IMPACTS, URGENCIES, severityOf, type Impact, type Urgency } from '../../../src/domain/severity';
import { TIERS, type Solution, type Tier } from '../../../src/domain/solution';
import { adele, lynne, megan, requester, solution } from './fixtures';

function route(overrides: Partial<RouteInput> & { solution?: Solution | undefined } = {}): Route {
  const s = 'solution' in overrides ? overrides.solution : solution();
  return routeRequest({
    category: 'solution-problem',
    impact: 'me',
    urgency: 'workaround',
    reachability: everyoneReachable(s),
    requesterId: requester.aadObjectId,
    ...overrides,
    solution: s,
  });
}

const nobodyReachable: Reachability = { makerReachable: false, reachableCoOwnerIds: [] };

/** The fields that identify a route, for compact table rows. */
function summary(r: Route) {
  return {
    kind: r.kind,
    reason: r.reason,
    notInCatalog: r.kind === 'help-desk' || r.kind === 'dedicated-team' ? r.notInCatalog : undefined,
    handToDedicatedTeam: r.kind === 'help-desk' ? r.handToDedicatedTeam : undefined,
    people: r.kind === 'maker' ? [r.maker.displayName] : r.kind === 'co-owners' ? r.coOwners.map((p) => p.displayName) : [],
  };
}

describe('routeRequest: the routing list of issue 4', () => {
  test.each<[string, Partial<RouteInput> & { solution?: Solution | undefined }, ReturnType<typeof summary>]>([
    [
      'problem + Productivity → maker',
      { solution: solution({ tier: 'Productivity' }) },
      { kind: 'maker', reason: 'productivity-problem', notInCatalog: undefined, handToDedicatedTeam: undefined, people: ['Megan Bowen'] },
    ],
    [
      'problem + Important → co-owners',
      { solution: solution({ tier: 'Important' }) },
      {
        kind: 'co-owners',
        reason: 'important-problem',
        notInCatalog: undefined,
        handToDedicatedTeam: undefined,
        people: ['Adele Vance', 'Lynne Robbins'],
      },
    ],
    [
      'problem + Critical → help desk ticket',
      { solution: solution({ tier: 'Critical' }), impact: 'team', urgency: 'blocked' },
      { kind: 'help-desk', reason: 'critical-solution', notInCatalog: false, handToDedicatedTeam: false, people: [] },
    ],
    [
      'Sev A on a Critical solution → help desk, handed to the dedicated team at once',
      { solution: solution({ tier: 'Critical' }), impact: 'organisation', urgency: 'blocked' },
      { kind: 'help-desk', reason: 'critical-sev-a', notInCatalog: false, handToDedicatedTeam: true, people: [] },
    ],
    [
      'solution not in the catalog → help desk flagged not in catalog',
      { solution: undefined },
      { kind: 'help-desk', reason: 'not-in-catalog', notInCatalog: true, handToDedicatedTeam: false, people: [] },
    ],
    [
      'maker left (orphaned) → co-owners',
      { solution: solution({ status: 'orphaned' }) },
      {
        kind: 'co-owners',
        reason: 'maker-orphaned',
        notInCatalog: undefined,
        handToDedicatedTeam: undefined,
        people: ['Adele Vance', 'Lynne Robbins'],
      },
    ],
    [
      'maker unreachable → co-owners',
      { reachability: { makerReachable: false, reachableCoOwnerIds: [adele.aadObjectId, lynne.aadObjectId] } },
      {
        kind: 'co-owners',
        reason: 'maker-unreachable',
        notInCatalog: undefined,
        handToDedicatedTeam: undefined,
        people: ['Adele Vance', 'Lynne Robbins'],
      },
    ],
    [
      'maker orphaned, no co-owners → help desk',
      { solution: solution({ status: 'orphaned', coOwners: [] }) },
      { kind: 'help-desk', reason: 'no-reachable-support', notInCatalog: false, handToDedicatedTeam: false, people: [] },
    ],
    [
      'maker unreachable, no co-owners → help desk',
      { solution: solution({ coOwners: [] }), reachability: nobodyReachable },
      { kind: 'help-desk', reason: 'no-reachable-support', notInCatalog: false, handToDedicatedTeam: false, people: [] },
    ],
    [
      'maker stuck → dedicated team',
      { category: 'maker-stuck', requesterId: megan.aadObjectId },
      { kind: 'dedicated-team', reason: 'maker-stuck', notInCatalog: false, handToDedicatedTeam: undefined, people: [] },
    ],
    [
      'graduation request → dedicated team',
      { category: 'graduation', requesterId: megan.aadObjectId },
      { kind: 'dedicated-team', reason: 'graduation-request', notInCatalog: false, handToDedicatedTeam: undefined, people: [] },
    ],
  ])('%s', (_name, input, expected) => {
    expect(summary(route(input))).toEqual(expected);
  });

  describe('access / finding / connector / platform → help desk whatever the tier', () => {
    const questions = ['access', 'find-or-how-to', 'connector-or-environment', 'platform-issue'] as const;
    const solutions: [string, Solution | undefined][] = [
      ['no solution', undefined],
      ...TIERS.map((tier): [string, Solution] => [tier, solution({ tier })]),
      ['retired', solution({ status: 'retired' })],
    ];
    const rows = questions.flatMap((category) => solutions.map(([label, s]) => [category, label, s] as const));

    test.each(rows)('%s with %s', (category, _label, s) => {
      for (const impact of IMPACTS) {
        for (const urgency of URGENCIES) {
          const r = route({ category, solution: s, impact, urgency });
          expect(r).toMatchObject({ kind: 'help-desk', reason: category, notInCatalog: false, handToDedicatedTeam: false });
          expect(r.severity).toBe(severityOf(impact, urgency));
          expect(r.supportType).toBe(3);
        }
      }
    });

    test('a platform issue suggests a Microsoft support case; other questions do not', () => {
      expect(route({ category: 'platform-issue', solution: undefined })).toMatchObject({ suggestedEscalation: 'microsoft' });
      expect(route({ category: 'access' })).not.toHaveProperty('suggestedEscalation');
    });
  });
});

describe('routeRequest: severity and the dedicated-team hand-off', () => {
  const cells = IMPACTS.flatMap((impact) => URGENCIES.map((urgency) => [impact, urgency] as [Impact, Urgency]));

  test.each(cells)('Critical problem, impact %s, %s: handed over only when Sev A', (impact, urgency) => {
    const r = route({ solution: solution({ tier: 'Critical' }), impact, urgency });
    const sevA = severityOf(impact, urgency) === 'A';
    expect(r).toMatchObject({
      kind: 'help-desk',
      reason: sevA ? 'critical-sev-a' : 'critical-solution',
      handToDedicatedTeam: sevA,
      severity: severityOf(impact, urgency),
    });
  });

  test.each<Tier>(['Productivity', 'Important'])('Sev A on a %s solution keeps its tier route', (tier) => {
    const r = route({ solution: solution({ tier }), impact: 'organisation', urgency: 'blocked' });
    expect(r.kind).toBe(tier === 'Productivity' ? 'maker' : 'co-owners');
    expect(r.severity).toBe('A');
  });

  test('Sev A not in the catalog is a plain help desk ticket', () => {
    expect(route({ solution: undefined, impact: 'organisation', urgency: 'blocked' })).toMatchObject({
      reason: 'not-in-catalog',
      handToDedicatedTeam: false,
      severity: 'A',
    });
  });
});

describe('routeRequest: fallbacks and edge cases', () => {
  test('the maker route names the maker, with a chat link, as support type 1', () => {
    const r = route();
    expect(r).toMatchObject({ kind: 'maker', maker: megan, supportType: 1, skipped: [] });
    if (r.kind !== 'maker') throw new Error('expected maker');
    expect(r.chatLink).toBe('https://teams.microsoft.com/l/chat/0/0?users=megan.bowen%40contoso.com');
  });

  test('only reachable co-owners are pinged', () => {
    const r = route({
      solution: solution({ tier: 'Important' }),
      reachability: { makerReachable: true, reachableCoOwnerIds: [lynne.aadObjectId] },
    });
    expect(summary(r).people).toEqual(['Lynne Robbins']);
  });

  test.each<[string, Solution, Reachability, string]>([
    ['Important, no co-owners', solution({ tier: 'Important', coOwners: [] }), everyoneReachable(undefined), 'none'],
    ['Important, co-owners unreachable', solution({ tier: 'Important' }), nobodyReachable, 'unreachable'],
  ])('%s → help desk', (_name, s, reachability, why) => {
    expect(route({ solution: s, reachability })).toMatchObject({
      kind: 'help-desk',
      reason: 'no-reachable-support',
      skipped: [{ party: 'co-owners', why }],
    });
  });

  test('orphaned Productivity with unreachable co-owners → help desk, with the whole trail', () => {
    const r = route({ solution: solution({ status: 'orphaned' }), reachability: nobodyReachable });
    expect(r).toMatchObject({
      kind: 'help-desk',
      reason: 'no-reachable-support',
      skipped: [
        { party: 'maker', person: megan, why: 'orphaned' },
        { party: 'co-owners', why: 'unreachable' },
      ],
    });
  });

  test('an orphaned maker is not pinged even when listed as a co-owner', () => {
    const s = solution({ status: 'orphaned', coOwners: [megan, adele] });
    expect(summary(route({ solution: s })).people).toEqual(['Adele Vance']);
    expect(summary(route({ solution: { ...s, tier: 'Important' } })).people).toEqual(['Adele Vance']);
  });

  test('an unreachable maker listed as a co-owner is not pinged as a co-owner', () => {
    const s = solution({ coOwners: [megan] });
    const r = route({ solution: s, reachability: { makerReachable: false, reachableCoOwnerIds: [megan.aadObjectId] } });
    expect(r).toMatchObject({ kind: 'help-desk', reason: 'no-reachable-support' });
  });

  test('an active maker who is also a co-owner of an Important solution is pinged', () => {
    const r = route({ solution: solution({ tier: 'Important', coOwners: [megan, adele] }) });
    expect(summary(r).people).toEqual(['Megan Bowen', 'Adele Vance']);
  });

  test('the maker reporting a problem with their own Productivity app goes to the co-owners', () => {
    const r = route({ requesterId: megan.aadObjectId });
    expect(r).toMatchObject({
      kind: 'co-owners',
      reason: 'maker-is-requester',
      skipped: [{ party: 'maker', person: megan, why: 'is-requester' }],
    });
  });

  test('the maker reporting on their own app with no co-owners → help desk', () => {
    const r = route({ requesterId: megan.aadObjectId, solution: solution({ coOwners: [] }) });
    expect(r).toMatchObject({ kind: 'help-desk', reason: 'no-reachable-support' });
  });

  test('a co-owner who raises the request is not pinged about it', () => {
    const r = route({ solution: solution({ tier: 'Important' }), requesterId: adele.aadObjectId });
    expect(summary(r).people).toEqual(['Lynne Robbins']);
  });

  test('the only co-owner raising the request → help desk (no co-owners left)', () => {
    const r = route({ solution: solution({ tier: 'Important', coOwners: [adele] }), requesterId: adele.aadObjectId });
    expect(r).toMatchObject({ kind: 'help-desk', reason: 'no-reachable-support', skipped: [{ party: 'co-owners', why: 'none' }] });
  });

  test('without a requester id nobody is excluded', () => {
    const r = route({ requesterId: undefined, solution: solution({ tier: 'Important' }) });
    expect(summary(r).people).toEqual(['Adele Vance', 'Lynne Robbins']);
  });

  test.each(TIERS)('a retired %s solution → help desk', (tier) => {
    expect(route({ solution: solution({ tier, status: 'retired' }), impact: 'organisation', urgency: 'blocked' })).toMatchObject({
      kind: 'help-desk',
      reason: 'solution-retired',
      handToDedicatedTeam: false,
      notInCatalog: false,
    });
  });

  test('an orphaned or unreachable maker does not change a Critical route', () => {
    const s = solution({ tier: 'Critical', status: 'orphaned', coOwners: [] });
    expect(route({ solution: s, reachability: nobodyReachable })).toMatchObject({ kind: 'help-desk', reason: 'critical-solution' });
  });

  test('the co-owner route carries the solution support channel when there is one', () => {
    const r = route({ solution: solution({ tier: 'Important', supportChannel: 'Finance Apps > Support' }) });
    expect(r).toMatchObject({ kind: 'co-owners', supportChannel: 'Finance Apps > Support', supportType: 2 });
    expect(route({ solution: solution({ tier: 'Important' }) })).not.toHaveProperty('supportChannel');
  });

  test.each<[Tier, Tier | undefined]>([
    ['Productivity', 'Important'],
    ['Important', 'Critical'],
    ['Critical', undefined],
  ])('graduation of a %s solution asks for %s', (tier, next) => {
    const r = route({ category: 'graduation', solution: solution({ tier }) });
    expect(r).toMatchObject({ kind: 'dedicated-team', reason: 'graduation-request', supportType: 4 });
    if (r.kind !== 'dedicated-team') throw new Error('expected dedicated team');
    expect(r.graduateTo).toBe(next);
  });

  test.each<RequestCategory>(['maker-stuck', 'graduation'])('%s for a solution not in the catalog is flagged', (category) => {
    const r = route({ category, solution: undefined });
    expect(r).toMatchObject({ kind: 'dedicated-team', notInCatalog: true });
    expect(r).not.toHaveProperty('graduateTo');
  });

  test.each(['retired', 'orphaned'] as const)('maker stuck on a %s solution still reaches the dedicated team', (status) => {
    expect(route({ category: 'maker-stuck', solution: solution({ status }) })).toMatchObject({ kind: 'dedicated-team' });
  });

  test('every category with every solution state gives a route with its severity and the solution', () => {
    const states: (Solution | undefined)[] = [undefined];
    for (const tier of TIERS) for (const status of ['active', 'orphaned', 'retired'] as const) states.push(solution({ tier, status }));
    for (const category of REQUEST_CATEGORIES) {
      for (const s of states) {
        for (const reachability of [everyoneReachable(s), nobodyReachable]) {
          const r = routeRequest({ category, impact: 'team', urgency: 'blocked', solution: s, reachability });
          expect(r.severity).toBe('B');
          expect(r.solution).toBe(s);
          expect(r.category).toBe(category);
        }
      }
    }
  });

  test('unvalidated data that slips past the types is refused with a typed error', () => {
    expect(() => route({ category: 'nonsense' as RequestCategory })).toThrow(UnknownValueError);
    expect(() => route({ solution: solution({ tier: 'Huge' as Tier }) })).toThrow(UnknownValueError);
  });

  test('everyoneReachable lists every co-owner', () => {
    expect(everyoneReachable(solution())).toEqual({ makerReachable: true, reachableCoOwnerIds: [adele.aadObjectId, lynne.aadObjectId] });
    expect(everyoneReachable(undefined)).toEqual({ makerReachable: true, reachableCoOwnerIds: [] });
  });
});
