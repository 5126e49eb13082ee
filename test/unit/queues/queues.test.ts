import fc from 'fast-check';
import {
  DEDICATED_TEAM_QUEUE,
  DEFAULT_HELP_DESK_QUEUE,
  helpDeskQueueNamed,
  isHelpDeskQueue,
  isQueueId,
  parseQueueId,
  queueTeamOf,
  type HelpDeskQueueId,
} from '../../../src/domain/queues/queue';
import {
  MAX_HELP_DESK_QUEUES,
  queueScopeProblems,
  selectHelpDeskQueue,
  type HelpDeskQueueScope,
} from '../../../src/domain/queues/queue-selection';
import { REQUEST_CATEGORIES, type RequestCategory } from '../../../src/domain/request-category';

describe('queue ids', () => {
  test.each([
    ['help-desk', true],
    ['dedicated-team', true],
    ['help-desk:finance', true],
    ['help-desk:emea-north-2', true],
    ['help-desk:', false],
    ['help-desk:Finance', false],
    ['help-desk:-finance', false],
    ['help-desk:fin--ance', false],
    ['help-desk:fin/ance', false],
    ['help-desk:fin#ance', false],
    [`help-desk:${'a'.repeat(33)}`, false],
    ['dedicated-team:x', false],
    ['partner', false],
    ['', false],
  ])('%j is a queue id: %p', (text, valid) => {
    expect(isQueueId(text)).toBe(valid);
    expect(parseQueueId(text)).toBe(valid ? text : undefined);
  });

  test('non-strings are not queue ids', () => {
    for (const v of [undefined, null, 1, {}, ['help-desk']]) expect(isQueueId(v)).toBe(false);
  });

  test('which team works a queue', () => {
    expect(queueTeamOf(DEFAULT_HELP_DESK_QUEUE)).toBe('help-desk');
    expect(queueTeamOf('help-desk:finance')).toBe('help-desk');
    expect(queueTeamOf(DEDICATED_TEAM_QUEUE)).toBe('dedicated-team');
    expect(isHelpDeskQueue('help-desk:hr')).toBe(true);
    expect(isHelpDeskQueue(DEDICATED_TEAM_QUEUE)).toBe(false);
  });

  test.each([
    ['Finance', 'help-desk:finance'],
    ['  EMEA North ', 'help-desk:emea-north'],
    ['Ressources humaines (Genève)', 'help-desk:ressources-humaines-geneve'],
    ['default', 'help-desk'],
    ['!!!', undefined],
    ['인사팀', undefined],
    ['x'.repeat(40), undefined],
  ])('a queue named %j is %j', (name, id) => {
    expect(helpDeskQueueNamed(name)).toBe(id);
  });

  test('property: a name either gives a valid help desk queue id or none', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (name) => {
        const id = helpDeskQueueNamed(name);
        if (id !== undefined) {
          expect(isQueueId(id)).toBe(true);
          expect(isHelpDeskQueue(id)).toBe(true);
          expect(id).not.toMatch(/[/\\#?]/);
        }
      }),
    );
  });
});

