/**
 * The makers' recognition (issue 17) over the real bot: requests answered and resolved through the
 * bot by a maker and a co-owner are counted; after the month the leased job DMs each a thank-you
 * card with their own figures, once however often it runs and however many instances race; "stop
 * thanks" (or the card's button) stops the cards and takes them off the report's "most helpful".
 */
import type { OutboxMessage } from '../../src/domain/outbox-message';
import type { ReportAggregator } from '../../src/services/reports/report-aggregator';
import { ThanksJob } from '../../src/services/recognition/thanks-job';
import { TableLeaseStore } from '../../src/storage/leases/table-lease-store';
import { TableRecognitionChoices } from '../../src/storage/recognition/table-recognition-choices';
import { TableThanksRecords } from '../../src/storage/recognition/table-thanks-records';
import { TableReportCounters } from '../../src/storage/reports/table-report-counters';
import { readJson } from '../../src/storage/stored-text';
import { ALEX, personalMessage, user, type TestUser } from '../support/activities';
import { BotHarness } from '../support/bot-harness';
import { allText, input, verbs } from '../support/cards';
import { PEOPLE, SOLUTIONS } from '../support/fixture-solutions';
import { IntakeDriver } from '../support/intake-driver';
import { NotificationDriver } from '../support/notification-driver';
import { fixedCatalog } from '../support/test-catalog';
import { englishData } from '../support/words';

const ADELE = user('Adele Vance', 'ad000000-0000-4000-8000-000000000001'); // admin, reads reports
const MEGAN = user(PEOPLE.megan.displayName, PEOPLE.megan.aadObjectId); // maker of Expense Tracker
const LEE = user(PEOPLE.lee.displayName, PEOPLE.lee.aadObjectId); // co-owner of Room Booking
const MINUTE = 60_000;
const DETAILS = { title: 'Totals are wrong', description: 'The total ignores a row.', since: 'today', impact: 'me', urgency: 'workaround' };

