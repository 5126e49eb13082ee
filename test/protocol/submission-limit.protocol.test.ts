import { TableCaseStore } from '../../src/storage/cases/table-case-store';
import { TableIntakeStore } from '../../src/storage/intake/table-intake-store';
import { actionExecute, user, type TestUser } from '../support/activities';
import { BotHarness } from '../support/bot-harness';
import { allText, input, verbs } from '../support/cards';
import { SOLUTIONS } from '../support/fixture-solutions';
import { IntakeDriver } from '../support/intake-driver';
import { fixedCatalog } from '../support/test-catalog';

const DETAILS = {
  title: 'Totals are wrong',
  description: 'The monthly total ignores the last row.',
  since: '',
  impact: 'me',
  urgency: 'workaround',
};
const T0 = Date.parse('2026-11-20T10:00:00Z');

describe('requests per person per hour (MAX_REQUESTS_PER_HOUR=3)', () => {
  let bot: BotHarness;
  let cases: TableCaseStore;
  let intakes: TableIntakeStore;
  let now = new Date(T0);

  beforeAll(async () => {
    bot = await BotHarness.start(
      { MAX_REQUESTS_PER_HOUR: '3' },
      { catalog: fixedCatalog(Object.values(SOLUTIONS)), clock: { now: () => now } },
    );
    cases = new TableCaseStore(bot.tables().client('cases'));
    intakes = new TableIntakeStore(bot.tables().client('intakes'));
  });
  afterAll(async () => bot.stop());

  async function review(person: TestUser): Promise<IntakeDriver> {
    const driver = new IntakeDriver(bot, person);
    await driver.say('new request');
    await driver.press('intake.need', { category: 'solution-problem' });
    const results = await driver.press('intake.search', { query: 'expense' });
    await driver.press('intake.solution', { solutionId: input(results, 'solutionId').choices[0].value });
    await driver.press('intake.details', { ...DETAILS, title: `${DETAILS.title} (${driver.user.name})` });
    return driver;
  }
  const requestsOf = (person: TestUser) => cases.listByRequester(person.aadObjectId, 100);

  it('refuses the fourth Submit within the hour with when to try again, keeps the draft, writes nothing; accepts it once the hour has passed', async () => {
    const flood = user('Fay Flood', 'f1000000-0000-4000-8000-000000000001');
    for (const minutes of [0, 10, 20]) {
      now = new Date(T0 + minutes * 60_000);
      const driver = await review(flood);
      expect(allText(await driver.press('intake.submit'))).toContain('submitted');
    }

    now = new Date(T0 + 30 * 60_000);
    const fourth = await review(flood);
    const refused = await fourth.press('intake.submit');
    expect(allText(refused)).toContain(
      "You've sent 3 requests in the last hour, the most I take from one person. You can submit this one in 30 minutes (from 11:00 UTC): it's kept here until then, so just press Submit again.",
    );
    expect(verbs(refused)).toEqual(['intake.submit', 'intake.back', 'intake.cancel']); // still the review card
    expect(await requestsOf(flood)).toHaveLength(3);
    expect(await cases.get(fourth.intakeId)).toBeUndefined();
    // The draft is kept as it was: still open, on the review step, with what was typed.
    const draft = (await intakes.get(flood.aadObjectId, fourth.intakeId))?.draft;
    expect(draft).toMatchObject({ state: 'open', step: 'review', details: { title: `${DETAILS.title} (${flood.name})` } });
    expect(draft?.requestId).toBeUndefined();

    // Someone else is not held back by Fay's limit.
    const other = user('Oscar Other', 'f1000000-0000-4000-8000-000000000002');
    expect(allText(await (await review(other)).press('intake.submit'))).toContain('submitted');

    now = new Date(T0 + 60 * 60_000); // the first one leaves the hour
    const accepted = await fourth.press('intake.submit');
    expect(allText(accepted)).toContain('submitted');
    expect(await requestsOf(flood)).toHaveLength(4);
    // A second click on the accepted request costs nothing and changes nothing.
    expect(await fourth.press('intake.submit')).toEqual(accepted);
  });

  it('holds under parallel Submits of one person: five drafts at once, exactly three requests', async () => {
    now = new Date(T0 + 5 * 60 * 60_000);
    const racer = user('Rae Racer', 'f1000000-0000-4000-8000-000000000003');
    const drivers: IntakeDriver[] = [];
    for (let i = 0; i < 5; i++) drivers.push(await review(racer));
    const answers = await Promise.all(
      drivers.map((d) => bot.post(actionExecute('intake.submit', { intakeId: d.intakeId }, { serviceUrl: bot.serviceUrl, from: racer }))),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    const texts = answers.map((a) => allText(a.body.value));
    const submitted = texts.filter((t) => t.includes('submitted')).length;
    const limited = texts.filter((t) => t.includes("You've sent 3 requests in the last hour")).length;
    console.log(`submission limit under 5 parallel Submits of one person (limit 3): ${submitted} submitted, ${limited} refused`);
    expect({ submitted, limited }).toEqual({ submitted: 3, limited: 2 });
    expect(await requestsOf(racer)).toHaveLength(3);
  });
});
