import { english } from '../support/words';
import http from 'node:http';
import { networkInterfaces } from 'node:os';
import { gzipSync } from 'node:zlib';
import { TableEndpointStore } from '../../src/storage/conversations/table-endpoint-store';
import { COMMAND_TEXT_MESSAGES } from '../../src/teams/command-text';
import { actionExecute, botInstalled, personalMessage } from '../support/activities';
import { BotHarness } from '../support/bot-harness';
import { cardsIn, texts } from '../support/cards';
import { channel, channelMention } from '../support/channel-activities';
import { RecordingConnector } from '../support/recording-connector';

/** Lets a wrongly started turn reach the connector before a test concludes that nothing did. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

/** A raw request, so headers fetch would rewrite (Content-Encoding, Content-Length) are sent as given. */
function rawPost(
  url: string,
  path: string,
  body: Buffer,
  headers: Record<string, string>,
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${url}${path}`,
      { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(body.length), ...headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: response.headers }),
        );
      },
    );
    // The server may answer and close before reading the body (that is the point): a failed write
    // of the rest of the body is expected, and the answer still arrives.
    request.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' ? undefined : reject(error)));
    request.end(body);
  });
}

/** An address of this machine that is not loopback (the container's interface, or 0.0.0.0 which reaches it on Linux). */
function nonLoopbackAddress(): string {
  const external = Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal);
  return external?.address ?? '0.0.0.0';
}

describe('hostile input at /api/messages', () => {
  let bot: BotHarness;

  beforeAll(async () => {
    bot = await BotHarness.start({ LOG_LEVEL: 'info' });
  });
  afterAll(async () => bot.stop());
  beforeEach(() => {
    bot.connector.reset();
    bot.logs.clear();
  });

  const turns = () => bot.logs.find('turn', 'info');

  describe('compressed bodies', () => {
    // 20 MB of JSON that compresses to about 20 KB: restify would inflate it before any check.
    const bomb = gzipSync(
      Buffer.from(
        JSON.stringify({ ...personalMessage('hi', { serviceUrl: 'http://127.0.0.1:1/' }), value: { pad: 'x'.repeat(20 * 1024 * 1024) } }),
      ),
    );

    it('refuses a gzip body with 415 before reading it: no turn, nothing sent', async () => {
      expect(bomb.length).toBeLessThan(64 * 1024);
      const answer = await rawPost(bot.url, '/api/messages', bomb, { 'content-encoding': 'gzip' });
      expect(answer.status).toBe(415);
      expect(JSON.parse(answer.body)).toEqual({
        error: { code: 'UnsupportedMediaType', message: expect.stringContaining('Content-Encoding must be identity') },
      });
      await settle();
      expect(turns()).toHaveLength(0);
      expect(bot.connector.calls).toHaveLength(0);
      expect((await bot.request('GET', '/healthz')).status).toBe(200);
    });

    it.each(['deflate', 'br', 'GZIP', 'gzip, identity', 'x-unknown', ''])('refuses Content-Encoding %j with 415', async (encoding) => {
      const body = Buffer.from(JSON.stringify(personalMessage('hi', { serviceUrl: bot.serviceUrl })));
      expect((await rawPost(bot.url, '/api/messages', body, { 'content-encoding': encoding })).status).toBe(415);
      await settle();
      expect(bot.connector.calls).toHaveLength(0);
    });

    it('refuses an encoded body on every other path too, so no route inflates one', async () => {
      for (const path of ['/healthz', '/readyz', '/nowhere']) {
        expect((await rawPost(bot.url, path, bomb, { 'content-encoding': 'gzip' })).status).toBe(415);
      }
    });

    it('takes Content-Encoding identity (the same as none)', async () => {
      const body = Buffer.from(JSON.stringify(personalMessage('my badge does not open the door', { serviceUrl: bot.serviceUrl })));
      expect((await rawPost(bot.url, '/api/messages', body, { 'content-encoding': 'identity' })).status).toBe(200);
      await bot.connector.waitFor((calls) => calls.length >= 1);
      // Read like any message: a 1:1 message that is no command starts a request (issue 14).
      expect(JSON.stringify(bot.connector.sentActivities[0])).toContain('intake.need');
    });

    it('refuses a declared length over the limit with 413 without reading the body', async () => {
      const answer = await rawPost(bot.url, '/api/messages', Buffer.from('{}'), { 'content-length': String(10 * 1024 * 1024) });
      expect(answer.status).toBe(413);
      expect((await bot.request('GET', '/healthz')).status).toBe(200);
    });
  });

  describe('malformed shapes get 400, and nothing is sent', () => {
    const base = () => personalMessage('hi', { serviceUrl: bot.serviceUrl });
    /** The activity's JSON with a `value` spliced in as text (JSON.stringify itself overflows on such depth). */
    const withRawValue = (activity: object, value: string) => JSON.stringify(activity).replace(/}$/, `,"value":${value}}`);
    it.each<[string, () => unknown, RegExp]>([
      ['JSON nested 5,000 levels deep', () => withRawValue(base(), '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000)), /nested more than/],
      [
        'a card action nested 5,000 levels deep',
        () =>
          withRawValue(
            { ...actionExecute('intake.back', {}, { serviceUrl: bot.serviceUrl }), value: undefined },
            '['.repeat(5_000) + ']'.repeat(5_000),
          ),
        /nested more than/,
      ],
      [
        'a conversation id with control characters',
        () => ({ ...base(), conversation: { id: 'a:personal\u0000\r\n', conversationType: 'personal' } }),
        /control characters/,
      ],
      [
        'a conversation id beyond ASCII (the reply and the apology both failed on the header; found by the fuzz test)',
        () => ({ ...base(), conversation: { id: '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', conversationType: 'personal' } }),
        /printable ASCII/,
      ],
      ['membersAdded: [null]', () => ({ ...botInstalled({ serviceUrl: bot.serviceUrl }), membersAdded: [null] }), /membersAdded\[0\]/],
      [
        'an activity from another Bot Framework channel',
        () => ({ ...base(), channelId: 'directline' }),
        /only activities from Microsoft Teams/,
      ],
      [
        'an invoke without a name',
        () => ({ ...actionExecute('intake.back', {}, { serviceUrl: bot.serviceUrl }), name: undefined }),
        /"name"/,
      ],
      [
        'a card action without a value',
        () => ({ ...actionExecute('intake.back', {}, { serviceUrl: bot.serviceUrl }), value: undefined }),
        /value\.action/,
      ],
      [
        'an invoke without from',
        () => ({ ...actionExecute('intake.back', {}, { serviceUrl: bot.serviceUrl }), from: undefined }),
        /"from"/,
      ],
      [
        'a channel message mentioning the bot, without text (it failed mid-turn; found by the fuzz test)',
        () => ({
          ...channelMention('open tickets', {
            serviceUrl: bot.serviceUrl,
            from: { id: '29:x', aadObjectId: 'b0000000-0000-4000-8000-000000000001', name: 'X' },
            channel: channel('Help Desk', 'hostile'),
          }),
          text: undefined,
        }),
        /needs the activity's "text"/,
      ],
      [
        'a mention of the bot whose entity lost its type (it failed mid-turn; found by the fuzz test)',
        () => ({
          ...channelMention('open tickets', {
            serviceUrl: bot.serviceUrl,
            from: { id: '29:x', aadObjectId: 'b0000000-0000-4000-8000-000000000001', name: 'X' },
            channel: channel('Help Desk', 'hostile'),
          }),
          entities: [{ text: '<at>Support Intake</at>', mentioned: { id: '28:bot-app-id', name: 'Support Intake' } }],
        }),
        /"entities\[0\].type"/,
      ],
      [
        'a mention entity without the mentioned account',
        () => ({ ...base(), entities: [{ type: 'mention', text: '<at>x</at>' }] }),
        /mentioned/,
      ],
    ])('%s', async (_label, build, reason) => {
      const body = build();
      const answer = typeof body === 'string' ? await bot.request('POST', '/api/messages', body) : await bot.post(body);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ error: { code: 'BadRequest', message: expect.stringMatching(reason) } });
      await settle();
      expect(turns()).toHaveLength(0);
      expect(bot.connector.calls).toHaveLength(0);
      expect((await bot.request('GET', '/healthz')).status).toBe(200);
    });
  });

  describe('a sender whose "aadObjectId" is not an Entra object id (found by the fuzz test)', () => {
    const userRows = async () => {
      const keys: string[] = [];
      for await (const row of bot
        .tables()
        .client('conversations')
        .listEntities({ queryOptions: { filter: "PartitionKey eq 'user'" } }))
        keys.push(String(row.rowKey));
      return keys;
    };

    it.each(['a/b', '=HYPERLINK("http://evil.example")', 'not-a-guid'])(
      '%j: answered, nothing remembered under it, no storage failure',
      async (aadObjectId) => {
        const answer = await bot.post(
          personalMessage('hello', { serviceUrl: bot.serviceUrl, from: { id: '29:someone', aadObjectId, name: 'Someone' } }),
        );
        expect(answer.status).toBe(200);
        await bot.connector.waitFor((calls) => calls.length >= 1);
        expect(bot.connector.sentActivities.map((a) => a.text)).toEqual([expect.stringContaining('work account')]);
        // It used to become the key of a conversation row: "/" made the write fail (after the storage client's retries).
        expect(bot.logs.find('could not remember the conversation reference')).toEqual([]);
        expect(await userRows()).not.toContain(aadObjectId.toLowerCase());
      },
    );
  });

  it.each(['contoso/legacy', 'x#y?'])(
    'remembers the endpoint of a tenant id that is no valid storage key as such (%j), without a storage failure',
    async (tenantId) => {
      expect((await bot.post(personalMessage('hello', { serviceUrl: bot.serviceUrl, tenantId }))).status).toBe(200);
      // It used to be the row key as given: "/" failed the write after the storage client's retries (about 2.5 s).
      expect(bot.logs.find('could not remember the conversation reference')).toEqual([]);
      expect(await new TableEndpointStore(bot.tables().client('conversations')).get(tenantId)).toMatchObject({
        tenantId,
        serviceUrl: bot.serviceUrl,
      });
    },
  );

  describe('long text', () => {
    it('answers "solution x" + 2,000 spaces + "x" as the lookup it is (whitespace is normalised first)', async () => {
      const answer = await bot.post(personalMessage(`solution x${' '.repeat(2_000)}x`, { serviceUrl: bot.serviceUrl }));
      expect(answer.status).toBe(200);
      await bot.connector.waitFor((calls) => calls.length >= 1);
      expect(cardsIn(bot.connector.sentActivities)).toHaveLength(1);
      expect(texts(cardsIn(bot.connector.sentActivities)[0]).join('\n')).toContain('x x');
    });

    it('still understands a command typed with odd spacing and line breaks', async () => {
      await bot.post(personalMessage('  new \n\t request  ', { serviceUrl: bot.serviceUrl }));
      await bot.connector.waitFor((calls) => calls.length >= 1);
      expect(JSON.stringify(cardsIn(bot.connector.sentActivities))).toContain('intake.need');
    });

    it('reads a 1:1 message longer than any command as free text: no route pattern sees it, the questionnaire starts from it (issue 14)', async () => {
      const description = 'Our expense app crashes when I attach a receipt. '.repeat(40).trim(); // ~2,000 characters
      expect((await bot.post(personalMessage(description, { serviceUrl: bot.serviceUrl }))).status).toBe(200);
      await bot.connector.waitFor((calls) => calls.length >= 1);
      const [card] = cardsIn(bot.connector.sentActivities);
      expect(JSON.stringify(card)).toContain('intake.need');
      expect(bot.connector.sentActivities.map((a) => a.text)).not.toContain(english(COMMAND_TEXT_MESSAGES.personal));
      expect(bot.logs.find('long message read as free text', 'info')).toEqual([expect.objectContaining({ length: expect.any(Number) })]);
      expect(bot.logs.lines.join('\n')).not.toContain('receipt');
    });

    it('answers a long message in a channel with the channel commands', async () => {
      const helpDesk = channel('Help Desk', 'hostile');
      await bot.post(
        channelMention(`open tickets ${'please '.repeat(200)}`, {
          serviceUrl: bot.serviceUrl,
          from: { id: '29:x', aadObjectId: 'b0000000-0000-4000-8000-000000000001', name: 'X' },
          channel: helpDesk,
        }),
      );
      await bot.connector.waitFor((calls) => calls.length >= 1);
      expect(bot.connector.sentActivities.map((a) => a.text)).toEqual([english(COMMAND_TEXT_MESSAGES.shared)]);
    });

    it('counts the text without the @mention of the bot', async () => {
      const helpDesk = channel('Help Desk', 'hostile');
      const answer = await bot.post(
        channelMention(`open tickets${' '.repeat(5_000)}`, {
          serviceUrl: bot.serviceUrl,
          from: { id: '29:x', aadObjectId: 'b0000000-0000-4000-8000-000000000001', name: 'X' },
          channel: helpDesk,
        }),
      );
      expect(answer.status).toBe(200);
      await bot.connector.waitFor((calls) => calls.length >= 1);
      // Understood as "open tickets" (and refused: no help desk channel is registered), not as too long.
      expect(bot.connector.sentActivities.map((a) => a.text)).not.toContain(english(COMMAND_TEXT_MESSAGES.shared));
    });
  });
});

describe('local mode trusts loopback service URLs only', () => {
  let bot: BotHarness;
  let outside: RecordingConnector;
  let outsideUrl: string;

  beforeAll(async () => {
    bot = await BotHarness.start({ LOG_LEVEL: 'info' });
    // A connector this machine can reach at a non-loopback address: it must never hear from the bot.
    outside = await new RecordingConnector().start('0.0.0.0');
    outsideUrl = outside.urlAt(nonLoopbackAddress());
  });
  afterAll(async () => {
    await bot.stop();
    await outside.stop();
  });

  it('refuses an activity whose serviceUrl is not loopback with 400, and calls nothing there', async () => {
    for (const activity of [
      personalMessage('hi', { serviceUrl: outsideUrl }),
      botInstalled({ serviceUrl: outsideUrl }),
      actionExecute('welcome.more', {}, { serviceUrl: outsideUrl }),
    ]) {
      const answer = await bot.post(activity);
      expect(answer.status).toBe(400);
      expect(answer.body.error.message).toMatch(/loopback/);
    }
    await settle();
    expect(outside.calls).toHaveLength(0);
    expect(bot.logs.find('turn', 'info')).toHaveLength(0);
  });

  it('accepts localhost, as the Agents Playground sends it', async () => {
    const local = personalMessage('hi', { serviceUrl: bot.serviceUrl.replace('127.0.0.1', 'localhost') });
    expect((await bot.post(local)).status).toBe(200);
    await bot.connector.waitFor((calls) => calls.length >= 1);
  });
});
