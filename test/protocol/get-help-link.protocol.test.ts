import { demoCatalogRecords } from '../../scripts/demo-catalog';
import { demoOrg } from '../../scripts/lib/demo-org';
import { personalMessage, user } from '../support/activities';
import { BotHarness } from '../support/bot-harness';
import { cardsIn, input } from '../support/cards';
import { IntakeDriver } from '../support/intake-driver';

const org = demoOrg();
const MEGAN = user(org.maker.name, org.maker.aadObjectId);
const REQUESTER = user('Pradeep Gupta', 'b0000000-0000-4000-8000-000000000042');

/* eslint-disable @typescript-eslint/no-explicit-any */
/** "my solutions" gives each maker a "Get help" link per solution, and following it starts a request (issue 14). */
describe('the "Get help" link on "my solutions"', () => {
  let bot: BotHarness;

  beforeAll(async () => {
    bot = await BotHarness.start();
    // Seeded through the catalog service, as `npm run catalog -- import` would.
    await bot.catalog().upsertMany(demoCatalogRecords(org));
  });
  afterAll(async () => bot.stop());

  async function mySolutions(locale = 'en-US'): Promise<any> {
    bot.connector.reset();
    expect((await bot.post({ ...personalMessage('my solutions', { serviceUrl: bot.serviceUrl, from: MEGAN }), locale })).status).toBe(200);
    await bot.connector.waitFor((calls) => calls.length >= 1);
    return cardsIn(bot.connector.sentActivities)[0];
  }

  const openUrls = (card: any): string[] => {
    const found: string[] = [];
    const walk = (node: any): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        if (node.type === 'Action.OpenUrl') found.push(node.url);
        Object.values(node).forEach(walk);
      }
    };
    walk(card);
    return found;
  };

  it('carries "help with <id>" to this bot, shown as text to copy, and pressing it starts a request with the solution chosen', async () => {
    const card = await mySolutions();
    const link = openUrls(card).find((url) => url.includes('expense-tracker'))!;
    const url = new URL(link);
    expect(`${url.origin}${url.pathname}`).toBe('https://teams.microsoft.com/l/chat/0/0');
    expect(url.searchParams.get('users')).toBe('28:bot-app-id'); // the bot Teams addressed (local mode: no configured app id)
    expect(url.searchParams.get('message')).toBe('help with expense-tracker');
    expect(JSON.stringify(card)).toContain(JSON.stringify(link).slice(1, -1)); // also as text to copy

    // What Teams does with the link: the person's chat with the bot, that message typed in and sent.
    const driver = new IntakeDriver(bot, REQUESTER);
    const details = await driver.say(url.searchParams.get('message')!);
    expect(input(details, 'title')).toBeDefined();
    expect(JSON.stringify(details)).toContain('Expense Tracker');
  });

  it("in the maker's language, with the phrase the bot understands in that language", async () => {
    const card = await mySolutions('fr-FR');
    const link = openUrls(card).find((url) => url.includes('expense-tracker'))!;
    expect(new URL(link).searchParams.get('message')).toBe('aide pour expense-tracker');
  });
});
