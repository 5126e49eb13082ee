import {
  EXPLANATION_KEYS,
  EXPLANATION_TEMPLATES_EN,
  explainRoute,
  joinNames,
  renderExplanation,
  solutionKindLabel,
  type ExplanationKey,
} from '../../../src/domain/route-explanation';
import { everyoneReachable, routeRequest, type RouteInput } from '../../../src/domain/routing';
import type { Solution } from '../../../src/domain/solution';
import { adele, megan, solution } from './fixtures';

function explain(overrides: Partial<RouteInput> & { solution?: Solution | undefined } = {}) {
  const s = 'solution' in overrides ? overrides.solution : solution();
  const route = routeRequest({
    category: 'solution-problem',
    impact: 'me',
    urgency: 'workaround',
    reachability: everyoneReachable(s),
    ...overrides,
    solution: s,
  });
  const explanation = explainRoute(route);
  return { ...explanation, text: renderExplanation(explanation) };
}

const unreachable = { makerReachable: false, reachableCoOwnerIds: [adele.aadObjectId] };

describe('explainRoute: every route in plain words', () => {
  test.each<[string, Partial<RouteInput> & { solution?: Solution | undefined }, ExplanationKey, string]>([
    ['maker', {}, 'route.maker.productivity', "Megan Bowen made this Productivity app and supports it themselves — we'll let them know."],
    [
      'co-owners',
      { solution: solution({ tier: 'Important', kind: 'flow' }) },
      'route.coOwners.important',
      "Expense Tracker is an Important flow supported by its co-owners — we'll ask Adele Vance and Lynne Robbins, and the first to pick it up will own it.",
    ],
    [
      'maker orphaned',
      { solution: solution({ status: 'orphaned', coOwners: [adele] }) },
      'route.coOwners.makerOrphaned',
      "Megan Bowen, who made Expense Tracker, has left — we'll ask its co-owners, Adele Vance, instead.",
    ],
    [
      'maker unreachable',
      { reachability: unreachable },
      'route.coOwners.makerUnreachable',
      "We can't reach Megan Bowen, who made Expense Tracker — we'll ask its co-owners, Adele Vance, instead.",
    ],
    [
      'maker is the requester',
      { requesterId: megan.aadObjectId, solution: solution({ coOwners: [adele] }) },
      'route.coOwners.makerIsRequester',
      "You made Expense Tracker, so we'll ask its co-owners, Adele Vance, to help.",
    ],
    ['critical', { solution: solution({ tier: 'Critical' }) }, 'route.helpDesk.critical', "This is a Critical app — we'll open a help desk ticket."],
    [
      'critical Sev A',
      { solution: solution({ tier: 'Critical', kind: 'chatbot' }), impact: 'organisation', urgency: 'blocked' },
      'route.helpDesk.criticalSevA',
      "This is a Critical chatbot and the impact is critical — we'll open a help desk ticket and hand it straight to the Power Platform team.",
    ],
    ['access', { category: 'access' }, 'route.helpDesk.access', "The help desk handles access to apps and data — we'll open a ticket."],
    [
      'find',
      { category: 'find-or-how-to', solution: undefined },
      'route.helpDesk.findOrHowTo',
      "The help desk can point you to the right app or explain how — we'll open a ticket.",
    ],
    [
      'connector',
      { category: 'connector-or-environment', solution: undefined },
      'route.helpDesk.connectorOrEnvironment',
      "The help desk handles new connectors and environments — we'll open a ticket.",
    ],
    [
      'platform',
      { category: 'platform-issue', solution: undefined },
      'route.helpDesk.platformIssue',
      "The help desk checks Power Platform service problems and raises them with Microsoft if needed — we'll open a ticket.",
    ],
    [
      'not in catalog',
      { solution: undefined },
      'route.helpDesk.notInCatalog',
      "This solution isn't in our catalog yet — we'll open a help desk ticket so they can find who supports it.",
    ],
    [
      'retired',
      { solution: solution({ status: 'retired' }) },
      'route.helpDesk.retired',
      "Expense Tracker has been retired — we'll open a help desk ticket so they can help you find what replaced it.",
    ],
    [
      'nobody reachable',
      { solution: solution({ coOwners: [] }), reachability: { makerReachable: false, reachableCoOwnerIds: [] } },
      'route.helpDesk.noReachableSupport',
      "Nobody who supports Expense Tracker can be reached right now — we'll open a help desk ticket.",
    ],
    [
      'maker stuck',
      { category: 'maker-stuck' },
      'route.dedicatedTeam.makerStuck',
      "We'll pass your question to the Power Platform team, who help makers get unblocked.",
    ],
    [
      'graduation',
      { category: 'graduation' },
      'route.dedicatedTeam.graduation',
      "We'll ask the Power Platform team about moving Expense Tracker to Important support.",
    ],
    [
      'graduation of a Critical solution',
      { category: 'graduation', solution: solution({ tier: 'Critical' }) },
      'route.dedicatedTeam.graduationNoHigherTier',
      "We'll ask the Power Platform team to review how Expense Tracker is supported.",
    ],
    [
      'graduation, not in catalog',
      { category: 'graduation', solution: undefined },
      'route.dedicatedTeam.graduationNotInCatalog',
      "We'll ask the Power Platform team how your solution can get more formal support.",
    ],
  ])('%s', (_name, input, key, text) => {
    const e = explain(input);
    expect(e.key).toBe(key);
    expect(e.text).toBe(text);
    expect(e.text).not.toMatch(/\{\w+\}/);
  });

  test('every key has an English template, and every template is used by some route above', () => {
    expect(Object.keys(EXPLANATION_TEMPLATES_EN).sort()).toEqual([...EXPLANATION_KEYS].sort());
  });

  test('parameters are plain data, including who has the request now', () => {
    expect(explain().params).toEqual({
      solutionName: 'Expense Tracker',
      tier: 'Productivity',
      kind: 'app',
      makerName: 'Megan Bowen',
      handler: 'its maker',
    });
    expect(explain({ solution: undefined }).params).toEqual({ handler: 'the help desk' });
    expect(explain({ category: 'maker-stuck' }).params.handler).toBe('the Power Platform team');
    expect(explain({ solution: solution({ tier: 'Important' }) }).params.handler).toBe('its co-owners');
  });
});

