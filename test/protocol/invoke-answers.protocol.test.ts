import { english } from '../support/words';
import { FAILURE_MESSAGES } from '../../src/teams/turn-failures';
import { actionExecute, ALEX } from '../support/activities';
import { BotHarness } from '../support/bot-harness';
import { SOLUTIONS } from '../support/fixture-solutions';
import { IntakeDriver } from '../support/intake-driver';
import { fixedCatalog } from '../support/test-catalog';

const MESSAGE = 'application/vnd.microsoft.activity.message';

/** An Action.Execute answered with a plain message: what Teams shows instead of the card's error. */
const messageAnswer = (value: string) => ({ status: 200, body: { statusCode: 200, type: MESSAGE, value } });
/** An activity whose shape Teams never sends: the HTTP layer refuses it before any bot code runs. */
const badRequest = (message: string) => ({ status: 400, body: { error: { code: 'BadRequest', message } } });

describe('every invoke gets an invoke response', () => {
  let bot: BotHarness;
  let searchFails = false;

  beforeAll(async () => {
    const catalog = fixedCatalog(Object.values(SOLUTIONS));
    // A catalog that fails on demand: a handler error that has nothing to do with storage.
    const flaky = {
      ...catalog,
      search: async (query: string, limit?: number) =>
        searchFails ? Promise.reject(new Error('search index corrupt')) : catalog.search(query, limit),
    };
    bot = await BotHarness.start({ LOG_LEVEL: 'error' }, { catalog: flaky });
  });
  afterAll(async () => bot.stop());
  beforeEach(() => {
    bot.connector.reset();
    bot.logs.clear();
    searchFails = false;
  });

  const base = () => ({ serviceUrl: bot.serviceUrl });

  it.each(['intake.hack', 'toString', '__proto__', 'constructor', 'hasOwnProperty', 'ticket.', ''])(
    'answers the unknown verb %j: the card is out of date',
    async (verb) => {
      const answer = await bot.post(actionExecute(verb, { intakeId: '00000000-0000-4000-8000-000000000000' }, base()));
      expect(answer).toEqual(messageAnswer(english(FAILURE_MESSAGES.outOfDate)));
      expect(bot.connector.calls).toHaveLength(0); // the answer is the HTTP response; nothing is posted
    },
  );

  it('answers an Action.Execute whose value, action or data is missing or of the wrong type', async () => {
    const good = actionExecute('intake.submit', {}, base());
    const noAction = badRequest('a card action needs "value.action"');
    const variants: Array<[string, unknown, unknown]> = [
      ['no value', { ...good, value: undefined }, noAction],
      ['value is a string', { ...good, value: 'intake.submit' }, noAction],
      ['no action', { ...good, value: { trigger: 'manual' } }, noAction],
      [
        'action is not Action.Execute',
        { ...good, value: { action: { type: 'Action.Submit', verb: 'intake.submit', data: {} } } },
        messageAnswer(english(FAILURE_MESSAGES.outOfDate)),
      ],
      [
        'verb is a number',
        { ...good, value: { action: { type: 'Action.Execute', verb: 42, data: {} } } },
        badRequest('"value.action.verb" must be a string'),
      ],
    ];
    for (const [what, activity, expected] of variants) {
      expect({ what, answer: await bot.post(activity) }).toEqual({ what, answer: expected });
    }
    // A known verb with damaged data: its route answers with its own words.
    for (const data of ['not an object', 17, { intakeId: 'not-a-uuid' }, { intakeId: { $ne: '' } }]) {
      const answer = await bot.post({ ...good, value: { action: { type: 'Action.Execute', verb: 'intake.submit', data } } });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ statusCode: 200, type: MESSAGE, value: expect.stringContaining('out of date or damaged') });
    }
  });

  it('answers an invoke without a sender, conversation or bot before reading any state', async () => {
    const good = actionExecute('intake.start', {}, base());
    for (const field of ['from', 'conversation', 'recipient'] as const) {
      const activity: Record<string, unknown> = { ...good };
      delete activity[field];
      const answer = await bot.post(activity);
      // The HTTP layer may refuse the shape outright (400); the Teams layer must never leave it unanswered.
      if (answer.status === 400) continue;
      expect({ field, answer }).toEqual({ field, answer: messageAnswer(english(FAILURE_MESSAGES.damaged)) });
    }
    // A sender without an id: refused by the HTTP layer (an invoke the Teams layer sees always has one).
    const noSenderId = await bot.post({ ...good, from: { name: 'Someone' } });
    expect(noSenderId).toEqual(badRequest('"from.id" must be a non-empty string'));
    expect(bot.logs.find('turn failed')).toHaveLength(0);
  });

  it('answers an invoke from someone without a work account', async () => {
    const good = actionExecute('intake.start', {}, base());
    const answer = await bot.post({ ...good, from: { id: '29:anonymous', name: 'Guest' } });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ statusCode: 200, type: MESSAGE, value: expect.stringContaining('work account') });
  });

  it.each([
    ['task/fetch', { task: { type: 'message', value: english(FAILURE_MESSAGES.outOfDate) } }],
    ['task/submit', { task: { type: 'message', value: english(FAILURE_MESSAGES.outOfDate) } }],
    ['composeExtension/fetchTask', { task: { type: 'message', value: english(FAILURE_MESSAGES.outOfDate) } }],
    ['composeExtension/submitAction', { task: { type: 'message', value: english(FAILURE_MESSAGES.outOfDate) } }],
    ['composeExtension/query', { composeExtension: { type: 'message', text: english(FAILURE_MESSAGES.outOfDate) } }],
    ['composeExtension/queryLink', { composeExtension: { type: 'message', text: english(FAILURE_MESSAGES.outOfDate) } }],
    ['application/search', { statusCode: 200, type: 'application/vnd.microsoft.search.searchResponse', value: { results: [] } }],
    ['signin/verifyState', { statusCode: 200, type: MESSAGE, value: english(FAILURE_MESSAGES.outOfDate) }],
    ['intake.hack', { statusCode: 200, type: MESSAGE, value: english(FAILURE_MESSAGES.outOfDate) }],
    ['toString', { statusCode: 200, type: MESSAGE, value: english(FAILURE_MESSAGES.outOfDate) }],
  ])('answers the invoke name %j with the shape Teams expects for it', async (name, body) => {
    const activity = { ...actionExecute('intake.start', {}, base()), name, value: { commandId: 'x', data: {} } };
    expect(await bot.post(activity)).toEqual({ status: 200, body });
  });

  it('refuses an invoke with no name with 400 (an answer, never an empty 501)', async () => {
    const activity: Record<string, unknown> = { ...actionExecute('intake.start', {}, base()) };
    delete activity.name;
    expect(await bot.post(activity)).toEqual(badRequest('"name" must be a non-empty string'));
  });

  it('answers a card action whose handler fails, logs the failure once, and the next press works', async () => {
    const driver = new IntakeDriver(bot, ALEX);
    await driver.say('new request');
    await driver.press('intake.need', { category: 'solution-problem' });
    searchFails = true;
    const answer = await bot.post(actionExecute('intake.search', { intakeId: driver.intakeId, query: 'expense' }, base()));
    expect(answer).toEqual(messageAnswer(english(FAILURE_MESSAGES.failed)));
    expect(bot.logs.find('turn failed', 'error')).toHaveLength(1);
    expect(bot.logs.lines.join('\n')).toContain('search index corrupt');

    searchFails = false;
    const results = await driver.press('intake.search', { query: 'expense' });
    expect(JSON.stringify(results)).toContain(SOLUTIONS.expenses.id);
  });
});
