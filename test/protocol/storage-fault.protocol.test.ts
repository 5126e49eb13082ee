import { english } from '../support/words';
import { TableCaseStore } from '../../src/storage/cases/table-case-store';
import { FAILURE_MESSAGES } from '../../src/teams/turn-failures';
import { actionExecute, personalMessage, user } from '../support/activities';
import { BotHarness, type HttpAnswer } from '../support/bot-harness';
import { allText, input } from '../support/cards';
import { SOLUTIONS } from '../support/fixture-solutions';
import { IntakeDriver } from '../support/intake-driver';
import { TcpProxy } from '../support/tcp-proxy';
import { fixedCatalog } from '../support/test-catalog';
import { testConnectionString } from '../support/test-storage';

const DETAILS = {
  title: 'Totals are wrong',
  description: 'The monthly total ignores the last row.',
  since: 'today',
  impact: 'me',
  urgency: 'workaround',
};
const STORAGE_DOWN = { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: english(FAILURE_MESSAGES.storageDown) };

/**
 * Storage disappears in the middle of an intake: the bot's Table Storage connection goes through a
 * proxy the test cuts (connections refused at once, so the test does not depend on a storage timeout).
 */
describe('storage cut in the middle of an intake', () => {
  let proxy: TcpProxy;
  let bot: BotHarness;

  beforeAll(async () => {
    const azurite = new URL(/TableEndpoint=([^;]+)/.exec(testConnectionString())![1]!);
    proxy = await new TcpProxy(azurite.hostname, Number(azurite.port)).start();
    const viaProxy = testConnectionString().replace(`:${azurite.port}/`, `:${proxy.listenPort}/`);
    bot = await BotHarness.start(
      { STORAGE_CONNECTION_STRING: viaProxy, LOG_LEVEL: 'error' },
      { catalog: fixedCatalog(Object.values(SOLUTIONS)) },
    );
  });
  afterAll(async () => {
    await bot.stop();
    await proxy.cut();
  });

  it('answers every press with "storage is unreachable, nothing was lost", then submits exactly once when storage is back', async () => {
    const requester = user('Rosa Storage', 'f0f0f0f0-0000-4000-8000-00000000a11c');
    const driver = new IntakeDriver(bot, requester);
    await driver.say('new request');
    await driver.press('intake.need', { category: 'solution-problem' });
    const results = await driver.press('intake.search', { query: 'expense' });
    await driver.press('intake.solution', { solutionId: input(results, 'solutionId').choices[0].value });
    const review = await driver.press('intake.details', DETAILS);
    expect(allText(review)).toContain('Totals are wrong');

    await proxy.cut();
    const press = (verb: string, inputs: Record<string, unknown> = {}) =>
      bot.post(actionExecute(verb, { intakeId: driver.intakeId, ...inputs }, { serviceUrl: bot.serviceUrl, from: requester }));
    const duringOutage: Array<[string, HttpAnswer]> = [];
    for (const [verb, inputs] of [
      ['intake.back', {}],
      ['intake.details', DETAILS],
      ['intake.submit', {}],
      ['intake.submit', {}],
      ['intake.submit', {}],
    ] as const) {
      duringOutage.push([verb, await press(verb, inputs)]);
    }
    // A message in the same outage is told the same, through the connector (which is not cut).
    const before = bot.connector.sentActivities.length;
    expect((await bot.post(personalMessage('my requests', { serviceUrl: bot.serviceUrl, from: requester }))).status).toBe(200);
    const messagesSince = () => bot.connector.sentActivities.slice(before).filter((a) => a.type === 'message'); // typing indicators aside
    await bot.connector.waitFor(() => messagesSince().length > 0, 20_000);
    const apology = messagesSince().map((a) => a.text);

    await proxy.start();
    const confirmation = await driver.press('intake.submit');
    const again = await driver.press('intake.submit'); // a second click after the outage finds the same request

    const cases = new TableCaseStore(bot.tables().client('cases'));
    const requests = await cases.listByRequester(requester.aadObjectId, 50);
    const outbox = await cases.outboxOf(driver.intakeId);
    const answeredWithStorageDown = duringOutage.filter(([, a]) => a.status === 200 && a.body?.value === STORAGE_DOWN.value).length;
    console.log(
      `storage fault: ${duringOutage.length} card actions while storage was cut, ${answeredWithStorageDown} answered 200 "storage unreachable, nothing lost", ` +
        `statuses ${duringOutage.map(([v, a]) => `${v}=${a.status}`).join(' ')}; after restore: ${requests.length} request(s), ${outbox.length} outbox message(s)`,
    );

    expect(duringOutage.map(([verb, answer]) => [verb, answer])).toEqual(
      duringOutage.map(([verb]) => [verb, { status: 200, body: STORAGE_DOWN }]),
    );
    expect(apology).toEqual([english(FAILURE_MESSAGES.storageDown)]);
    expect(allText(confirmation)).toContain(`Request ${requests[0]?.reference} submitted`);
    expect(again).toEqual(confirmation);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ id: driver.intakeId, details: { title: DETAILS.title }, status: 'open' });
    expect(outbox.map((m) => m.purpose)).toEqual(['maker-notification']);
  }, 120_000);
});
