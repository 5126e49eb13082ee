import { english } from '../support/words';
import { FAILURE_MESSAGES } from '../../src/teams/turn-failures';
import { actionExecute, botInstalled, personalMessage, TEST_TENANT } from '../support/activities';
import { BotHarness } from '../support/bot-harness';
import { cardsIn, texts } from '../support/cards';

const OTHER_TENANT = 'f00dbabe-0000-4000-8000-00000000beef';
const WELCOME = "Hi Alex, I'm the Power Platform support desk.";

/** Lets a wrongly started turn reach the connector before a test concludes that nothing did. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

describe('tenant allow-list (ALLOWED_TENANTS)', () => {
  let bot: BotHarness;

  beforeAll(async () => {
    bot = await BotHarness.start({ ALLOWED_TENANTS: TEST_TENANT, LOG_LEVEL: 'info' });
  });
  afterAll(async () => bot.stop());
  beforeEach(() => {
    bot.connector.reset();
    bot.logs.clear();
  });

  function expectDropped(activityType: string, tenantId: string | null): void {
    expect(bot.connector.calls).toHaveLength(0);
    expect(bot.logs.find('activity from a tenant that is not allowed: dropped', 'warn')).toEqual([
      expect.objectContaining({ tenantId, activityType }),
    ]);
  }

  it('answers an allowed tenant with the welcome card', async () => {
    const answer = await bot.post(personalMessage('hi', { serviceUrl: bot.serviceUrl }));
    expect(answer.status).toBe(200);
    await bot.connector.waitFor((calls) => calls.length >= 1);
    expect(texts(cardsIn(bot.connector.sentActivities)[0])).toContain(WELCOME);
    expect(bot.logs.find('activity from a tenant that is not allowed: dropped')).toHaveLength(0);
  });

  it('compares tenant ids without regard to case', async () => {
    await bot.post(personalMessage('hi', { serviceUrl: bot.serviceUrl, tenantId: TEST_TENANT.toUpperCase() }));
    await bot.connector.waitFor((calls) => calls.length >= 1);
    expect(texts(cardsIn(bot.connector.sentActivities)[0])).toContain(WELCOME);
  });

  it('drops a message from another tenant: no reply, one warning', async () => {
    const answer = await bot.post(personalMessage('hi', { serviceUrl: bot.serviceUrl, tenantId: OTHER_TENANT }));
    expect(answer.status).toBe(200);
    await settle();
    expectDropped('message', OTHER_TENANT);
  });

  it('drops an installation in another tenant: no welcome card', async () => {
    await bot.post(botInstalled({ serviceUrl: bot.serviceUrl, tenantId: OTHER_TENANT }));
    await settle();
    expectDropped('conversationUpdate', OTHER_TENANT);
  });

  it('refuses a card action from another tenant in its invoke response: a short message, no card, nothing posted', async () => {
    const answer = await bot.post(actionExecute('welcome.more', {}, { serviceUrl: bot.serviceUrl, tenantId: OTHER_TENANT }));
    // Answered (never botbuilder's empty 501), with words and nothing from the card.
    expect(answer).toEqual({
      status: 200,
      body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: english(FAILURE_MESSAGES.tenantRefused) },
    });
    await settle();
    expectDropped('invoke', OTHER_TENANT);
  });

  it('drops an activity that names no tenant', async () => {
    const activity: Record<string, any> = personalMessage('hi', { serviceUrl: bot.serviceUrl });
    delete activity.conversation.tenantId;
    delete activity.channelData;
    await bot.post(activity);
    await settle();
    expectDropped('message', null);
  });

  it('keeps the text and the sender out of the warning', async () => {
    await bot.post(personalMessage('my secret text', { serviceUrl: bot.serviceUrl, tenantId: OTHER_TENANT }));
    const logged = bot.logs.lines.join('\n');
    expect(logged).not.toContain('my secret text');
    expect(logged).not.toContain('Alex Wilber');
  });
});
