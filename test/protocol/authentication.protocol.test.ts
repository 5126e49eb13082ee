/**
 * Bot Framework JWT authentication on /api/messages, for real: botbuilder's own validation, pointed
 * at a local OpenID metadata endpoint whose keys sign the test's tokens (the only thing replaced is
 * where the keys and the bot's outgoing token come from; see AuthOverrides).
 */
import { loadConfig } from '../../src/config/load-config';
import { createLogger } from '../../src/logging/logger';
import { startBot } from '../../src/start-bot';
import { createAdapter } from '../../src/teams/create-adapter';
import { actionExecute, personalMessage, TEST_TENANT } from '../support/activities';
import { BotHarness } from '../support/bot-harness';
import { cardsIn, texts } from '../support/cards';
import { channelToken, LocalOpenIdIssuer, signingKey, unsignedToken } from '../support/openid-issuer';
import { testConnectionString, uniquePrefix } from '../support/test-storage';

const BOT_ID = '6a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d';
const OUTBOUND_TOKEN = 'outbound-token-for-tests';
const CREDENTIALS = {
  BOT_ID,
  BOT_TYPE: 'SingleTenant',
  BOT_TENANT_ID: TEST_TENANT,
  BOT_PASSWORD: 'not-a-real-secret',
  BIND_ADDRESS: '127.0.0.1',
};

describe('Bot Framework authentication on /api/messages', () => {
  const teamsKey = signingKey(['msteams']);
  const webchatOnlyKey = signingKey(['webchat']);
  const strangerKey = signingKey(['msteams']); // not published: tokens it signs are forgeries
  let issuer: LocalOpenIdIssuer;
  let bot: BotHarness;
  let consoleError: jest.SpyInstance;

  beforeAll(async () => {
    // botbuilder console.errors every refused request; keep the test output readable.
    consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    issuer = await new LocalOpenIdIssuer([teamsKey, webchatOnlyKey]).start();
    bot = await BotHarness.start(
      { ...CREDENTIALS, LOG_LEVEL: 'info' },
      { authOverrides: { channelOpenIdMetadataUrl: issuer.metadataUrl, outboundToken: OUTBOUND_TOKEN } },
    );
  });
  afterAll(async () => {
    await bot?.stop();
    await issuer?.stop();
    consoleError.mockRestore();
  });
  beforeEach(() => {
    bot.connector.reset();
    bot.logs.clear();
  });

  const hello = () => personalMessage('hi', { serviceUrl: bot.serviceUrl });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const valid = () => channelToken(teamsKey, { audience: BOT_ID, serviceUrl: bot.serviceUrl });

  it('accepts a valid channel token: the turn runs and the reply carries the bot’s own token', async () => {
    const answer = await bot.post(hello(), bearer(valid()));
    expect(answer.status).toBe(200);
    await bot.connector.waitFor((calls) => calls.length >= 1);

    expect(texts(cardsIn(bot.connector.sentActivities)[0])).toContain("Hi Alex, I'm the Power Platform support desk.");
    expect(bot.connector.calls[0].headers?.authorization).toBe(`Bearer ${OUTBOUND_TOKEN}`);
    expect(bot.logs.find('turn', 'info')).toEqual([expect.objectContaining({ activityType: 'message', outcome: 'ok' })]);
    expect(issuer.keyFetches).toBe(1);
  });

  it('accepts a valid token on an invoke and answers with the card', async () => {
    const answer = await bot.post(actionExecute('welcome.more', {}, { serviceUrl: bot.serviceUrl }), bearer(valid()));
    expect(answer.status).toBe(200);
    expect(texts(answer.body.value)).toContain('Here is what you can ask me');
  });

  it.each<[string, () => Record<string, string>]>([
    ['no Authorization header', () => ({})],
    ['an empty bearer', () => ({ authorization: 'Bearer' })],
    ['a token that is not a JWT', () => bearer('not-a-jwt')],
    ['another scheme', () => ({ authorization: `Basic ${Buffer.from(`${BOT_ID}:secret`).toString('base64')}` })],
    [
      'a token for another bot (audience)',
      () => bearer(channelToken(teamsKey, { audience: '00000000-0000-4000-8000-000000000000', serviceUrl: bot.serviceUrl })),
    ],
    [
      'an expired token (beyond the 5-minute clock skew)',
      () => bearer(channelToken(teamsKey, { audience: BOT_ID, serviceUrl: bot.serviceUrl, expiresIn: -3600 })),
    ],
    [
      'another issuer',
      () => bearer(channelToken(teamsKey, { audience: BOT_ID, serviceUrl: bot.serviceUrl, issuer: 'https://evil.example.com' })),
    ],
    [
      'a forged signature (unpublished key, real kid)',
      () => bearer(channelToken(strangerKey, { audience: BOT_ID, serviceUrl: bot.serviceUrl, kid: teamsKey.kid })),
    ],
    ['an unknown signing key', () => bearer(channelToken(strangerKey, { audience: BOT_ID, serviceUrl: bot.serviceUrl }))],
    [
      'an unsigned token (alg none)',
      () =>
        bearer(
          unsignedToken(teamsKey.kid, {
            iss: 'https://api.botframework.com',
            aud: BOT_ID,
            serviceurl: bot.serviceUrl,
            exp: Math.floor(Date.now() / 1000) + 600,
          }),
        ),
    ],
    [
      'a serviceUrl claim for another service',
      () => bearer(channelToken(teamsKey, { audience: BOT_ID, serviceUrl: 'https://smba.trafficmanager.net/emea/' })),
    ],
    ['no serviceUrl claim', () => bearer(channelToken(teamsKey, { audience: BOT_ID }))],
    ['a key not endorsed for msteams', () => bearer(channelToken(webchatOnlyKey, { audience: BOT_ID, serviceUrl: bot.serviceUrl }))],
  ])('refuses %s with 401, without running the bot', async (_label, headers) => {
    const answer = await bot.post(hello(), headers());
    expect(answer.status).toBe(401);

    // Give a wrongly started turn time to reach the connector before concluding nothing did.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(bot.connector.calls).toHaveLength(0);
    expect(bot.logs.find('turn')).toHaveLength(0);
    expect(bot.logs.find('request refused: invalid Bot Framework token', 'warn')).toHaveLength(1);
    expect(bot.logs.lines.join('\n')).not.toContain('Bearer');
  });

  it('refuses an invoke without a token: no card in the answer', async () => {
    const answer = await bot.post(actionExecute('welcome.more', {}, { serviceUrl: bot.serviceUrl }));
    expect(answer.status).toBe(401);
    expect(JSON.stringify(answer.body ?? '')).not.toContain('AdaptiveCard');
  });
});

