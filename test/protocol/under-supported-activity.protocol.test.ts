/**
 * The under-supported job's two counted signals through the real bot (issue 17): requests submitted
 * through the intake and maker timeouts fired by the request timers leave feed rows, the report
 * aggregator folds them into the per-day counters, and the job reads those counters (never the
 * requests) to flag "many requests for its tier" and "repeated maker timeouts", with their figures,
 * on the maker's DM and the admins' list.
 */
import type { SolutionRecord } from '../../src/domain/catalog/solution-record';
import type { Solution } from '../../src/domain/solution';
import type { UnderSupportedJob } from '../../src/services/governance/under-supported-job';
import type { ReportAggregator } from '../../src/services/reports/report-aggregator';
import { ALEX, personalMessage, user } from '../support/activities';
import { BotHarness } from '../support/bot-harness';
import { allText, input } from '../support/cards';
import { PEOPLE, SOLUTIONS } from '../support/fixture-solutions';
import { IntakeDriver } from '../support/intake-driver';
import { NotificationDriver } from '../support/notification-driver';
import { fixedCatalog } from '../support/test-catalog';

const ADELE = user('Adele Vance', 'ad000000-0000-4000-8000-000000000001'); // admin
const MINUTE = 60_000;
const solution = (id: string, name: string, coOwners = [PEOPLE.lee]): Solution => ({ ...SOLUTIONS.expenses, id, name, coOwners });
// Busy: 3 requests (the Productivity threshold below). Slow: 2 requests. Calm: one request, the only one
// the maker answers. None is shared or launched much, and each has a co-owner.
const BUSY = solution('busy-sheet', 'Busy Sheet');
const SLOW = solution('slow-rota', 'Slow Rota', [PEOPLE.nestor]);
const CALM = solution('calm-notes', 'Calm Notes');
const DETAILS = {
  title: 'Totals are wrong',
  description: 'The total ignores the last row.',
  since: 'today',
  impact: 'me',
  urgency: 'workaround',
};

const record = (s: Solution): SolutionRecord => {
  const { createdAt: _c, updatedAt: _u, ...rest } = s;
  return rest;
};

describe('under-supported: many requests for the tier and repeated maker timeouts, from the report counters', () => {
  let bot: BotHarness;
  let job: UnderSupportedJob | undefined;
  let aggregator: ReportAggregator | undefined;
  let notes: NotificationDriver;
  let now = Date.parse('2026-11-23T06:00:00Z'); // Monday, ISO week 2026-W48

  beforeAll(async () => {
    bot = await BotHarness.start(
      {
        ADMIN_IDS: ADELE.aadObjectId,
        MAKER_ACK_MINUTES: '60',
        UNDER_SUPPORTED_REQUESTS_PRODUCTIVITY: '3',
        UNDER_SUPPORTED_MAKER_TIMEOUTS: '2',
        UNDER_SUPPORTED_WINDOW_DAYS: '7',
      },
      {
        catalog: fixedCatalog([BUSY, SLOW, CALM]),
        clock: { now: () => new Date(now) },
        notifications: { random: () => 0.5 },
        reports: { foldIntervalMs: 0, onAggregator: (a) => (aggregator = a) },
        governance: { background: 'manual', onJob: (j) => (job = j) },
      },
    );
    // The job reads the stored catalog (the intake above searches the same three).
    await bot.catalog().upsertMany([BUSY, SLOW, CALM].map(record));
    notes = new NotificationDriver(
      bot,
      (ms) => (now += ms),
      () => now,
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
    await driver.press('intake.details', DETAILS);
    await driver.press('intake.submit');
    return driver.intakeId;
  }

  it('flags the busy and the slow solution with the figures that reached their thresholds, and only those', async () => {
    for (let i = 0; i < 3; i++) await submit('busy sheet');
    await submit('slow rota');
    await submit('slow rota');
    const calm = await submit('calm notes');
    await notes.drain();
    const MEGAN = user(PEOPLE.megan.displayName, PEOPLE.megan.aadObjectId);
    await notes.press(MEGAN, 'request.acknowledge', { requestId: calm });
    // Only the calm one is acknowledged: the other five wait past the hour and move on to the co-owners.
    now += 61 * MINUTE;
    const run = await bot.jobs.runTimers();
    expect(run.movedOn).toBe(5); // 3 busy + 2 slow: nobody acknowledged them
    await notes.drain();

    // Before the aggregator has folded the feed, the job sees no request and no timeout.
    expect(await job!.runOnce()).toMatchObject({ ran: true, found: 0 });
    expect(await aggregator!.runOnce()).toBeGreaterThan(0);
    now += 24 * 60 * MINUTE; // the next day's run, same ISO week
    expect(await job!.runOnce()).toMatchObject({ ran: true, found: 2, notified: 2 });

    await notes.drain();
    const dms = (await notes.dmsTo(PEOPLE.megan.aadObjectId)).map(allText).filter((t) => t.includes('may need more support'));
    expect(dms).toHaveLength(2);
    const busy = dms.find((t) => t.includes('Busy Sheet'))!;
    expect(busy).toContain('Many requests for a Productivity solution: 3 in the past 7 days (threshold 3)');
    // The three busy requests timed out too (3 ≥ 2): both signals, each with its figure.
    expect(busy).toContain('Its maker or co-owners did not answer in time 3 times in the past 7 days (threshold 2)');
    const slow = dms.find((t) => t.includes('Slow Rota'))!;
    expect(slow).toContain('Its maker or co-owners did not answer in time 2 times in the past 7 days (threshold 2)');
    expect(slow).not.toContain('Many requests');

    const list = allText(await new IntakeDriver(bot, ADELE).say('under-supported'));
    expect(list).toContain('Busy Sheet (Productivity)');
    expect(list).toContain('Slow Rota (Productivity)');
    expect(list).toContain('Many requests for a Productivity solution: 3 in the past 7 days (threshold 3)');
    expect(list).toContain('Its maker or co-owners did not answer in time 2 times in the past 7 days (threshold 2)');
    expect(list).not.toContain('Calm Notes');
  });

  it('a week later the requests and timeouts are out of the 7-day window: nothing is flagged', async () => {
    now += 8 * 24 * 60 * MINUTE;
    expect(await job!.runOnce()).toMatchObject({ ran: true, found: 0, notified: 0 });
  });
});
