/**
 * Team-assisted support in the team's own channel: when an Important solution's catalog entry has a
 * Teams channel link as its support channel, the co-owners' ping is also posted there (a new post,
 * with the same Claim button), and when one of them claims it the channel's card changes in place
 * for everyone, like the other co-owners' DMs.
 */
import type { Solution } from '../../src/domain/solution';
import { TableCaseStore } from '../../src/storage/cases/table-case-store';
import { ALEX, personalMessage, user } from '../support/activities';
import { BotHarness } from '../support/bot-harness';
import { allText, cardsIn, input, verbs } from '../support/cards';
import { PEOPLE, SOLUTIONS } from '../support/fixture-solutions';
import { IntakeDriver } from '../support/intake-driver';
import { NotificationDriver } from '../support/notification-driver';
import { fixedCatalog } from '../support/test-catalog';

const LEE = user(PEOPLE.lee.displayName, PEOPLE.lee.aadObjectId);
const MALLORY = user('Mallory', 'ddddeeee-0000-4000-8000-00000000000f');
const CHANNEL_ID = '19:a1b2c3d4e5f60718293a4b5c6d7e8f90@thread.tacv2';
const TEAM_ID = '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9';
const ROOMS: Solution = {
  ...SOLUTIONS.rooms,
  supportChannel: `https://teams.microsoft.com/l/channel/${encodeURIComponent(CHANNEL_ID)}/Room%20Booking%20support?groupId=${TEAM_ID}&tenantId=72f988bf-86f1-41af-91ab-2d7cd011db47`,
};
/** Its maker reads French (the catalog's maker language): the channel post is in French. */
const PARKING: Solution = {
  ...ROOMS,
  id: 'parking-spaces',
  name: 'Parking Spaces',
  maker: { ...ROOMS.maker, preferredLanguage: 'fr-FR' },
};
/** Same co-owners, its channel given by name only: nothing to post to. */
const NAMED: Solution = { ...SOLUTIONS.rooms, id: 'desk-booking', name: 'Desk Booking', supportChannel: 'Facilities › Desk Booking' };

describe("co-owners' pings in the solution's support channel", () => {
  let bot: BotHarness;
  let notes: NotificationDriver;
  let now = new Date('2026-11-20T10:00:00Z');

  beforeAll(async () => {
    bot = await BotHarness.start(
      {},
      { catalog: fixedCatalog([ROOMS, NAMED, PARKING]), clock: { now: () => now }, notifications: { random: () => 0.5 } },
    );
    notes = new NotificationDriver(
      bot,
      (ms) => (now = new Date(now.getTime() + ms)),
      () => now.getTime(),
    );
    await bot.post(personalMessage('hello', { serviceUrl: bot.serviceUrl, from: ALEX }));
  });
  afterAll(async () => bot.stop());

  async function submit(query: string): Promise<string> {
    const driver = new IntakeDriver(bot, ALEX);
    await driver.say('new request');
    await driver.press('intake.need', { category: 'solution-problem' });
    const results = await driver.press('intake.search', { query });
    await driver.press('intake.solution', { solutionId: input(results, 'solutionId').choices[0].value });
    await driver.press('intake.details', {
      title: 'Double bookings',
      description: 'Two teams got the same room for Monday.',
      since: 'today',
      impact: 'team',
      urgency: 'workaround',
    });
    await driver.press('intake.submit');
    bot.connector.reset();
    return driver.intakeId;
  }

  /** Conversations the bot created in a channel (POST /v3/conversations with the channel's id). */
  const channelPosts = () =>
    bot.connector.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/v3/conversations') && c.body?.isGroup === true);

  it('posts the ping in the channel with the Claim button, and updates it in place for everyone when a co-owner claims', async () => {
    const id = await submit('room booking');
    await notes.drain();
    const [post, ...more] = channelPosts();
    expect(more).toEqual([]);
    expect(post!.body.channelData.channel).toEqual({ id: CHANNEL_ID });
    const [card] = cardsIn([post!.body.activity]);
    expect(verbs(card)).toEqual(['request.claim']);
    expect(allText(card)).toContain('Double bookings');
    expect(allText(card)).toContain('Lee Gu, Nestor Wilke');
    // The DMs went too.
    expect(await notes.dmsTo(PEOPLE.lee.aadObjectId)).toHaveLength(1);
    expect(await notes.dmsTo(PEOPLE.nestor.aadObjectId)).toHaveLength(1);

    // Someone in the channel who is no co-owner can't take it; Lee can.
    expect(await notes.press(MALLORY, 'request.claim', { requestId: id })).toBe('Only co-owners of this solution can claim this request.');
    expect(allText(await notes.press(LEE, 'request.claim', { requestId: id }))).toContain("It's yours");
    await notes.drain();

    const sent = (await bot.jobs.store.messagesOf(id)).sent;
    const inChannel = sent.find((r) => r.message.target.kind === 'team-channel')!;
    expect(inChannel.activityId).toBeDefined();
    const channelUpdates = notes
      .updates()
      .filter((u) => u.conversationId === inChannel.conversationId && u.activityId === inChannel.activityId);
    expect(channelUpdates).toHaveLength(1);
    expect(allText(channelUpdates[0]!.card)).toContain('Claimed by Lee Gu');
    expect(verbs(channelUpdates[0]!.card)).toEqual([]);
    const nestorPing = sent.find((r) => r.message.target.kind === 'user' && r.message.target.aadObjectId === PEOPLE.nestor.aadObjectId)!;
    expect(
      notes.updates().filter((u) => u.conversationId === nestorPing.conversationId && u.activityId === nestorPing.activityId),
    ).toHaveLength(1);
    expect((await new TableCaseStore(bot.tables().client('cases')).get(id))!.request.status).toBe('claimed');
  });

  it("writes the channel post in the maker's language from the catalog (the channel has none registered)", async () => {
    bot.connector.reset();
    await submit('parking spaces');
    await notes.drain();
    const [post] = channelPosts();
    const [card] = cardsIn([post!.body.activity]);
    expect(allText(card)).toContain('Prendre en charge');
    expect(allText(card)).not.toContain('Claim');
  });

  it('posts nothing to a channel known by name only (no address): the co-owners get their DMs', async () => {
    bot.connector.reset();
    await submit('desk booking');
    await notes.drain();
    expect(channelPosts()).toEqual([]);
    expect((await notes.dmsTo(PEOPLE.nestor.aadObjectId)).length).toBeGreaterThanOrEqual(1);
  });
});
