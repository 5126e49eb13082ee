/**
 * "It's not listed" asks which solution it was and puts it on the ticket; a question about no
 * solution says so on the ticket and its cards; inputs carry their limits and a refusal says which
 * field to shorten and by how much, in the person's language, keeping all they typed. Over /api/messages.
 */
import { text } from '../../src/domain/text';
import { translate } from '../../src/i18n/translate';
import { ALEX, user } from '../support/activities';
import { BotHarness } from '../support/bot-harness';
import { allText, input } from '../support/cards';
import { channel } from '../support/channel-activities';
import { SOLUTIONS } from '../support/fixture-solutions';
import { DETAILS, HelpDeskDriver } from '../support/help-desk-driver';
import { IntakeDriver } from '../support/intake-driver';
import { rosterResponder } from '../support/team-roster';
import { fixedCatalog } from '../support/test-catalog';
import { english } from '../support/words';

const ADELE = user('Adele Vance', 'ad000000-0000-4000-8000-000000000014');
const HELP = channel('Help desk', 'it14');

describe('"It\'s not listed", questions about no solution, and limits the user can see', () => {
  let bot: BotHarness;
  let hd: HelpDeskDriver;

  beforeAll(async () => {
    bot = await BotHarness.start({ ADMIN_IDS: ADELE.aadObjectId }, { catalog: fixedCatalog(Object.values(SOLUTIONS)) });
    hd = new HelpDeskDriver(bot);
    bot.connector.respondWith(rosterResponder({ [HELP.teamId]: [ADELE] }));
    await hd.say(ADELE, HELP, 'register help desk');
  });
  afterAll(async () => bot.stop());
  beforeEach(() => bot.connector.reset());

  async function notListedDetails(driver: IntakeDriver): Promise<any> {
    await driver.say('new request');
    await driver.press('intake.need', { category: 'solution-problem' });
    await driver.press('intake.search', { query: 'budget' });
    return driver.press('intake.solution', { solutionId: 'not-listed' });
  }

  /** The ticket card an agent gets for "ticket HD-…" in the help desk channel. */
  async function ticketCardOf(number: string): Promise<string> {
    const { card } = await hd.say(ADELE, HELP, `ticket ${number}`);
    return allText(card);
  }

  it('"It\'s not listed" asks for the name (required), the environment and the maker (optional), each with its limit', async () => {
    const driver = new IntakeDriver(bot, ALEX);
    const details = await notListedDetails(driver);
    expect(input(details, 'unlistedName')).toMatchObject({ isRequired: true, maxLength: 120 });
    expect(input(details, 'unlistedEnvironment')).toMatchObject({ maxLength: 100 });
    expect(input(details, 'unlistedMaker')).toMatchObject({ maxLength: 120 });

    const refused = await driver.press('intake.details', DETAILS);
    expect(allText(refused)).toContain(english(text('conversation.unlisted.nameMissing')));
    expect(input(refused, 'title').value).toBe(DETAILS.title);
  });

  it('puts the name, environment and maker on the review, the request, the ticket and its card', async () => {
    const driver = new IntakeDriver(bot, ALEX);
    await notListedDetails(driver);
    const review = await driver.press('intake.details', {
      ...DETAILS,
      unlistedName: 'Budget Sheet',
      unlistedEnvironment: 'Finance (prod)',
      unlistedMaker: 'dana@contoso.example',
    });
    expect(allText(review)).toContain('Budget Sheet (not in the catalog)');
    await driver.press('intake.submit');
    const ticket = (await hd.tickets.get(driver.intakeId))!.ticket;
    expect(ticket.unlistedSolution).toEqual({ name: 'Budget Sheet', environment: 'Finance (prod)', maker: 'dana@contoso.example' });
    const card = await ticketCardOf(ticket.number);
    expect(card).toContain('Budget Sheet (not in the catalog; environment: Finance (prod), maker: dana');
    expect(card).toContain('(tier unknown)');

    // Back from the review keeps what they gave.
    const other = new IntakeDriver(bot, ALEX);
    await notListedDetails(other);
    await other.press('intake.details', { ...DETAILS, unlistedName: 'Budget Sheet' });
    const back = await other.press('intake.back');
    expect(input(back, 'unlistedName').value).toBe('Budget Sheet');
  });

  it.each([
    ['platform-issue', 'Power Platform itself seems down'],
    ['find-or-how-to', 'Finding an app, or how to do something'],
  ])('a %s question says on its ticket that it is about no solution, not "Not in the catalog (No tier)"', async (category) => {
    const driver = new IntakeDriver(bot, ALEX);
    await driver.say('new request');
    const details = await driver.press('intake.need', { category });
    expect(input(details, 'unlistedName')).toBeUndefined();
    await driver.press('intake.details', DETAILS);
    await driver.press('intake.submit');
    const ticket = (await hd.tickets.get(driver.intakeId))!.ticket;
    const card = await ticketCardOf(ticket.number);
    expect(card).toContain(english(text('conversation.noSolution.solution')));
    expect(card).toContain(english(text('conversation.noSolution.tier')));
    expect(card).not.toContain('Not in the catalog');
    expect(card).not.toContain('No tier');
    const list = await hd.say(ADELE, HELP, 'open tickets');
    expect(allText(list.card)).toContain(english(text('conversation.noSolution.solution')));
  });

  it('a 5,000-character description is refused with which field and by how much, and all of it stays on the card', async () => {
    const driver = new IntakeDriver(bot, ALEX);
    await driver.say('new request');
    const details = await driver.press('intake.need', { category: 'find-or-how-to' });
    expect(input(details, 'description').maxLength).toBe(2000);
    expect(input(details, 'title').maxLength).toBe(120);
    expect(input(details, 'since').maxLength).toBe(100);
    const description = `${'경비 영수증 🧾 '.repeat(624)}`.slice(0, 4_990).padEnd(5_000, '끝');
    expect(description.length).toBe(5_000);
    const refused = await driver.press('intake.details', { ...DETAILS, description });
    expect(allText(refused)).toContain('Description: 5000 characters, the limit is 2000. Shorten it by 3000 characters.');
    expect(input(refused, 'description').value).toBe(description);
  });

  it("says it in the person's language", async () => {
    const driver = new IntakeDriver(bot, ALEX, { message: { locale: 'fr-FR' }, invoke: { locale: 'fr-FR' } });
    await driver.say('nouvelle demande');
    await driver.press('intake.need', { category: 'find-or-how-to' });
    const refused = await driver.press('intake.details', { ...DETAILS, title: 'T'.repeat(121) });
    const french = translate(
      text('conversation.limits.shorten', { field: text('conversation.limits.fields.title'), length: 121, max: 120, count: 1 }),
      {
        locale: 'fr',
        timeZone: 'UTC',
      },
    );
    expect(allText(refused)).toContain(french);
    expect(french).toContain('Titre');
  });
});
