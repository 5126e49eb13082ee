/**
 * The under-supported solutions job (issue 17) against the real bot's tables, with a controllable
 * clock: it finds the seeded solutions that need more support than their tier gives and DMs their
 * maker (or the manager of a maker who left) once per solution and ISO week, whichever instance runs
 * it and however often; two instances racing send one DM. Admins see the week's list in Teams.
 */
import type { OutboxMessage } from '../../src/domain/outbox-message';
import type { SolutionRecord } from '../../src/domain/catalog/solution-record';
import { UnderSupportedJob } from '../../src/services/governance/under-supported-job';
import { CatalogTableStore } from '../../src/storage/catalog/catalog-table-store';
import { TableUnderSupportedNotices } from '../../src/storage/governance/table-under-supported-notices';
import { TableLeaseStore } from '../../src/storage/leases/table-lease-store';
import { readJson } from '../../src/storage/stored-text';
import { personalMessage, user } from '../support/activities';
import { BotHarness } from '../support/bot-harness';
import { allText } from '../support/cards';
import { PEOPLE, SOLUTIONS } from '../support/fixture-solutions';
import { IntakeDriver } from '../support/intake-driver';
import { NotificationDriver } from '../support/notification-driver';
import { englishData } from '../support/words';

const ADELE = user('Adele Vance', 'ad000000-0000-4000-8000-000000000001'); // admin
const ALEX = user('Alex Wilber', 'a1e0c0de-0000-4000-8000-000000000001');
const WEEK = 7 * 24 * 3_600_000;

const base = (id: string, name: string, extra: Partial<SolutionRecord>): SolutionRecord => {
  const { createdAt: _c, updatedAt: _u, ...record } = SOLUTIONS.expenses;
  return { ...record, id, name, ...extra };
};
const SEEDED: SolutionRecord[] = [
  // Shared with 120 people, no co-owner: highly shared, and nobody to share the support.
  base('busy-expenses', 'Busy Expenses', { usage: { sharedUsers: 120 } }),
  // Launched 900 times in 30 days, with a co-owner: highly used only.
  base('busy-rota', 'Busy Rota', { usage: { sharedUsers: 4, sessions: 900 }, coOwners: [PEOPLE.lee] }),
  // Quiet: nothing to say.
  base('quiet-notes', 'Quiet Notes', { usage: { sharedUsers: 3, sessions: 10 } }),
  // Important with no co-owner: its tier says team-assisted, nobody assists.
  base('lonely-important', 'Lonely Important', { tier: 'Important' }),
  // The maker left: their manager is told.
  base('left-behind', 'Left Behind', { status: 'orphaned', manager: PEOPLE.nestor }),
  // Critical is formally supported already; retired is not in use.
  base('big-critical', 'Big Critical', { tier: 'Critical', usage: { sharedUsers: 5000 } }),
  base('old-retired', 'Old Retired', { status: 'retired', usage: { sharedUsers: 5000 } }),
];

