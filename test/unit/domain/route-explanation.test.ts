import { EXPLANATION_KEYS, explainRoute, joinNames, solutionKindNoun, type ExplanationKey } from '../../../src/domain/route-explanation';
import { text } from '../../../src/domain/text';
import { english, englishData } from '../../support/words';
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
  return { key: explanation.key, params: englishData(explanation.params ?? {}) as Record<string, string>, text: english(explanation) };
}

const unreachable = { makerReachable: false, reachableCoOwnerIds: [adele.aadObjectId] };

describe('explainRoute: every route in plain words', () => {
  test.each<[string, Partial<RouteInput> & { solution?: Solution | undefined }, ExplanationKey, string]>([
    ['maker', {}, 'routing.maker.productivity', "Megan Bowen made this Productivity app and supports it themselves — we'll let them know."],
    [
      'co-owners',
      { solution: solution({ tier: 'Important', kind: 'flow' }) },
      'routing.coOwners.important',
      "Expense Tracker is an Important flow supported by its co-owners — we'll ask Adele Vance and Lynne Robbins, and the first to pick it up will own it.",
    ],
    [
      'maker orphaned',
      { solution: solution({ status: 'orphaned', coOwners: [adele] }) },
      'routing.coOwners.makerOrphaned',
      "Megan Bowen, who made Expense Tracker, has left — we'll ask its co-owners, Adele Vance, instead.",
    ],
    [
      'maker unreachable',
      { reachability: unreachable },
      'routing.coOwners.makerUnreachable',
      "We can't reach Megan Bowen, who made Expense Tracker — we'll ask its co-owners, Adele Vance, instead.",
    ],
    [
      'maker is the requester',
      { requesterId: megan.aadObjectId, solution: solution({ coOwners: [adele] }) },
      'routing.coOwners.makerIsRequester',
      "You made Expense Tracker, so we'll ask its co-owners, Adele Vance, to help.",
    ],
    [
      'critical',
      { solution: solution({ tier: 'Critical' }) },
      'routing.helpDesk.critical',
      "This is a Critical app — we'll open a help desk ticket.",
    ],
    [
      'critical Sev A',
      { solution: solution({ tier: 'Critical', kind: 'chatbot' }), impact: 'organisation', urgency: 'blocked' },
      'routing.helpDesk.criticalSevA',
      "This is a Critical chatbot and the impact is critical — we'll open a help desk ticket and hand it straight to the Power Platform team.",
    ],
    ['access', { category: 'access' }, 'routing.helpDesk.access', "The help desk handles access to apps and data — we'll open a ticket."],
    [
      'find',
      { category: 'find-or-how-to', solution: undefined },
      'routing.helpDesk.findOrHowTo',
      "The help desk can point you to the right app or explain how — we'll open a ticket.",
    ],
    [
      'connector',
      { category: 'connector-or-environment', solution: undefined },
      'routing.helpDesk.connectorOrEnvironment',
      "The help desk handles new connectors and environments — we'll open a ticket.",
    ],
    [
      'platform',
      { category: 'platform-issue', solution: undefined },
      'routing.helpDesk.platformIssue',
      "The help desk checks Power Platform service problems and raises them with Microsoft if needed — we'll open a ticket.",
    ],
    [
      'not in catalog',
      { solution: undefined },
      'routing.helpDesk.notInCatalog',
      "This solution isn't in our catalog yet — we'll open a help desk ticket so they can find who supports it.",
    ],
    [
      'retired',
      { solution: solution({ status: 'retired' }) },
      'routing.helpDesk.retired',
      "Expense Tracker has been retired — we'll open a help desk ticket so they can help you find what replaced it.",
    ],
    [
      'nobody reachable',
      { solution: solution({ coOwners: [] }), reachability: { makerReachable: false, reachableCoOwnerIds: [] } },
      'routing.helpDesk.noReachableSupport',
      "Nobody who supports Expense Tracker can be reached right now — we'll open a help desk ticket.",
    ],
    [
      'maker stuck',
      { category: 'maker-stuck' },
      'routing.dedicatedTeam.makerStuck',
      "We'll pass your question to the Power Platform team, who help makers get unblocked.",
    ],
    [
      'graduation',
      { category: 'graduation' },
      'routing.dedicatedTeam.graduation',
      "We'll ask the Power Platform team about moving Expense Tracker to Important support.",
    ],
    [
      'graduation of a Critical solution',
      { category: 'graduation', solution: solution({ tier: 'Critical' }) },
      'routing.dedicatedTeam.graduationNoHigherTier',
      "We'll ask the Power Platform team to review how Expense Tracker is supported.",
    ],
    [
      'graduation, not in catalog',
      { category: 'graduation', solution: undefined },
      'routing.dedicatedTeam.graduationNotInCatalog',
      "We'll ask the Power Platform team how your solution can get more formal support.",
    ],
  ])('%s', (_name, input, key, text) => {
    const e = explain(input);
    expect(e.key).toBe(key);
    expect(e.text).toBe(text);
    expect(e.text).not.toMatch(/\{\w+\}/);
  });

  test('every key has English words (locales/en/routing.json), and nothing else is there', () => {
    const words = require('../../../locales/en/routing.json');
    const keys = Object.entries(words as Record<string, Record<string, string>>).flatMap(([group, entries]) =>
      Object.keys(entries).map((k) => `routing.${group}.${k}`),
    );
    expect(keys.sort()).toEqual([...EXPLANATION_KEYS].sort());
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

describe('rendering an explanation', () => {
  test('parameter text is inserted as is, never read as a placeholder or a key', () => {
    expect(english(text('routing.maker.productivity', { makerName: '{{kind}} $t(labels.tier.Critical) $&', kind: 'app' }))).toBe(
      "{{kind}} $t(labels.tier.Critical) $& made this Productivity app and supports it themselves — we'll let them know.",
    );
  });

  test('a parameter missing from the descriptor does not read an inherited property', () => {
    expect(english(text('routing.helpDesk.retired', {}))).not.toContain('function');
  });
});

describe('helpers', () => {
  test.each([
    [[], ''],
    [['Ann'], 'Ann'],
    [['Ann', 'Bob'], 'Ann and Bob'],
    [['Ann', 'Bob', 'Carl'], 'Ann, Bob and Carl'],
  ])('joinNames(%j)', (names, joined) => {
    expect(english(text('common.verbatim', { text: joinNames(names) }))).toBe(joined);
  });

  test.each([
    ['canvas-app', 'app'],
    ['model-driven-app', 'app'],
    ['flow', 'flow'],
    ['chatbot', 'chatbot'],
    ['other', 'solution'],
  ] as const)('%s is called a %s', (kind, label) => {
    expect(english(solutionKindNoun(kind))).toBe(label);
  });
});
