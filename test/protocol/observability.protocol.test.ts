import { TestAdapter } from 'botbuilder';
import { createLogger } from '../../src/logging/logger';
import { checkReadiness } from '../../src/http/server';
import { logTurns, noteTicketId } from '../../src/teams/turn-logger';
import { personalMessage, user } from '../support/activities';
import { BotHarness } from '../support/bot-harness';
import { allText, input } from '../support/cards';
import { PEOPLE, SOLUTIONS } from '../support/fixture-solutions';
import { IntakeDriver } from '../support/intake-driver';
import { LogCapture } from '../support/log-capture';
import { TcpProxy } from '../support/tcp-proxy';
import { fixedCatalog } from '../support/test-catalog';
import { testConnectionString } from '../support/test-storage';

describe('logs at info level: ids and durations, no message text or personal data', () => {
  const PERSON = user('Zebulon Quixotic-Fairweather', 'abcdef01-2345-4678-9abc-def012345678');
  const SECRET = {
    greeting: 'hello, my badge number is 55-PLUM-91',
    search: 'expense',
    title: 'Payroll export leaks salaries of Ursula Vantablack',
    description: 'Call me on +46 70 123 45 67 or ursula.vantablack@contoso.example about it',
    since: 'since the Tuesday 3:17 outage',
  };
  let bot: BotHarness;

  beforeAll(async () => {
    bot = await BotHarness.start({ LOG_LEVEL: 'info' }, { catalog: fixedCatalog(Object.values(SOLUTIONS)) });
  });
  afterAll(async () => bot.stop());

  it('logs one JSON line per turn with ids and duration, and none of what the person typed or who they are', async () => {
    const driver = new IntakeDriver(bot, PERSON);
    expect((await bot.post(personalMessage(SECRET.greeting, { serviceUrl: bot.serviceUrl, from: PERSON }))).status).toBe(200);
    await driver.say('hi');
    await driver.say('new request');
    await driver.press('intake.need', { category: 'solution-problem' });
    const results = await driver.press('intake.search', { query: SECRET.search });
    await driver.press('intake.solution', { solutionId: input(results, 'solutionId').choices[0].value });
    const review = await driver.press('intake.details', {
      title: SECRET.title,
      description: SECRET.description,
      since: SECRET.since,
      impact: 'me',
      urgency: 'workaround',
    });
    expect(allText(review)).toContain(SECRET.title); // the bot did see the text...
    await driver.press('intake.submit');

    // ...and none of it, nor the people involved, reached the logs.
    const logged = bot.logs.lines.join('\n');
    for (const secret of [
      ...Object.values(SECRET).filter((s) => s !== SECRET.search),
      PERSON.name,
      'Zebulon',
      'Vantablack',
      PEOPLE.megan.displayName,
      PEOPLE.megan.email,
    ]) {
      expect(logged).not.toContain(secret);
    }

    const turns = bot.logs.find('turn', 'info');
    expect(turns).toHaveLength(8);
    for (const turn of turns) {
      expect(turn).toEqual(
        expect.objectContaining({
          service: 'support-intake-bot',
          activityId: expect.any(String),
          conversationId: expect.any(String),
          durationMs: expect.any(Number),
          outcome: 'ok',
        }),
      );
      expect(Object.keys(turn)).not.toEqual(expect.arrayContaining(['text', 'from', 'value']));
    }
  });

  it('names the tickets a turn touched when handlers note them', async () => {
    const logs = new LogCapture();
    const adapter = new TestAdapter(async (context) => {
      noteTicketId(context, 'ticket-1');
      noteTicketId(context, 'ticket-1');
      noteTicketId(context, 'ticket-2');
    }).use(logTurns(createLogger('info', logs)));
    await adapter.send('a message whose text must not be logged');
    expect(logs.find('turn')).toEqual([expect.objectContaining({ ticketIds: ['ticket-1', 'ticket-2'], activityType: 'message' })]);
    expect(logs.lines.join('\n')).not.toContain('must not be logged');
  });
});

describe('/readyz', () => {
  it('answers ok / failing per check only, and logs why storage is failing while it is unreachable', async () => {
    const azurite = new URL(/TableEndpoint=([^;]+)/.exec(testConnectionString())![1]);
    const proxy = await new TcpProxy(azurite.hostname, Number(azurite.port)).start();
    const viaProxy = testConnectionString().replace(`:${azurite.port}/`, `:${proxy.listenPort}/`);
    const bot = await BotHarness.start({ STORAGE_CONNECTION_STRING: viaProxy, LOG_LEVEL: 'warn' });
    try {
      const ready = { status: 200, body: { status: 'ready', checks: expect.objectContaining({ storage: 'ok' }) } };
      expect(await bot.request('GET', '/readyz')).toEqual(ready);

      await proxy.cut();
      const down = await bot.request('GET', '/readyz');
      expect(down.status).toBe(503);
      // Other components' checks (the outbox's) may fail too while storage is down.
      expect(down.body).toEqual({ status: 'not ready', checks: expect.objectContaining({ storage: 'failing' }) });
      // Anyone can call /readyz: it names checks, never hosts, ports or error text.
      for (const result of Object.values(down.body.checks)) expect(['ok', 'failing']).toContain(result);
      expect(JSON.stringify(down.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|connect|:\d{2,5}/);
      // The reason is in the log, for the operator.
      const [logged] = bot.logs.find('not ready', 'warn');
      expect(logged).toEqual(
        expect.objectContaining({ checks: expect.objectContaining({ storage: expect.stringMatching(/ECONNREFUSED|connect|no answer/i) }) }),
      );
      expect((await bot.request('GET', '/healthz')).status).toBe(200); // alive, just not ready

      await proxy.start();
      expect(await bot.request('GET', '/readyz')).toEqual(ready);
    } finally {
      await bot.stop();
      await proxy.cut();
    }
  });

  it('is ready only when every registered check passes, and times out a check that hangs', async () => {
    const ok = async () => undefined;
    expect(await checkReadiness({ storage: ok, outbox: ok })).toEqual({
      report: { status: 'ready', checks: { storage: 'ok', outbox: 'ok' } },
      reasons: {},
    });
    const stuck = await checkReadiness({ storage: ok, outbox: () => Promise.reject(new Error('oldest message waiting 12 min')) });
    expect(stuck).toEqual({
      report: { status: 'not ready', checks: { storage: 'ok', outbox: 'failing' } },
      reasons: { outbox: 'oldest message waiting 12 min' },
    });
    const hung = await checkReadiness({ storage: () => new Promise<void>(() => undefined) }, 50);
    expect(hung).toEqual({
      report: { status: 'not ready', checks: { storage: 'failing' } },
      reasons: { storage: 'no answer within 50 ms' },
    });
  });
});
