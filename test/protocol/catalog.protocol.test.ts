import { demoCatalogRecords } from '../../scripts/demo-catalog';
import { demoOrg } from '../../scripts/lib/demo-org';
import { ALEX, personalMessage, user, type TestUser } from '../support/activities';
import { BotHarness } from '../support/bot-harness';
import { allText, cardsIn } from '../support/cards';

const org = demoOrg();
const MEGAN = user(org.maker.name, org.maker.aadObjectId);

/** The one activity the bot sent in answer to `text`. */
async function answer(bot: BotHarness, text: string, from: TestUser = MEGAN, conversationType = 'personal'): Promise<any> {
  bot.connector.reset();
  const activity = personalMessage(text, { serviceUrl: bot.serviceUrl, from });
  const posted = await bot.post({ ...activity, conversation: { ...activity.conversation, conversationType } });
  expect(posted.status).toBe(200);
  await bot.connector.waitFor((calls) => calls.length >= 1);
  expect(bot.connector.sentActivities).toHaveLength(1);
  return bot.connector.sentActivities[0];
}

async function card(bot: BotHarness, text: string, from: TestUser = MEGAN): Promise<any> {
  const [only] = cardsIn([await answer(bot, text, from)]);
  expect(only).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
  return only;
}

/** Every OpenUrl action in the card. */
function links(c: any): { title: string; url: string }[] {
  const out: { title: string; url: string }[] = [];
  const walk = (node: any): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      if (node.type === 'Action.OpenUrl') out.push({ title: node.title, url: node.url });
      Object.values(node).forEach(walk);
    }
  };
  walk(c);
  return out;
}

describe('catalog in Teams over /api/messages', () => {
  let bot: BotHarness;

  beforeAll(async () => {
    bot = await BotHarness.start();
    // Seeded through the catalog service, as `npm run catalog -- import` would.
    await bot.catalog().upsertMany(demoCatalogRecords(org));
  });
  afterAll(async () => bot.stop());

  it('"my solutions" lists what the maker made and co-owns, with tier, support model and status', async () => {
    const c = await card(bot, 'my solutions');
    const text = allText(c);
    expect(text).toContain('Your solutions');
    expect(text).toContain('You made (5)');
    expect(text).toContain('You co-own (5)');
    for (const name of [
      'Expense Tracker',
      'Customer Onboarding',
      'Travel Request Approvals',
      'Site Inspection',
      'Legacy Purchase Orders',
    ]) {
      expect(text).toContain(name);
    }
    expect(text).toContain('Self-supported, supported by its maker');
    expect(text).toContain('Team-assisted supported, supported by its co-owners');
    expect(text).toContain('Formal support, formally supported by the help desk and the Power Platform team');
    expect(text).toContain('Orphaned');
    expect(text).toContain('Retired');
    expect(text).not.toContain('Vacation Planner'); // Lee's alone
    // Sections in order: made first, each sorted by name.
    expect(text.indexOf('You made')).toBeLessThan(text.indexOf('You co-own'));
    expect(text.indexOf('Customer Onboarding')).toBeLessThan(text.indexOf('Expense Tracker'));
  });

  it('answers a case- and punctuation-insensitive "My Solutions!"', async () => {
    expect(allText(await card(bot, '  My Solutions! '))).toContain('You made (5)');
  });

  it('shows a friendly empty state to someone with no solutions', async () => {
    const text = allText(await card(bot, 'my solutions', ALEX));
    expect(text).toContain("I don't see any app, flow or chatbot in the catalog that you made or co-own, Alex.");
    expect(text).not.toContain('You made');
  });

  it('keeps "my solutions" out of channels', async () => {
    const reply = await answer(bot, 'my solutions', MEGAN, 'channel');
    expect(reply.attachments ?? []).toEqual([]);
    expect(reply.text).toContain('1:1 chat');
  });

  it('"solution <name>" finds a misspelled name and says who supports it, with a chat link', async () => {
    const c = await card(bot, 'solution expnse trackr', ALEX);
    const text = allText(c);
    expect(text).toMatch(/^Expense Tracker$/m);
    expect(text).toContain('Canvas app · Contoso (default) · Productivity tier');
    expect(text).toContain('Self-supported: its maker, Megan Bowen, supports it.');
    expect(text).toContain('Known workaround: If the receipt photo does not upload');
    expect(links(c)[0]).toEqual({
      title: 'Chat with Megan Bowen',
      url: expect.stringMatching(/^https:\/\/teams\.microsoft\.com\/l\/chat\/0\/0\?users=meganb%40contoso\.example/),
    });
  });

  it.each([
    ['how is customer onboarding supported?', 'Customer Onboarding', 'the help desk handles it, with the Power Platform team'],
    ['who supports feuille de temps equipe', 'Feuille de temps équipe', 'its maker, Megan Bowen, supports it'],
    ['solution travel approvals', 'Travel Request Approvals', 'its co-owner, Lee Gu, supports it'],
    ['solution site inspection', 'Site Inspection', 'its co-owners, Megan Bowen and Lee Gu, support it'],
    ['solution legacy purchase', 'Legacy Purchase Orders', 'its co-owner, Megan Bowen, supports it'],
    ['solution room booking classic', 'Room Booking Classic', 'Retired: the help desk can tell you what replaced it'],
  ])('%p → %s', async (text, name, support) => {
    const c = await card(bot, text, ALEX);
    const body = allText(c);
    expect(body.split('\n')).toContain(name);
    expect(body).toContain(support);
  });

  it('asks for a name, and says when nothing matches (the query bound as data)', async () => {
    expect(allText(await card(bot, 'solution', ALEX))).toContain('Which solution? Tell me its name');
    const text = allText(await card(bot, 'solution ${name} {{zzqx}}', ALEX));
    expect(text).toContain('No solution in the catalog matches “${name} {{zzqx}}”');
  });

  it('finds a solution imported after the bot started (the search index follows the catalog version)', async () => {
    expect(allText(await card(bot, 'solution quarterly forecast', ALEX))).toContain('No solution in the catalog matches');
    const [expense] = demoCatalogRecords(org);
    await bot.catalog().upsertMany([{ ...expense!, id: 'quarterly-forecast', name: 'Quarterly Forecast', tier: 'Critical' }]);
    expect(allText(await card(bot, 'solution quarterly forecast', ALEX))).toContain('Quarterly Forecast');
  });

  it('serves the intake the same stored catalog', async () => {
    const service = bot.catalog();
    const [best] = await service.search('custmer onbording');
    expect(best?.solution).toMatchObject({ id: 'customer-onboarding', tier: 'Critical' });
    expect(await service.get('customer-onboarding')).toEqual(best?.solution);
  });
});
