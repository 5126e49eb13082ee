/**
 * Graduation over /api/messages (issue 17): a maker or co-owner asks for a higher tier from "my
 * solutions" (or the questionnaire's "more formal support"), answering the tier table; the request,
 * with what is still missing, is a card in the Power Platform team's queue; a member approves or
 * declines it with a reason. Approval changes the stored catalog (tier, co-owners, support channel)
 * with its history; the maker is told in their own language. Who may act comes from the catalog and
 * the rosters; a redelivered press changes nothing twice.
 */
import type { GraduationRequest } from '../../src/domain/governance/graduation-request';
import type { OutboxMessage } from '../../src/domain/outbox-message';
import { text } from '../../src/domain/text';
import { translate } from '../../src/i18n/translate';
import { CatalogTableStore } from '../../src/storage/catalog/catalog-table-store';
import { readJson } from '../../src/storage/stored-text';
import { actionExecute, user, type TestUser } from '../support/activities';
import { BotHarness } from '../support/bot-harness';
import { allText, verbs } from '../support/cards';
import { channel, channelActionExecute } from '../support/channel-activities';
import { PEOPLE, SOLUTIONS } from '../support/fixture-solutions';
import { HelpDeskDriver } from '../support/help-desk-driver';
import { IntakeDriver } from '../support/intake-driver';
import { NotificationDriver } from '../support/notification-driver';
import { rosterResponder } from '../support/team-roster';
import { englishData } from '../support/words';

const ADELE = user('Adele Vance', 'ad000000-0000-4000-8000-000000000001'); // admin, help desk
const DIEGO = user('Diego Siciliani', 'ad000000-0000-4000-8000-000000000002'); // help desk only
const ISAIAH = user('Isaiah Langer', '15a1a400-0000-4000-8000-000000000010'); // Power Platform team
const PATTI = user('Patti Fernandez', '15a1a400-0000-4000-8000-000000000011'); // Power Platform team
const MEGAN = user(PEOPLE.megan.displayName, PEOPLE.megan.aadObjectId); // maker of every fixture solution
const LEE = user(PEOPLE.lee.displayName, PEOPLE.lee.aadObjectId); // co-owner of Room Booking
const ALEX = user('Alex Wilber', 'a1e0c0de-0000-4000-8000-000000000001'); // neither
const HELP = channel('Help desk', 'it');
const DEDICATED = channel('Power Platform', 'pp');
const FRENCH = {
  message: { locale: 'fr-FR', entities: [{ type: 'clientInfo', locale: 'fr-FR', timezone: 'Europe/Paris' }] },
  invoke: { locale: 'fr-FR' },
};
const FR = { locale: 'fr', timeZone: 'Europe/Paris' } as const;

