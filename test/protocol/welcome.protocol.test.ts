import { actionExecute, botInstalled, personalMessage } from '../support/activities';
import { BotHarness } from '../support/bot-harness';
import { cardsIn, texts } from '../support/cards';

describe('welcome card over /api/messages', () => {
  let bot: BotHarness;

  beforeAll(async () => {
    bot = await BotHarness.start();
  });
  afterAll(async () => bot.stop());
  beforeEach(() => bot.connector.reset());

  it.each(['hi', 'Hello!', 'help'])('answers "%s" in personal chat with a welcome that opens the questionnaire', async (text) => {
    const answer = await bot.post(personalMessage(text, { serviceUrl: bot.serviceUrl }));
    expect(answer.status).toBe(200);
    await bot.connector.waitFor((calls) => calls.length >= 1);

    const [card] = cardsIn(bot.connector.sentActivities);
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(texts(card)).toContain("Hi Alex, I'm the Power Platform support desk.");
    expect(texts(card)).toContain('What do you need?');
    expect(card.actions).toEqual([
      expect.objectContaining({ type: 'Action.Execute', verb: 'intake.need', title: 'Next' }),
      expect.objectContaining({ type: 'Action.Execute', verb: 'intake.cancel', title: 'Cancel' }),
      expect.objectContaining({ type: 'Action.Execute', verb: 'welcome.more', title: 'What can you do?' }),
    ]);
    expect(bot.connector.calls[0].path).toMatch(/^\/v3\/conversations\/a%3Apersonal-[^/]+\/activities/);
  });

  it('sends "new request" straight to the questionnaire, without the greeting', async () => {
    await bot.post(personalMessage('new request', { serviceUrl: bot.serviceUrl }));
    await bot.connector.waitFor((calls) => calls.length >= 1);
    const [card] = cardsIn(bot.connector.sentActivities);
    expect(texts(card)).toContain('What do you need?');
    expect(texts(card).join('\n')).not.toContain('Hi Alex');
    expect(card.actions.map((a: { verb: string }) => a.verb)).toEqual(['intake.need', 'intake.cancel']);
  });

  it('sends the welcome card when the bot is installed in personal scope', async () => {
    await bot.post(botInstalled({ serviceUrl: bot.serviceUrl }));
    await bot.connector.waitFor((calls) => calls.length >= 1);
    const card = cardsIn(bot.connector.sentActivities)[0];
    expect(texts(card)).toContain("Hi Alex, I'm the Power Platform support desk.");
    expect(card.actions).toEqual([
      expect.objectContaining({ type: 'Action.Execute', verb: 'intake.start', title: 'Start a request' }),
      expect.objectContaining({ type: 'Action.Execute', verb: 'welcome.more', title: 'What can you do?' }),
    ]);
  });

  it('refreshes the card in place: the invoke response carries the expanded card', async () => {
    const answer = await bot.post(actionExecute('welcome.more', {}, { serviceUrl: bot.serviceUrl }));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    const card = answer.body.value;
    expect(texts(card)).toEqual(expect.arrayContaining(['Here is what you can ask me', 'new request', 'my requests']));
    expect(card.actions).toEqual([expect.objectContaining({ verb: 'intake.start' })]);
    expect(bot.connector.calls).toHaveLength(0); // answered in the invoke response, no extra message
  });

  it('answers a message that is no command with a request started from it, instead of staying silent (issue 14)', async () => {
    await bot.post(personalMessage('my badge does not open the door', { serviceUrl: bot.serviceUrl }));
    // The questionnaire "new request" opened above is resumed (a line saying so, then its card).
    await bot.connector.waitFor(() => cardsIn(bot.connector.sentActivities).length >= 1);
    expect(JSON.stringify(cardsIn(bot.connector.sentActivities)[0])).toContain('intake.need');
  });

  it('answers a 1:1 message without words (an image) with what it can do', async () => {
    const { text: _none, ...image } = personalMessage('', { serviceUrl: bot.serviceUrl });
    await bot.post({ ...image, attachments: [{ contentType: 'image/png', contentUrl: 'https://example.invalid/a.png' }] });
    await bot.connector.waitFor((calls) => calls.length >= 1);
    expect(bot.connector.sentActivities[0].text).toMatch(/^I didn't catch that\. Say \*\*new request\*\*/);
  });

  it('passes user text to the card as data, never as template', async () => {
    const from = { id: '29:x', aadObjectId: 'b0000000-0000-4000-8000-000000000009', name: '${capabilities} {{x}}' };
    await bot.post(personalMessage('hello', { serviceUrl: bot.serviceUrl, from }));
    await bot.connector.waitFor((calls) => calls.length >= 1);
    expect(texts(cardsIn(bot.connector.sentActivities)[0])).toContain("Hi ${capabilities}, I'm the Power Platform support desk.");
  });

  it.each([
    ['not JSON', '{"type": "message",', 400],
    ['a JSON array', '[]', 400],
    ['no activity type', '{"text":"hi"}', 400],
    ['a non-string type', '{"type": 42}', 400],
    ['a message without a conversation', '{"type":"message","serviceUrl":"http://127.0.0.1:1/"}', 400],
  ])('refuses a malformed body (%s) with %i and keeps serving', async (_label, body, status) => {
    const answer = await bot.request('POST', '/api/messages', body);
    expect(answer.status).toBe(status);
    expect((await bot.request('GET', '/healthz')).status).toBe(200);
  });

  it('refuses a body over the size limit with 413', async () => {
    const answer = await bot.post(personalMessage('x'.repeat(300 * 1024), { serviceUrl: bot.serviceUrl }));
    expect(answer.status).toBe(413);
  });

  it('reports liveness and storage readiness', async () => {
    expect(await bot.request('GET', '/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await bot.request('GET', '/readyz')).toEqual({
      status: 200,
      body: { status: 'ready', checks: expect.objectContaining({ storage: 'ok' }) },
    });
  });

  it('keeps conversation state across a restart (state lives in Table Storage)', async () => {
    await bot.restart();
    const answer = await bot.post(personalMessage('hi', { serviceUrl: bot.serviceUrl }));
    expect(answer.status).toBe(200);
  });
});