describe('when the signing keys cannot be loaded', () => {
  it('answers 500, not 401, so the channel retries, and logs the cause', async () => {
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const key = signingKey();
    const bot = await BotHarness.start(
      { ...CREDENTIALS, LOG_LEVEL: 'info' },
      {
        authOverrides: { channelOpenIdMetadataUrl: 'http://127.0.0.1:1/v1/.well-known/openidconfiguration', outboundToken: OUTBOUND_TOKEN },
      },
    );
    try {
      const token = channelToken(key, { audience: BOT_ID, serviceUrl: bot.serviceUrl });
      const answer = await bot.post(personalMessage('hi', { serviceUrl: bot.serviceUrl }), { authorization: `Bearer ${token}` });
      expect(answer.status).toBe(500);
      expect(bot.connector.calls).toHaveLength(0);
      expect(bot.logs.find('could not validate the Bot Framework token', 'error')).toHaveLength(1);
    } finally {
      await bot.stop();
      consoleError.mockRestore();
    }
  });
});

describe('the test seam', () => {
  /** botbuilder's settings behind an adapter (its internals: this test breaks loudly if they move). */
  function settingsOf(adapter: unknown): Record<string, unknown> {
    const inner = (adapter as { botFrameworkAuthentication: { inner: Record<string, unknown> } }).botFrameworkAuthentication.inner;
    const { credentialsFactory: _c, authConfiguration: _a, botFrameworkClientFetch: _f, connectorClientOptions: _o, ...settings } = inner;
    return settings;
  }

  it('changes nothing but the metadata URL: issuer, audiences, login and caller id are production’s', () => {
    const bot = loadConfig({ STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true', ...CREDENTIALS }).bot;
    const logger = createLogger('silent');
    const production = settingsOf(createAdapter(bot, logger));
    const tested = settingsOf(createAdapter(bot, logger, { channelOpenIdMetadataUrl: 'http://127.0.0.1:9/meta', outboundToken: 't' }));
    expect(production.toBotFromChannelOpenIdMetadataUrl).toBe('https://login.botframework.com/v1/.well-known/openidconfiguration');
    expect(production.toBotFromChannelTokenIssuer).toBe('https://api.botframework.com');
    expect(tested).toEqual({ ...production, toBotFromChannelOpenIdMetadataUrl: 'http://127.0.0.1:9/meta' });
  });
});

describe('start-up safeguards', () => {
  const logger = createLogger('silent');
  const storage = () => ({ STORAGE_CONNECTION_STRING: testConnectionString(), TABLE_PREFIX: uniquePrefix() });

  it.each(['0.0.0.0', '::', '10.0.0.4'])(
    'refuses to bind local mode (no authentication) to %s, even with a hand-made config',
    async (address) => {
      const config = { ...loadConfig(storage()), bindAddress: address };
      expect(config.bot.mode).toBe('local');
      await expect(startBot(config, logger)).rejects.toThrow(
        `local mode runs without authentication and listens on loopback only; refusing to bind to ${address}`,
      );
    },
  );

  it('refuses the test-only authentication overrides in production', async () => {
    const config = loadConfig({ ...storage(), ...CREDENTIALS, NODE_ENV: 'production' });
    const overrides = { channelOpenIdMetadataUrl: 'http://127.0.0.1:1/', outboundToken: 'x' };
    await expect(startBot(config, logger, { authOverrides: overrides })).rejects.toThrow('refused when NODE_ENV=production');
  });
});