describe('graduation over /api/messages', () => {
  let bot: BotHarness;
  let hd: HelpDeskDriver;
  let notes: NotificationDriver;
  let now = Date.parse('2026-11-23T09:30:00Z');

  beforeAll(async () => {
    bot = await BotHarness.start(
      { ADMIN_IDS: ADELE.aadObjectId },
      { clock: { now: () => new Date(now) }, notifications: { background: 'manual' } },
    );
    hd = new HelpDeskDriver(bot);
    notes = new NotificationDriver(
      bot,
      (ms) => (now += ms),
      () => now,
    );
    await bot.catalog().upsertMany(Object.values(SOLUTIONS).map(({ createdAt: _c, updatedAt: _u, ...record }) => record));
    bot.connector.respondWith(rosterResponder({ [HELP.teamId]: [ADELE, DIEGO], [DEDICATED.teamId]: [ISAIAH, PATTI] }));
    await hd.say(ADELE, HELP, 'register help desk');
    await hd.say(ADELE, DEDICATED, 'register dedicated team');
  });
  afterAll(async () => bot.stop());

  const catalog = () => CatalogTableStore.on(bot.tables());
  const personal = async (who: TestUser, verb: string, data: Record<string, unknown>, fields: Record<string, unknown> = {}) =>
    (await bot.post({ ...actionExecute(verb, data, { serviceUrl: bot.serviceUrl, from: who }), ...fields })).body.value;

  /** Every graduation request stored (a test may scan; the product never does). */
  async function requests(): Promise<GraduationRequest[]> {
    const out: GraduationRequest[] = [];
    const filter = "RowKey ge 'grad|' and RowKey lt 'grad|~'";
    for await (const row of bot.tables().client('cases').listEntities({ queryOptions: { filter } })) out.push(readJson(row, 'data'));
    return out;
  }
  const requestFor = async (solutionId: string) => (await requests()).filter((r) => r.solutionId === solutionId);
  const dmRows = (rows: OutboxMessage[], who: TestUser) =>
    rows.filter((m) => m.target.kind === 'user' && m.target.aadObjectId === who.aadObjectId);

  it('the maker asks from "my solutions" (in French): the request is in the queue, saying what is still missing', async () => {
    const megan = new IntakeDriver(bot, MEGAN, FRENCH);
    const list = await megan.say('mes solutions');
    expect(verbs(list)).toContain('graduation.form');
    const form = await personal(MEGAN, 'graduation.form', { solutionId: SOLUTIONS.expenses.id }, FRENCH.invoke);
    expect(verbs(form)).toEqual(['graduation.submit']);
    expect(allText(form)).toContain(translate(text('governance.form.heading', { name: 'Expense Tracker' }), FR));

    const answer = await personal(
      MEGAN,
      'graduation.submit',
      {
        solutionId: SOLUTIONS.expenses.id,
        targetTier: 'Important',
        coOwners: `Lee Gu <leeg@contoso.example> [${PEOPLE.lee.aadObjectId}]`,
        environmentStrategy: 'shared-productivity',
        alm: 'manual-export-import',
        dataSources: 'SharePoint',
        workarounds: '',
        businessImpact: 'medium',
        supportChannel: 'Expenses support',
      },
      FRENCH.invoke,
    );
    expect(answer).toBe(translate(text('governance.done.submitted'), FR));

    const [request] = await requestFor(SOLUTIONS.expenses.id);
    expect(request).toMatchObject({
      status: 'pending',
      fromTier: 'Productivity',
      toTier: 'Important',
      requester: { displayName: 'Megan Bowen' },
    });
    expect(request!.missing).toEqual(['environment-strategy', 'workarounds']);
    const [post] = await hd.outbox(request!.id);
    expect(post).toMatchObject({ target: { kind: 'channel', channel: 'dedicated-team' }, card: { card: 'graduation-request' } });
    const data = englishData(post!.card.data);
    expect(data.heading).toBe('Graduation request: Expense Tracker to Important');
    expect(data.missing.map((m: { line: string }) => m.line)).toEqual([
      'Environment strategy: Dedicated development environment, shared test and production',
      'Known workarounds',
    ]);
    expect(data.pending).toBe(true);
  });

  it('a redelivered Send makes one request', async () => {
    const activity = actionExecute(
      'graduation.submit',
      { solutionId: SOLUTIONS.orphan.id, targetTier: 'Important', coOwners: '', dataSources: '', workarounds: '', supportChannel: '' },
      { serviceUrl: bot.serviceUrl, from: MEGAN },
    );
    // Megan's Teams is in French: every activity of hers says so (her remembered language follows it).
    await bot.post({ ...activity, ...FRENCH.invoke });
    await bot.post({ ...activity, ...FRENCH.invoke });
    expect(await requestFor(SOLUTIONS.orphan.id)).toHaveLength(1);
  });

  it('only the maker or a co-owner may ask, and only for a higher tier', async () => {
    expect(await personal(ALEX, 'graduation.form', { solutionId: SOLUTIONS.expenses.id })).toBe(
      "Only the solution's maker or a co-owner can ask for more support.",
    );
    expect(await personal(ALEX, 'graduation.submit', { solutionId: SOLUTIONS.rooms.id, targetTier: 'Critical' })).toBe(
      "Only the solution's maker or a co-owner can ask for more support.",
    );
    expect(await personal(MEGAN, 'graduation.form', { solutionId: SOLUTIONS.invoices.id }, FRENCH.invoke)).toBe(
      translate(text('governance.refused.noHigherTier', { name: 'Invoice Approval' }), FR),
    );
    const again = await personal(MEGAN, 'graduation.submit', { solutionId: SOLUTIONS.rooms.id, targetTier: 'Productivity' }, FRENCH.invoke);
    expect(allText(again)).toContain(translate(text('governance.refused.pickTier'), FR));
    expect(await requestFor(SOLUTIONS.rooms.id)).toEqual([]);
  });

  it('a help desk member who is not in the Power Platform team is refused; nothing changes', async () => {
    const [request] = await requestFor(SOLUTIONS.expenses.id);
    const answer = await hd.press(DIEGO, HELP, 'graduation.approve', { requestId: request!.id, reason: '' });
    expect(answer).toBe('Only members of the Power Platform team decide graduation requests.');
    expect((await catalog().get(SOLUTIONS.expenses.id))!.solution.tier).toBe('Productivity');
    expect(await hd.outbox(request!.id)).toHaveLength(1);
  });

  it('approval changes the catalog with its history, updates the queue card and tells the maker in French; a redelivered press is applied once', async () => {
    const [request] = await requestFor(SOLUTIONS.expenses.id);
    const press = channelActionExecute(
      'graduation.approve',
      { requestId: request!.id, reason: 'Workarounds to follow in the runbook.' },
      { serviceUrl: bot.serviceUrl, from: ISAIAH, channel: DEDICATED },
    );
    const first = await bot.post(press);
    const second = await bot.post(press);
    expect(allText(first.body.value)).toContain('Approved by Isaiah Langer');
    expect(allText(first.body.value)).toContain('Approved: the catalog now says Important, and Megan Bowen was told.');
    expect(verbs(first.body.value)).toEqual([]);
    expect(allText(second.body.value)).toContain('Approved by Isaiah Langer');

    const stored = (await catalog().get(SOLUTIONS.expenses.id))!.solution;
    expect(stored).toMatchObject({ tier: 'Important', supportChannel: 'Expenses support', coOwners: [{ displayName: 'Lee Gu' }] });
    const history = await catalog().history(SOLUTIONS.expenses.id);
    const edits = history.filter((e) => e.by.kind === 'graduation');
    expect(edits).toHaveLength(1);
    expect(edits[0]).toMatchObject({
      by: { kind: 'graduation', displayName: 'Isaiah Langer', requestId: request!.id },
      changes: { tier: { from: 'Productivity', to: 'Important' } },
    });

    const rows = await hd.outbox(request!.id);
    expect(rows.filter((m) => m.target.kind === 'update')).toHaveLength(1);
    const told = dmRows(rows, MEGAN);
    expect(told).toHaveLength(1);
    expect(told[0]!.card.card).toBe('graduation-decision');

    // Delivered in Megan's remembered language.
    expect(await notes.drain()).toMatchObject({ failed: 0 });
    const dms = await notes.dmsTo(MEGAN.aadObjectId);
    const heading = translate(
      text('governance.decision.approved', { name: 'Expense Tracker', tier: text('labels.tier.Important'), by: 'Isaiah Langer' }),
      FR,
    );
    expect(dms.map(allText).filter((t) => t.includes(heading))).toHaveLength(1);

    // A later Decline by another member changes nothing.
    const late = await hd.press(PATTI, DEDICATED, 'graduation.decline', { requestId: request!.id, reason: 'Too late.' });
    expect(allText(late)).toContain('This request was already decided.');
    expect((await catalog().get(SOLUTIONS.expenses.id))!.solution.tier).toBe('Important');
  });

  it('a co-owner asks; a decline needs a reason, leaves the catalog alone and tells the co-owner and the maker', async () => {
    const answer = await personal(LEE, 'graduation.submit', {
      solutionId: SOLUTIONS.rooms.id,
      targetTier: 'Critical',
      coOwners: '',
      environmentStrategy: 'dedicated-dev-test-prod',
      alm: 'pipelines',
      dataSources: 'Exchange room mailboxes',
      workarounds: 'Book by email.',
      businessImpact: 'high',
      supportChannel: '',
    });
    expect(answer).toBe("Sent to the Power Platform team. You'll hear here when they decide.");
    const [request] = await requestFor(SOLUTIONS.rooms.id);
    expect(request).toMatchObject({ requester: { displayName: 'Lee Gu' }, missing: [] });

    const bare = await hd.press(PATTI, DEDICATED, 'graduation.decline', { requestId: request!.id, reason: ' ' });
    expect(allText(bare)).toContain('Say why you decline it.');
    expect(verbs(bare)).toEqual(['graduation.approve', 'graduation.decline']);

    const declined = await hd.press(PATTI, DEDICATED, 'graduation.decline', {
      requestId: request!.id,
      reason: 'Room Booking is not business critical.',
    });
    expect(allText(declined)).toContain('Declined by Patti Fernandez');
    expect(allText(declined)).toContain('Reason: Room Booking is not business critical.');
    expect((await catalog().get(SOLUTIONS.rooms.id))!.solution.tier).toBe('Important');
    expect((await catalog().history(SOLUTIONS.rooms.id)).filter((e) => e.by.kind === 'graduation')).toEqual([]);

    const rows = await hd.outbox(request!.id);
    for (const who of [LEE, MEGAN]) {
      const [dm] = dmRows(rows, who);
      expect(englishData(dm!.card.data)).toMatchObject({
        heading: 'The Power Platform team (Patti Fernandez) declined the request to move Room Booking to Critical.',
        reasonLine: 'Reason: Room Booking is not business critical.',
      });
    }
  });

  it('"My solution needs more formal support" in the questionnaire sends the maker the graduation form, not a card nobody can act on', async () => {
    const megan = new IntakeDriver(bot, MEGAN);
    await megan.say('new request');
    await megan.press('intake.need', { category: 'graduation' });
    await megan.press('intake.search', { query: 'survey' });
    await megan.press('intake.solution', { solutionId: SOLUTIONS.lonelyOrphan.id });
    await megan.press('intake.details', {
      title: 'It has grown',
      description: 'The whole site uses it now.',
      since: '',
      impact: 'team',
      urgency: 'workaround',
    });
    await megan.press('intake.submit');
    const rows = await hd.outbox(megan.intakeId);
    expect(rows.filter((m) => m.target.kind === 'channel')).toEqual([]);
    const [form] = dmRows(rows, MEGAN);
    expect(form!.card.card).toBe('graduation-form');
    expect(englishData(form!.card.data)).toMatchObject({ solutionId: SOLUTIONS.lonelyOrphan.id, toTier: 'Important' });
  });
});
