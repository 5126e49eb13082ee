/**
 * Catalog admins in Teams over /api/messages: "solution <id or name>" opens the entry card for an
 * admin (ADMIN_IDS), its buttons change tier, co-owners and support channel with the ETag the card
 * carries (a stale one is told and the card refreshed), and "catalog flags" reviews the makers'
 * "Not my solution" flags. Everyone else is refused, whatever the card data says.
 */
import { demoCatalogRecords } from '../../scripts/demo-catalog';
import { demoOrg } from '../../scripts/lib/demo-org';
import { RequestHandlingService } from '../../src/services/notifications/request-handling-service';
import { planRoute } from '../../src/services/notifications/route-messages';
import { TableCaseStore } from '../../src/storage/cases/table-case-store';
import { CatalogTableStore } from '../../src/storage/catalog/catalog-table-store';
import { TableOutboxStore } from '../../src/storage/outbox/table-outbox-store';
import { TableRequestChanges } from '../../src/storage/outbox/table-request-changes';
import { TableTicketNumbers } from '../../src/storage/tickets/table-ticket-numbers';
import { actionExecute, personalMessage, user, type TestUser } from '../support/activities';
import { BotHarness } from '../support/bot-harness';
import { allText, cardsIn, input, verbs } from '../support/cards';
import { largestRequest } from '../support/largest-records';

const org = demoOrg();
const ADELE = user(org.admin.name, org.admin.aadObjectId);
const MEGAN = user(org.maker.name, org.maker.aadObjectId);
const LEE = org.person('lee');