describe('renderExplanation', () => {
  test('uses other templates, e.g. a translation', () => {
    const fr = { ...EXPLANATION_TEMPLATES_EN, 'route.maker.productivity': '{makerName} a créé cette application.' };
    expect(renderExplanation(explainRoute(routeRequest({
      category: 'solution-problem', impact: 'me', urgency: 'blocked', solution: solution(), reachability: everyoneReachable(solution()),
    })), fr)).toBe('Megan Bowen a créé cette application.');
  });

  test('leaves unknown placeholders alone and does not read inherited properties', () => {
    const t = { ...EXPLANATION_TEMPLATES_EN, 'route.helpDesk.access': '{missing} {constructor} {handler}' };
    expect(renderExplanation({ key: 'route.helpDesk.access', params: { handler: 'x' } }, t)).toBe('{missing} {constructor} x');
  });

  test('parameter text is inserted as is, never re-expanded', () => {
    const t = { ...EXPLANATION_TEMPLATES_EN, 'route.helpDesk.access': '{a}{b}' };
    expect(renderExplanation({ key: 'route.helpDesk.access', params: { a: '{b}', b: '$&' } }, t)).toBe('{b}$&');
  });
});

describe('helpers', () => {
  test.each([
    [[], ''],
    [['Ann'], 'Ann'],
    [['Ann', 'Bob'], 'Ann and Bob'],
    [['Ann', 'Bob', 'Carl'], 'Ann, Bob and Carl'],
  ])('joinNames(%j)', (names, text) => {
    expect(joinNames(names)).toBe(text);
  });

  test.each([
    ['canvas-app', 'app'],
    ['model-driven-app', 'app'],
    ['flow', 'flow'],
    ['chatbot', 'chatbot'],
    ['other', 'solution'],
  ] as const)('%s is called a %s', (kind, label) => {
    expect(solutionKindLabel(kind)).toBe(label);
  });
});
