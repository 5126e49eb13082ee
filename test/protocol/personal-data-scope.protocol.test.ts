import { ALEX, personalMessage, user } from '../support/activities';
import { BotHarness } from '../support/bot-harness';
import { cardsIn } from '../support/cards';
import { channel, channelMention } from '../support/channel-activities';
import { IntakeDriver } from '../support/intake-driver';
import { fixedCatalog } from '../support/test-catalog';
import { SOLUTIONS } from '../support/fixture-solutions';

const ADELE = user('Adele Vance', 'ad000000-0000-4000-8000-000000000001'); // bot admin
const GENERAL = channel('General', 'it');

/** "my requests" and "outbox status" show personal data: only in a 1:1 chat, never where others read along. */
describe('personal data stays in personal chat', () => {
  let bot: BotHarness;

  beforeAll(async () => {
    bot = await BotHarness.start({ ADMIN_IDS: ADELE.aadObjectId }, { catalog: fixedCatalog(Object.values(SOLUTIONS)) });
  });
  afterAll(async () => bot.stop());
  beforeEach(() => bot.connector.reset());

  /** What the bot sent back for one activity: texts and cards. */
  async function reply(activity: object): Promise<{ texts: string[]; cards: any[] }> {
    const before = bot.connector.sentActivities.length;
    expect((await bot.post(activity)).status).toBe(200);
    await bot.connector.waitFor(() => bot.connector.sentActivities.slice(before).some((a) => a.type === 'message'));
    const sent = bot.connector.sentActivities.slice(before).filter((a) => a.type === 'message');
    return { texts: sent.map((a) => a.text).filter(Boolean), cards: cardsIn(sent) };
  }

  it('"my requests" in a channel or a group chat: a pointer to the 1:1 chat, no list', async () => {
    const driver = new IntakeDriver(bot, ALEX);
    await driver.say('new request'); // Alex has a draft, and could have requests: none of it may show in the channel
    const inChannel = await reply(channelMention('my requests', { serviceUrl: bot.serviceUrl, from: ALEX, channel: GENERAL }));
    expect(inChannel).toEqual({
      texts: ['I show your requests only in our 1:1 chat, so nobody else sees them: send me "my requests" there.'],
      cards: [],
    });

    const group = personalMessage('my requests', { serviceUrl: bot.serviceUrl, from: ALEX, conversationId: '19:group-chat@thread.v2' });
    const inGroup = await reply({ ...group, conversation: { ...group.conversation, conversationType: 'groupChat', isGroup: true } });
    expect(inGroup.cards).toEqual([]);

    const personal = await reply(personalMessage('my requests', { serviceUrl: bot.serviceUrl, from: ALEX }));
    expect(personal.cards.map((c) => c.type)).toEqual(['AdaptiveCard']);
  });

  it('"outbox status" in a channel, even from an admin: a pointer to the 1:1 chat, no card', async () => {
    const inChannel = await reply(channelMention('outbox status', { serviceUrl: bot.serviceUrl, from: ADELE, channel: GENERAL }));
    expect(inChannel).toEqual({
      texts: ['I show the outbox status only in a 1:1 chat, because it names the people messages are for: send me "outbox status" there.'],
      cards: [],
    });

    const personal = await reply(personalMessage('outbox status', { serviceUrl: bot.serviceUrl, from: ADELE }));
    expect(personal.cards).toHaveLength(1);
  });
});