describe('the makers’ monthly thank-you cards', () => {
  let bot: BotHarness;
  let notes: NotificationDriver;
  let aggregator: ReportAggregator | undefined;
  let job: ThanksJob | undefined;
  let now = Date.parse('2026-11-10T09:00:00Z');

  beforeAll(async () => {
    bot = await BotHarness.start(
      { ADMIN_IDS: ADELE.aadObjectId, MAKER_ACK_MINUTES: '600', CO_OWNER_CLAIM_MINUTES: '600' },
      {
        catalog: fixedCatalog(Object.values(SOLUTIONS)),
        clock: { now: () => new Date(now) },
        reports: { foldIntervalMs: 0, onAggregator: (a) => (aggregator = a) },
        recognition: { background: 'manual', onJob: (j) => (job = j) },
      },
    );
    notes = new NotificationDriver(
      bot,
      (ms) => (now += ms),
      () => now,
    );
    await bot.post(personalMessage('hello', { serviceUrl: bot.serviceUrl, from: ALEX }));
  });
  afterAll(async () => bot.stop());

  /** Alex submits a problem with the first solution matching `query`; returns the request id. */
  async function submit(query: string): Promise<string> {
    const driver = new IntakeDriver(bot, ALEX);
    await driver.say('new request');
    await driver.press('intake.need', { category: 'solution-problem' });
    const results = await driver.press('intake.search', { query });
    await driver.press('intake.solution', { solutionId: input(results, 'solutionId').choices[0].value });
    await driver.press('intake.details', DETAILS);
    await driver.press('intake.submit');
    await notes.drain();
    return driver.intakeId;
  }

  async function say(who: TestUser, words: string, locale = 'en-US'): Promise<any> {
    const before = bot.connector.sentActivities.length;
    const answer = await bot.post({ ...personalMessage(words, { serviceUrl: bot.serviceUrl, from: who }), locale });
    expect(answer.status).toBe(200);
    await bot.connector.waitFor(() => bot.connector.sentActivities.length > before);
    return bot.connector.sentActivities[before];
  }

  /** Every thank-you DM written, pending or delivered. */
  async function thanksDms(): Promise<OutboxMessage[]> {
    const out: OutboxMessage[] = [];
    for (const prefix of ['out|t-', 'sent|t-']) {
      const filter = `RowKey ge '${prefix}' and RowKey lt '${prefix}~'`;
      for await (const row of bot.tables().client('cases').listEntities({ queryOptions: { filter } })) out.push(readJson(row, 'data'));
    }
    return out;
  }
  const figures = (m: OutboxMessage) => {
    const data = englishData(m.card.data);
    return {
      to: m.target.kind === 'user' ? m.target.displayName : '?',
      heading: data.heading,
      facts: data.facts.map((f: any) => `${f.title}: ${f.value}`),
    };
  };
  const helpersIn = (card: any): string[] => {
    const i = (card.body as any[]).findIndex((e) => e.text === 'Most helpful makers and co-owners');
    return i === -1 ? [] : card.body[i + 1].facts.map((f: any) => `${f.title}: ${f.value}`);
  };

  it('thanks the maker for November once, with her own figures (help given from midnight UTC on 1 December counts in December)', async () => {
    // Megan answers two requests after 30 and 90 minutes and resolves one; Lee claims one after 2 hours and resolves it.
    const first = await submit('expense');
    now += 30 * MINUTE;
    await notes.press(MEGAN, 'request.acknowledge', { requestId: first });
    const second = await submit('expense');
    now += 90 * MINUTE;
    await notes.press(MEGAN, 'request.acknowledge', { requestId: second });
    await notes.press(MEGAN, 'request.resolve', { requestId: second, note: 'Fixed the formula.' });
    now = Date.parse('2026-11-30T22:00:00Z');
    const room = await submit('room');
    now += 120 * MINUTE; // 00:00 UTC on 1 December: counted in December, not November
    await notes.press(LEE, 'request.claim', { requestId: room });
    await notes.press(LEE, 'request.resolve', { requestId: room, note: 'Freed the room.' });
    await notes.drain();
    expect(await aggregator!.runOnce()).toBeGreaterThan(0);

    // Within the grace hour after November ends, October is the month due: nobody helped then.
    now = Date.parse('2026-12-01T00:30:00Z');
    expect(await job!.runOnce()).toEqual({ ran: true, month: '2026-10', thanked: 0, optedOut: 0, done: true });
    now = Date.parse('2026-12-01T02:00:00Z');
    expect(await job!.runOnce()).toEqual({ ran: true, month: '2026-11', thanked: 1, optedOut: 0, done: true });
    expect(await job!.runOnce()).toMatchObject({ month: '2026-11', thanked: 0 });
    const [megan, ...more] = await thanksDms();
    expect(more).toEqual([]);
    expect(figures(megan)).toEqual({
      to: 'Megan Bowen',
      heading: 'Thank you for your help in November 2026',
      facts: [
        'Requests you answered: 2',
        'Requests you resolved: 1',
        'Solutions you helped with: 1',
        'Your average time to a first answer: 1 h',
      ],
    });

    // Delivered to her 1:1 chat, with the opt-out button.
    expect(await notes.drain()).toMatchObject({ failed: 0 });
    const cards = (await notes.dmsTo(MEGAN.aadObjectId)).filter((c) => allText(c).includes('Thank you for your help'));
    expect(cards).toHaveLength(1);
    expect(allText(cards[0])).toContain('Megan Bowen, people who use your solutions asked for help in November 2026');
    expect(verbs(cards[0])).toEqual(['recognition.opt-out']);
  });

  it('"Don\'t send me these" and "stop thanks" take people off the report\'s most helpful; "start thanks" puts them back', async () => {
    now = Date.parse('2026-12-03T10:00:00Z');
    // As many resolved: the one who answered more first.
    expect(helpersIn((await say(ADELE, 'report last 4 weeks')).attachments[0].content)).toEqual([
      'Megan Bowen: 2 answered, 1 resolved',
      'Lee Gu: 1 answered, 1 resolved',
    ]);

    expect(await notes.press(MEGAN, 'recognition.opt-out', {})).toContain("Done: no more thank-you cards, and you won't be named");
    expect(await notes.press(MEGAN, 'recognition.opt-out', {})).toContain('You already get no thank-you cards.');
    expect((await say(LEE, '감사 카드 중지', 'ko-KR')).text).toContain('더 이상 감사 카드를 보내 드리지 않으며');
    const report = (await say(ADELE, 'report last 4 weeks')).attachments[0].content;
    expect(helpersIn(report)).toEqual([]);
    expect(allText(report)).not.toContain('Megan Bowen');

    expect((await say(MEGAN, 'start thanks')).text).toContain('Done: after each month in which you help people');
    expect(helpersIn((await say(ADELE, 'report last 4 weeks')).attachments[0].content)).toEqual(['Megan Bowen: 2 answered, 1 resolved']);
    expect([...(await new TableRecognitionChoices(bot.tables().client('conversations')).optedOut())]).toEqual([LEE.aadObjectId]);
  });

  it('two instances racing after December send one card each, and none to who opted out', async () => {
    // December: Megan answers one more; Lee (opted out) resolved the room request on 1 December.
    now = Date.parse('2026-12-14T09:00:00Z');
    const third = await submit('expense');
    now += 15 * MINUTE;
    await notes.press(MEGAN, 'request.acknowledge', { requestId: third });
    await aggregator!.runOnce();

    now = Date.parse('2027-01-01T03:00:00Z');
    await job!.leases.releaseAll(); // the bot's instance stops; two others start at once
    const instance = (owner: string) =>
      new ThanksJob({
        counters: new TableReportCounters(bot.tables().client('cases')),
        records: new TableThanksRecords(bot.tables().client('cases'), bot.tables().client('conversations')),
        choices: new TableRecognitionChoices(bot.tables().client('conversations')),
        leases: new TableLeaseStore(bot.tables().client('leases')),
        clock: { now: () => new Date(now) },
        owner,
        minimum: 1,
        intervalMs: 6 * 3_600_000,
      });
    const [a, b] = [instance('instance-a'), instance('instance-b')];
    const runs = await Promise.all([a.runOnce(), b.runOnce()]);
    expect(runs.filter((r) => r.ran)).toEqual([{ ran: true, month: '2026-12', thanked: 1, optedOut: 1, done: true }]);
    // The leader dies; the other takes over once its lease runs out, the same month: nothing more.
    now += MINUTE;
    await Promise.all([a.runOnce(), b.runOnce()]);
    const december = (await thanksDms()).map(figures).filter((f) => f.heading.includes('December'));
    expect(december).toEqual([
      {
        to: 'Megan Bowen',
        heading: 'Thank you for your help in December 2026',
        facts: [
          'Requests you answered: 1',
          'Requests you resolved: 0',
          'Solutions you helped with: 1',
          'Your average time to a first answer: 0.3 h',
        ],
      },
    ]);
    await Promise.all([a.leases.releaseAll(), b.leases.releaseAll()]);
  });
});
