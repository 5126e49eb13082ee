import { networkInterfaces } from 'node:os';
import { TableConversationStore } from '../../src/storage/conversations/table-conversation-store';
import { TableEndpointStore } from '../../src/storage/conversations/table-endpoint-store';
import { actionExecute, ALEX, personalMessage, TestUser, user } from '../support/activities';
import { BotHarness } from '../support/bot-harness';
import { allText, cardsIn, input } from '../support/cards';
import { PEOPLE, SOLUTIONS } from '../support/fixture-solutions';
import { IntakeDriver } from '../support/intake-driver';
import { NotificationDriver } from '../support/notification-driver';
import { ConnectorCall, RecordingConnector } from '../support/recording-connector';
import { fixedCatalog } from '../support/test-catalog';

const MEGAN = user(PEOPLE.megan.displayName, PEOPLE.megan.aadObjectId);
const LEE = user(PEOPLE.lee.displayName, PEOPLE.lee.aadObjectId);
const NESTOR = user(PEOPLE.nestor.displayName, PEOPLE.nestor.aadObjectId);
const DETAILS = {
  title: 'It stopped working',
  description: 'Nothing loads since this morning.',
  since: 'this morning',
  impact: 'me',
  urgency: 'workaround',
};

/**
 * An Agents Playground of its own for one person, as in the local demo: a connector at its own
 * service URL (the playground's is http://localhost:PORT/_connector), to which the bot must send
 * everything meant for that person and nothing meant for anyone else.
 */
class Playground {
  constructor(
    readonly person: TestUser,
    readonly connector: RecordingConnector,
  ) {}

  static async start(person: TestUser): Promise<Playground> {
    return new Playground(person, await new RecordingConnector().start());
  }

  get serviceUrl(): string {
    return `${this.connector.url}_connector`;
  }

  /** A message in the person's chat with the bot, shaped as the playground sends it (no conversationType, no name). */
  async say(bot: BotHarness, text: string): Promise<void> {
    const activity = personalMessage(text, { serviceUrl: this.serviceUrl, from: this.person });
    delete (activity.conversation as { conversationType?: string }).conversationType;
    const answer = await bot.post({ ...activity, from: { id: this.person.id, aadObjectId: this.person.aadObjectId } });
    if (answer.status !== 200) throw new Error(`message answered ${answer.status}`);
  }

  async press(bot: BotHarness, verb: string, data: Record<string, unknown>): Promise<void> {
    const answer = await bot.post(actionExecute(verb, data, { serviceUrl: this.serviceUrl, from: this.person }));
    if (answer.status !== 200) throw new Error(`invoke answered ${answer.status}`);
  }

  /** The 1:1 chats the bot created here, for whom. */
  createdFor(): string[] {
    return this.connector.calls.filter(isCreate).map((c) => c.body?.members?.[0]?.id);
  }

  /** Every card text the bot posted here. */
  cardTexts(): string[] {
    return cardsIn(this.connector.sentActivities).map(allText);
  }

  stop(): Promise<void> {
    return this.connector.stop();
  }
}

const isCreate = (c: ConnectorCall) => c.method === 'POST' && c.path.endsWith('/v3/conversations');