describe('the under-supported solutions job over the bot’s tables', () => {
  let bot: BotHarness;
  let job: UnderSupportedJob | undefined;
  let now = Date.parse('2026-11-23T06:00:00Z'); // a Monday, ISO week 2026-W48

  beforeAll(async () => {
    bot = await BotHarness.start(
      { ADMIN_IDS: ADELE.aadObjectId, UNDER_SUPPORTED_SHARED_USERS: '100', UNDER_SUPPORTED_LAUNCHES: '800' },
      {
        clock: { now: () => new Date(now) },
        notifications: { background: 'manual' },
        governance: { background: 'manual', onJob: (j) => (job = j) },
      },
    );
    await bot.catalog().upsertMany(SEEDED);
    // The maker and the manager have talked to the bot before: it knows where their 1:1 chats are.
    for (const p of [PEOPLE.megan, PEOPLE.nestor]) await new IntakeDriver(bot, user(p.displayName, p.aadObjectId)).say('hello');
  });
  afterAll(async () => bot.stop());

  /** Every DM the job's notices wrote, pending or delivered (a test may scan). */
  async function noticeDms(): Promise<OutboxMessage[]> {
    const out: OutboxMessage[] = [];
    for (const prefix of ['out|u-', 'sent|u-']) {
      const filter = `RowKey ge '${prefix}' and RowKey lt '${prefix}~'`;
      for await (const row of bot.tables().client('cases').listEntities({ queryOptions: { filter } })) out.push(readJson(row, 'data'));
    }
    return out;
  }
  const byRecipient = (dms: OutboxMessage[]) =>
    dms.map((m) => `${m.target.kind === 'user' ? m.target.displayName : '?'}: ${englishData(m.card.data).heading}`).sort();

  /** Another instance of the bot's job: its own lease owner, the same tables and clock. */
  const instance = (owner: string) =>
    new UnderSupportedJob({
      catalog: CatalogTableStore.on(bot.tables()),
      notices: new TableUnderSupportedNotices(bot.tables().client('cases')),
      leases: new TableLeaseStore(bot.tables().client('leases')),
      clock: { now: () => new Date(now) },
      owner,
      thresholds: { sharedUsers: 100, launches: 800 },
      intervalMs: 24 * 3_600_000,
    });

  it('finds the seeded under-supported solutions and DMs each maker, or the manager of a maker who left, once', async () => {
    const run = await job!.runOnce();
    expect(run).toEqual({ ran: true, period: '2026-W48', found: 4, notified: 4 });
    expect(byRecipient(await noticeDms())).toEqual([
      'Megan Bowen: Busy Expenses may need more support than its tier gives',
      'Megan Bowen: Busy Rota may need more support than its tier gives',
      'Megan Bowen: Lonely Important may need more support than its tier gives',
      'Nestor Wilke: Left Behind may need more support than its tier gives',
    ]);
    const busy = (await noticeDms()).find((m) => englishData(m.card.data).heading.startsWith('Busy Expenses'))!;
    expect(englishData(busy.card.data).reasons.map((r: { line: string }) => r.line)).toEqual([
      'It is shared with many people: 120 (threshold 100)',
      'It has no co-owner who can be reached',
    ]);
    expect(busy.card).toMatchObject({ card: 'under-supported-notice', data: { canAsk: true, solutionId: 'busy-expenses' } });
    const left = (await noticeDms()).find((m) => englishData(m.card.data).heading.startsWith('Left Behind'))!;
    expect(englishData(left.card.data)).toMatchObject({ canAsk: false, intro: expect.stringContaining('its maker seems to have left') });

    // Later the same week, on this instance: nothing new.
    now += 2 * 24 * 3_600_000;
    expect(await job!.runOnce()).toMatchObject({ ran: true, found: 4, notified: 0 });
    expect(await noticeDms()).toHaveLength(4);

    // Delivered: one DM per notice, each to its recipient.
    const notes = new NotificationDriver(
      bot,
      (ms) => (now += ms),
      () => now,
    );
    expect(await notes.drain()).toMatchObject({ failed: 0 });
    expect((await notes.dmsTo(PEOPLE.megan.aadObjectId)).map(allText).filter((t) => t.includes('may need more support'))).toHaveLength(3);
    expect((await notes.dmsTo(PEOPLE.nestor.aadObjectId)).map(allText).filter((t) => t.includes('Left Behind'))).toHaveLength(1);
  });

  it('two instances racing in a new week send one DM per solution', async () => {
    now += WEEK;
    const before = (await noticeDms()).length;
    await job!.leases.releaseAll(); // the bot's instance stops; two others start at once
    const [a, b] = [instance('instance-a'), instance('instance-b')];
    const runs = await Promise.all([a.runOnce(), b.runOnce()]);
    expect(runs.filter((r) => r.ran)).toHaveLength(1);
    expect((await noticeDms()).length - before).toBe(4);

    // The leader dies; the other takes the lease over once it runs out, in the same week: still one DM each.
    now += 60_000;
    const taken = await Promise.all([a.runOnce(), b.runOnce()]);
    expect(taken.filter((r) => r.ran).length).toBeGreaterThanOrEqual(1);
    expect((await noticeDms()).length - before).toBe(4);
    await Promise.all([a.leases.releaseAll(), b.leases.releaseAll()]);
  });

  it('admins see the week’s list in Teams; others are told it is for admins', async () => {
    const admin = new IntakeDriver(bot, ADELE);
    const card = await admin.say('under-supported');
    const shown = allText(card);
    expect(shown).toContain('Under-supported solutions, week 2026-W49');
    for (const name of [
      'Busy Expenses (Productivity)',
      'Busy Rota (Productivity)',
      'Lonely Important (Important)',
      'Left Behind (Productivity)',
    ])
      expect(shown).toContain(name);
    expect(shown).toContain("Told the maker's manager, Nestor Wilke");
    expect(shown).not.toContain('Quiet Notes');

    const before = bot.connector.sentActivities.length;
    await bot.post(personalMessage('under-supported', { serviceUrl: bot.serviceUrl, from: ALEX }));
    await bot.connector.waitFor(() => bot.connector.sentActivities.length > before);
    expect(bot.connector.sentActivities.slice(before).map((a) => a.text)).toEqual(['Only bot admins see this list.']);
  });
});