describe('selectHelpDeskQueue: the most specific matching queue, else the default', () => {
  const finance: HelpDeskQueueScope = { queue: 'help-desk:finance', businessUnits: ['Finance'], categories: [] };
  const access: HelpDeskQueueScope = { queue: 'help-desk:access', businessUnits: [], categories: ['access'] };
  const financeAccess: HelpDeskQueueScope = {
    queue: 'help-desk:finance-access',
    businessUnits: ['Finance'],
    categories: ['access', 'connector-or-environment'],
  };
  const platform: HelpDeskQueueScope = { queue: 'help-desk:platform', businessUnits: [], categories: ['platform-issue'] };
  const all = [finance, access, financeAccess, platform];

  test.each<[string, RequestCategory, string | undefined, string]>([
    ['no queue matches', 'solution-problem', 'Sales', 'help-desk'],
    ['no business unit known', 'solution-problem', undefined, 'help-desk'],
    ['business unit only', 'solution-problem', 'Finance', 'help-desk:finance'],
    ['business unit, any case and spaces', 'find-or-how-to', '  finance ', 'help-desk:finance'],
    ['category only', 'access', 'Sales', 'help-desk:access'],
    ['both beat either', 'access', 'Finance', 'help-desk:finance-access'],
    ['both, the other category', 'connector-or-environment', 'Finance', 'help-desk:finance-access'],
    ['a business unit beats a category', 'platform-issue', 'Finance', 'help-desk:finance'],
    ['category without business unit', 'platform-issue', undefined, 'help-desk:platform'],
  ])('%s', (_name, category, businessUnit, expected) => {
    expect(selectHelpDeskQueue(all, { category, businessUnit })).toBe(expected);
  });

  test('no registrations: the default queue', () => {
    expect(selectHelpDeskQueue([], { category: 'access', businessUnit: 'Finance' })).toBe('help-desk');
  });

  test('a registration of the default queue is never "more specific"', () => {
    expect(
      selectHelpDeskQueue([{ queue: 'help-desk', businessUnits: ['Finance'], categories: [] }], {
        category: 'access',
        businessUnit: 'Finance',
      }),
    ).toBe('help-desk');
  });

  test('property: the choice does not depend on the order registrations are read in, and always matches', () => {
    const scope = fc.record({
      queue: fc.constantFrom<HelpDeskQueueId>('help-desk:a', 'help-desk:b', 'help-desk:c', 'help-desk:d'),
      businessUnits: fc.subarray(['Finance', 'HR', 'Sales']),
      categories: fc.subarray([...REQUEST_CATEGORIES]),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(scope, { selector: (s) => s.queue, maxLength: 4 }),
        fc.constantFrom(...REQUEST_CATEGORIES),
        fc.option(fc.constantFrom('Finance', 'HR', 'Sales', 'Legal'), { nil: undefined }),
        (scopes, category, businessUnit) => {
          const chosen = selectHelpDeskQueue(scopes, { category, businessUnit });
          expect(selectHelpDeskQueue([...scopes].reverse(), { category, businessUnit })).toBe(chosen);
          if (chosen !== 'help-desk') {
            const s = scopes.find((x) => x.queue === chosen)!;
            expect(s.businessUnits.length === 0 || s.businessUnits.includes(businessUnit!)).toBe(true);
            expect(s.categories.length === 0 || s.categories.includes(category)).toBe(true);
          }
        },
      ),
    );
  });
});

describe('queueScopeProblems', () => {
  test('a sound set has none', () => {
    expect(
      queueScopeProblems([
        { queue: 'help-desk', businessUnits: [], categories: [] },
        { queue: 'help-desk:finance', businessUnits: ['Finance'], categories: [] },
        { queue: 'help-desk:access', businessUnits: [], categories: ['access'] },
      ]),
    ).toEqual([]);
  });

  test('each problem, as a code', () => {
    expect(
      queueScopeProblems([
        { queue: 'help-desk', businessUnits: ['HR'], categories: [] },
        { queue: 'help-desk:finance', businessUnits: ['Finance'], categories: [] },
        { queue: 'help-desk:finance', businessUnits: ['Finance'], categories: [] },
        { queue: 'help-desk:money', businessUnits: [' finance'], categories: [] },
        { queue: 'help-desk:nothing', businessUnits: ['  '], categories: [] },
      ]),
    ).toEqual([
      { code: 'default-has-scope' },
      { code: 'duplicate-queue', queue: 'help-desk:finance' },
      { code: 'same-scope', queue: 'help-desk:money', sameAs: 'help-desk:finance' },
      { code: 'no-scope', queue: 'help-desk:nothing' },
    ]);
  });

  test('too many queues', () => {
    const many = Array.from({ length: MAX_HELP_DESK_QUEUES + 1 }, (_, i) => ({
      queue: `help-desk:q${i}` as HelpDeskQueueId,
      businessUnits: [`bu${i}`],
      categories: [],
    }));
    expect(queueScopeProblems(many)).toEqual([{ code: 'too-many-queues', max: MAX_HELP_DESK_QUEUES }]);
  });
});