describe('proactive messages reach each person where they are (endpoints per person, not per tenant)', () => {
  let bot: BotHarness;
  let notes: NotificationDriver;
  let megan: Playground;
  let lee: Playground;
  let nestor: Playground;
  let now = new Date('2026-11-20T10:00:00Z');

  beforeAll(async () => {
    bot = await BotHarness.start(
      {},
      { catalog: fixedCatalog(Object.values(SOLUTIONS)), clock: { now: () => now }, notifications: { random: () => 0.5 } },
    );
    notes = new NotificationDriver(
      bot,
      (ms) => (now = new Date(now.getTime() + ms)),
      () => now.getTime(),
    );
    [megan, lee, nestor] = await Promise.all([Playground.start(MEGAN), Playground.start(LEE), Playground.start(NESTOR)]);
  });
  afterAll(async () => {
    await bot.stop();
    await Promise.all([megan.stop(), lee.stop(), nestor.stop()]);
  });

  /** Alex (at the harness's own connector, which is also the tenant's latest endpoint) reports a problem. */
  async function alexReports(query: string): Promise<string> {
    const driver = new IntakeDriver(bot, ALEX);
    await driver.say('new request');
    await driver.press('intake.need', { category: 'solution-problem' });
    const results = await driver.press('intake.search', { query });
    await driver.press('intake.solution', { solutionId: input(results, 'solutionId').choices[0].value });
    await driver.press('intake.details', DETAILS);
    await driver.press('intake.submit');
    return driver.intakeId;
  }

  it("the maker's DM lands at the maker's playground, and the requester's update at the requester's", async () => {
    await megan.say(bot, 'hi');
    // Alex talks last, so the tenant's latest endpoint is Alex's: it must not decide where Megan's DM goes.
    const id = await alexReports('expense');
    bot.connector.reset();
    expect(await notes.drain()).toMatchObject({ delivered: 1, failed: 0 });

    expect(megan.createdFor()).toEqual([PEOPLE.megan.aadObjectId]);
    expect(
      megan.cardTexts().some((t) => t.includes('A problem was reported with a solution you made') && t.includes('It stopped working')),
    ).toBe(true);
    expect(bot.connector.calls.filter(isCreate)).toHaveLength(0);

    await megan.press(bot, 'request.acknowledge', { requestId: id });
    const meganCalls = megan.connector.calls.length;
    expect(await notes.drain()).toMatchObject({ failed: 0 });
    expect(
      cardsIn(bot.connector.sentActivities)
        .map(allText)
        .some((t) => t.includes('Megan Bowen is on it.')),
    ).toBe(true);
    expect(megan.connector.calls.slice(meganCalls).filter((c) => JSON.stringify(c.body ?? '').includes('is on it'))).toHaveLength(0);
  });

  it("co-owners each get their ping at their own playground; one never seen gets it at the tenant's endpoint", async () => {
    await lee.say(bot, 'hello');
    megan.connector.reset();
    lee.connector.reset();
    nestor.connector.reset();
    await alexReports('room');
    bot.connector.reset();
    expect(await notes.drain()).toMatchObject({ failed: 0 });

    expect(lee.createdFor()).toEqual([PEOPLE.lee.aadObjectId]);
    expect(lee.cardTexts().some((t) => t.includes('Room Booking'))).toBe(true);
    // Nestor never talked to the bot: the tenant-wide endpoint is the only thing known for him.
    expect(bot.connector.calls.filter(isCreate).map((c) => c.body.members[0].id)).toEqual([PEOPLE.nestor.aadObjectId]);
    expect(nestor.connector.calls).toHaveLength(0);
    expect(megan.connector.calls).toHaveLength(0);
  });

  it('once a person is seen at their own playground, their DMs go there, not to the chat created at the fallback', async () => {
    await nestor.say(bot, 'hi');
    lee.connector.reset();
    nestor.connector.reset();
    await alexReports('room');
    bot.connector.reset();
    expect(await notes.drain()).toMatchObject({ failed: 0 });

    expect(nestor.createdFor()).toEqual([PEOPLE.nestor.aadObjectId]);
    expect(nestor.cardTexts().some((t) => t.includes('Room Booking'))).toBe(true);
    expect(bot.connector.calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    // Lee's 1:1 chat from the last ping is where she is: reused, not created again.
    expect(lee.createdFor()).toEqual([]);
    expect(lee.cardTexts().some((t) => t.includes('Room Booking'))).toBe(true);
  });
});

describe('local mode never calls a service URL that is not loopback', () => {
  let bot: BotHarness;
  let outside: RecordingConnector;
  let now = new Date('2026-11-20T10:00:00Z');

  beforeAll(async () => {
    bot = await BotHarness.start(
      {},
      { catalog: fixedCatalog(Object.values(SOLUTIONS)), clock: { now: () => now }, notifications: { random: () => 0.5 } },
    );
    outside = await new RecordingConnector().start('0.0.0.0');
  });
  afterAll(async () => {
    await bot.stop();
    await outside.stop();
  });

  it('a stored reference or endpoint pointing elsewhere (from before this rule, or planted) is refused, not called', async () => {
    const address =
      Object.values(networkInterfaces())
        .flat()
        .find((a) => a && a.family === 'IPv4' && !a.internal)?.address ?? '0.0.0.0';
    const elsewhere = outside.urlAt(address);
    const tables = bot.tables();
    await new TableConversationStore(tables.client('conversations')).saveUser(PEOPLE.megan.aadObjectId, {
      channelId: 'msteams',
      serviceUrl: elsewhere,
      conversation: { id: 'a:megan-elsewhere' },
      bot: { id: '28:bot-app-id' },
      user: { id: MEGAN.id, aadObjectId: PEOPLE.megan.aadObjectId },
    });
    await new TableEndpointStore(tables.client('conversations')).savePerson({
      aadObjectId: PEOPLE.megan.aadObjectId,
      serviceUrl: elsewhere,
      bot: { id: '28:bot-app-id' },
      seenAt: now.toISOString(),
    });

    const notes = new NotificationDriver(
      bot,
      (ms) => (now = new Date(now.getTime() + ms)),
      () => now.getTime(),
    );
    const driver = new IntakeDriver(bot, ALEX);
    await driver.say('new request');
    await driver.press('intake.need', { category: 'solution-problem' });
    const results = await driver.press('intake.search', { query: 'expense' });
    await driver.press('intake.solution', { solutionId: input(results, 'solutionId').choices[0].value });
    await driver.press('intake.details', DETAILS);
    await driver.press('intake.submit');
    await notes.drain();

    expect(outside.calls).toHaveLength(0);
    const { failed } = await bot.jobs.store.messagesOf(driver.intakeId);
    expect(failed).toEqual([expect.objectContaining({ lastError: expect.stringContaining('not a loopback address') })]);
  });
});
