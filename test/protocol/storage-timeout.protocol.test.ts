/**
 * Storage that hangs during a turn: the user gets the storage-down answer once the turn's storage
 * budget (STORAGE_TIMEOUT_MS) is spent, not when storage finally answers; and the bot serves the
 * next message normally once storage is back. Azurite sits behind a TCP proxy the test pauses.
 */
import { ALEX, personalMessage } from '../support/activities';
import { BotHarness } from '../support/bot-harness';
import { cardsIn } from '../support/cards';
import { TcpProxy } from '../support/tcp-proxy';
import { testConnectionString } from '../support/test-storage';

const STORAGE_DOWN = /^I can't reach my storage right now/;

describe('storage that hangs during a turn', () => {
  let proxy: TcpProxy;
  let bot: BotHarness;

  beforeAll(async () => {
    const azurite = new URL(/TableEndpoint=([^;]+)/.exec(testConnectionString())![1]!);
    proxy = await new TcpProxy(azurite.hostname, Number(azurite.port)).start();
    const viaProxy = testConnectionString().replace(`:${azurite.port}/`, `:${proxy.listenPort}/`);
    bot = await BotHarness.start({ STORAGE_CONNECTION_STRING: viaProxy, STORAGE_TIMEOUT_MS: '500' });
  });
  afterAll(async () => {
    proxy.resume();
    await bot.stop();
    await proxy.cut();
  });

  it('answers "storage is unavailable" while storage hangs, and serves the next message once it is back', async () => {
    const hello = () => bot.post(personalMessage('new request', { serviceUrl: bot.serviceUrl, from: ALEX }));
    await hello();
    expect(cardsIn(bot.connector.sentActivities)).toHaveLength(1);

    bot.connector.reset();
    proxy.pause();
    await hello();
    await bot.connector.waitFor(() => bot.connector.sentActivities.length > 0);
    // Answered while storage was still hanging: the turn gave up on its own.
    expect(proxy.paused).toBe('both');
    expect(bot.connector.sentActivities.map((a) => a.text)).toEqual([expect.stringMatching(STORAGE_DOWN)]);

    proxy.resume();
    bot.connector.reset();
    await hello();
    expect(cardsIn(bot.connector.sentActivities)).toHaveLength(1);
  });
});