describe('catalog admins in Teams', () => {
  let bot: BotHarness;

  beforeAll(async () => {
    bot = await BotHarness.start({ ADMIN_IDS: ADELE.aadObjectId });
    await bot.catalog().upsertMany(demoCatalogRecords(org));
  });
  afterAll(async () => bot.stop());

  async function say(text: string, from: TestUser): Promise<any> {
    bot.connector.reset();
    expect((await bot.post(personalMessage(text, { serviceUrl: bot.serviceUrl, from }))).status).toBe(200);
    await bot.connector.waitFor((calls) => calls.length >= 1);
    expect(bot.connector.sentActivities).toHaveLength(1);
    return bot.connector.sentActivities[0];
  }

  /** The card or the words the invoke answered with. */
  async function press(verb: string, data: Record<string, unknown>, from: TestUser): Promise<any> {
    const answer = await bot.post(actionExecute(verb, data, { serviceUrl: bot.serviceUrl, from }));
    expect(answer.status).toBe(200);
    return answer.body.value;
  }

  const actionData = (card: any, verb: string): Record<string, string> => {
    let found: any;
    const walk = (node: any): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        if (node.type === 'Action.Execute' && node.verb === verb && !found) found = node.data;
        Object.values(node).forEach(walk);
      }
    };
    walk(card);
    return found;
  };

  it('an admin opens an entry by name and changes tier, co-owners and support channel from the card, with history', async () => {
    const [entry] = cardsIn([await say('solution expense tracker', ADELE)]);
    const text = allText(entry);
    expect(text).toContain('Catalog entry: Expense Tracker');
    expect(text).toContain('No changes since it was imported.');
    expect(verbs(entry)).toEqual(['catalogadmin.edit', 'catalogadmin.open', 'catalogadmin.flags']);
    expect(input(entry, 'tier').value).toBe('Productivity');
    expect(input(entry, 'coOwners').maxLength).toBe(12550);
    const { solutionId, etag } = actionData(entry, 'catalogadmin.edit');
    expect(solutionId).toBe('expense-tracker');

    const saved = await press(
      'catalogadmin.edit',
      { solutionId, etag, tier: 'Important', coOwners: LEE.email, supportChannel: 'Finance Apps › Support' },
      ADELE,
    );
    const after = allText(saved);
    expect(after).toContain("Saved. The change is in the entry's history.");
    expect(after).toContain('Important');
    expect(after).toContain('Adele Vance');
    expect(after).toContain('Tier: Productivity → Important');
    expect(after).toContain('Support channel: (empty) → Finance Apps › Support');
    expect(input(saved, 'tier').value).toBe('Important');
    const stored = (await CatalogTableStore.on(bot.tables()).get('expense-tracker'))!;
    expect(stored.solution).toMatchObject({ tier: 'Important', supportChannel: 'Finance Apps › Support' });
    expect(stored.solution.coOwners.map((p) => p.email)).toEqual([LEE.email]);
    expect(actionData(saved, 'catalogadmin.edit').etag).toBe(stored.etag);

    // The same values again: nothing to save, no history row.
    const same = await press(
      'catalogadmin.edit',
      { ...actionData(saved, 'catalogadmin.edit'), tier: 'Important', coOwners: LEE.email, supportChannel: 'Finance Apps › Support' },
      ADELE,
    );
    expect(allText(same)).toContain('Nothing to change');
    expect(await CatalogTableStore.on(bot.tables()).history('expense-tracker')).toHaveLength(1);
  });

  it('a stale ETag is told and the card shows the entry as it is now; an invalid value keeps what the admin typed', async () => {
    const opened = await press('catalogadmin.open', { solutionId: 'vacation-planner' }, ADELE);
    const first = actionData(opened, 'catalogadmin.edit');
    // Someone else saves first.
    const other = await press('catalogadmin.edit', { ...first, tier: 'Critical' }, ADELE);
    expect(allText(other)).toContain('Saved.');
    const stale = await press('catalogadmin.edit', { ...first, tier: 'Important' }, ADELE);
    expect(allText(stale)).toContain('Someone changed this entry since you opened it');
    expect(input(stale, 'tier').value).toBe('Critical');
    expect(actionData(stale, 'catalogadmin.edit').etag).toBe(actionData(other, 'catalogadmin.edit').etag);
    expect((await CatalogTableStore.on(bot.tables()).get('vacation-planner'))!.solution.tier).toBe('Critical');

    const invalid = await press(
      'catalogadmin.edit',
      { ...actionData(stale, 'catalogadmin.edit'), tier: 'Gold', supportChannel: 'Team X' },
      ADELE,
    );
    expect(allText(invalid)).toContain("This change can't be saved:");
    expect(allText(invalid)).toContain('Tier must be Productivity, Important or Critical');
    expect(allText(invalid)).toContain('Gold');
    expect(input(invalid, 'supportChannel').value).toBe('Team X');
  });

  it('refuses everyone but admins, whatever the card says; non-admins get the support card for "solution …"', async () => {
    const [support] = cardsIn([await say('solution expense tracker', MEGAN)]);
    expect(allText(support)).not.toContain('Catalog entry');
    expect(verbs(support)).not.toContain('catalogadmin.edit');

    const etag = (await CatalogTableStore.on(bot.tables()).get('expense-tracker'))!.etag;
    for (const [verb, data] of [
      ['catalogadmin.open', { solutionId: 'expense-tracker' }],
      ['catalogadmin.edit', { solutionId: 'expense-tracker', etag, tier: 'Critical' }],
      ['catalogadmin.flags', {}],
      ['catalogadmin.resolve-flag', { solutionId: 'expense-tracker', requestId: 'x' }],
    ] as const) {
      expect(await press(verb, data, MEGAN)).toBe('Only catalog admins can do this.');
    }
    expect((await say('catalog flags', MEGAN)).text).toBe('Only catalog admins can do this.');
    expect((await CatalogTableStore.on(bot.tables()).get('expense-tracker'))!.solution.tier).toBe('Important');
  });

  it('"catalog flags" lists the open "Not my solution" flags; resolving one takes it off the list, once', async () => {
    const tables = bot.tables();
    const cases = new TableCaseStore(tables.client('cases'));
    const handling = new RequestHandlingService({
      changes: new TableRequestChanges(tables.client('cases')),
      outbox: new TableOutboxStore(tables.client('cases')),
      clock: { now: () => new Date() },
      tickets: { numbers: new TableTicketNumbers(tables.client('cases')) },
    });
    const solution = (await CatalogTableStore.on(tables).get('feuille-de-temps-equipe'))!.solution;
    const { request, route, history } = largestRequest('a', solution, new Date());
    await cases.create(request, history, planRoute(request, route));
    const maker = { aadObjectId: solution.maker.aadObjectId!, displayName: solution.maker.displayName };
    await handling.act(maker, request.id, { type: 'not-my-solution', note: 'Lee took it over in March' });

    const [list] = cardsIn([await say('catalog flags', ADELE)]);
    expect(allText(list)).toContain('Open "Not my solution" flags (1)');
    expect(allText(list)).toContain(solution.name);
    expect(allText(list)).toContain('“Lee took it over in March”');
    const flag = actionData(list, 'catalogadmin.resolve-flag');
    expect(flag).toEqual({ solutionId: solution.id, requestId: request.id });

    const resolved = await press('catalogadmin.resolve-flag', { ...flag, note: 'Co-owners updated' }, ADELE);
    expect(allText(resolved)).toContain('Flag resolved.');
    expect(allText(resolved)).toContain('Open "Not my solution" flags (0)');
    const again = await press('catalogadmin.resolve-flag', flag, ADELE);
    expect(allText(again)).toContain('That flag was already resolved, or does not exist.');

    // The entry shows the flag with who resolved it.
    const entry = await press('catalogadmin.open', { solutionId: solution.id }, ADELE);
    expect(allText(entry)).toContain('resolved by Adele Vance');
  });
});
