/**
 * More than one help desk queue, and on call, over /api/messages: queues registered per business
 * unit and per request category, tickets posted in the matching queue's channel, worked only by that
 * queue's team; unregistering and registering again moves the queue; a Sev A out of hours pages the
 * week's on-call member once.
 */
import type { Solution } from '../../src/domain/solution';
import { TableConversationStore } from '../../src/storage/conversations/table-conversation-store';
import { ALEX, user } from '../support/activities';
import { BotHarness } from '../support/bot-harness';
import { allText } from '../support/cards';
import { channel } from '../support/channel-activities';
import { SOLUTIONS } from '../support/fixture-solutions';
import { HelpDeskDriver } from '../support/help-desk-driver';
import { rosterResponder } from '../support/team-roster';
import { fixedCatalog } from '../support/test-catalog';
import { englishData } from '../support/words';

const ADELE = user('Adele Vance', 'ad000000-0000-4000-8000-000000000001'); // bot admin
const MEGAN = user('Megan Bowen', '79a4d994-151f-4573-9813-92f75a1223df'); // default help desk
const FIONA = user('Fiona Finance', 'f1000000-0000-4000-8000-000000000001'); // Finance's help desk
const CARL = user('Carl Catalog', 'ca000000-0000-4000-8000-000000000001'); // the "find" queue
const ONCALL_1 = 'aa000000-0000-4000-8000-000000000001';
const ONCALL_2 = 'aa000000-0000-4000-8000-000000000002';

const HELP = channel('Help desk', 'it');
const FINANCE = channel('Finance support', 'fin');
const FINANCE_2 = channel('Finance desk', 'fin2');
const FIND = channel('Where is my app', 'find');

const INVOICES: Solution = { ...SOLUTIONS.invoices, businessUnit: 'Finance' };

describe('help desk queues over /api/messages', () => {
  let bot: BotHarness;
  let hd: HelpDeskDriver;
  // A Friday afternoon, inside the default business hours (Mon–Fri 09:00–17:00 UTC).
  let now = new Date('2026-11-20T10:00:00Z');
  const registry = () => new TableConversationStore(bot.tables().client('conversations'));

  beforeAll(async () => {
    bot = await BotHarness.start(
      { ADMIN_IDS: ADELE.aadObjectId, ON_CALL_ROTA: `help-desk:find-or-how-to=2026-11-16:${ONCALL_1},${ONCALL_2}` },
      {
        catalog: fixedCatalog([...Object.values(SOLUTIONS).filter((s) => s.id !== INVOICES.id), INVOICES]),
        clock: { now: () => now },
        sla: { intervalMs: 0 },
        notifications: { background: 'manual' },
      },
    );
    hd = new HelpDeskDriver(bot);
    bot.connector.respondWith(
      rosterResponder({
        [HELP.teamId]: [ADELE, MEGAN],
        [FINANCE.teamId]: [ADELE, FIONA],
        [FINANCE_2.teamId]: [ADELE, FIONA],
        [FIND.teamId]: [ADELE, CARL],
      }),
    );
    await hd.say(ADELE, HELP, 'register help desk');
  });
  afterAll(async () => bot.stop());
  beforeEach(() => {
    now = new Date('2026-11-20T10:00:00Z');
  });

  it('only an admin registers a queue, and a queue needs a scope or a known category', async () => {
    expect((await hd.say(MEGAN, FINANCE, 'register help desk for Finance')).text).toContain('Only bot admins');
    expect((await hd.say(ADELE, FINANCE, 'register help desk categories wishes')).text).toContain("I don't know the category “wishes”");
    expect(await registry().getChannel('help-desk:finance')).toBeUndefined();
  });

  it('two queues registered: tickets land in the matching channel, else the default one', async () => {
    const finance = await hd.say(ADELE, FINANCE, 'register help desk for Finance fr Europe/Paris');
    expect(allText(finance.card)).toContain('file d’attente du service d’assistance pour l’unité commerciale « Finance »');
    const find = await hd.say(ADELE, FIND, 'register help desk categories find');
    expect(allText(find.card)).toContain('help desk queue for requests of the categories find-or-how-to');
    expect(await registry().getChannel('help-desk:finance')).toMatchObject({
      channelId: FINANCE.channelId,
      scope: { businessUnits: ['Finance'], categories: [] },
      settings: { locale: 'fr', timeZone: 'Europe/Paris' },
    });

    // A problem with a Finance solution (Sev C: it stays with the help desk) → Finance's queue.
    const { ticket: invoice } = await hd.submit(ALEX, { critical: true });
    expect(invoice.queue).toBe('help-desk:finance');
    expect((await hd.outbox(invoice.id)).map((m) => m.target)).toEqual([{ kind: 'channel', channel: 'help-desk:finance' }]);
    // "Where is an app" → the "find" queue.
    const { ticket: question } = await hd.submit(ALEX);
    expect(question.queue).toBe('help-desk:find-or-how-to');

    // Delivered in each queue's channel, in its language.
    bot.connector.reset();
    await bot.jobs.runOutbox();
    const posts = bot.connector.calls.filter((c) => c.method === 'POST' && c.path.includes('/activities'));
    const posted = (ch: typeof HELP, number: string) =>
      posts.find((c) => decodeURIComponent(c.path).includes(ch.channelId) && JSON.stringify(c.body).includes(number));
    expect(posted(FINANCE, invoice.number)).toBeDefined();
    expect(posted(FIND, question.number)).toBeDefined();
    expect(posted(HELP, invoice.number)).toBeUndefined();
    expect(allText(posted(FINANCE, invoice.number)!.body.attachments[0].content)).toContain('Non attribué');
  });

  it("a member of one queue cannot act on another queue's ticket; the queue's own members can", async () => {
    const { ticket } = await hd.submit(ALEX, { critical: true });
    expect(ticket.queue).toBe('help-desk:finance');
    // Answered in the language of the channel pressed in (Finance's is French).
    for (const [stranger, where] of [
      [CARL, FIND],
      [MEGAN, HELP],
    ] as const) {
      const refused = await hd.press(stranger, where, 'ticket.assign-me', { ticketId: ticket.id });
      expect(JSON.stringify(refused)).toContain("Only members of the help desk's team can work tickets");
    }
    expect(JSON.stringify(await hd.press(CARL, FINANCE, 'ticket.assign-me', { ticketId: ticket.id }))).toContain('Seuls les membres');
    expect((await hd.tickets.get(ticket.id))?.ticket.assignee).toBeUndefined();
    const taken = await hd.press(FIONA, FINANCE, 'ticket.assign-me', { ticketId: ticket.id });
    expect((await hd.tickets.get(ticket.id))?.ticket.assignee).toMatchObject({ aadObjectId: FIONA.aadObjectId });
    expect(allText(taken)).toContain('Fiona Finance');
    // Assign to… offers the Finance team, not the default help desk's.
    const picking = await hd.press(FIONA, FINANCE, 'ticket.pick-assignee', { ticketId: ticket.id });
    expect(JSON.stringify(picking)).toContain('Fiona Finance');
    expect(JSON.stringify(picking)).not.toContain('Megan Bowen');
  });

  it('unregistering sends new tickets to the default queue; registering again elsewhere moves the queue', async () => {
    expect((await hd.say(MEGAN, HELP, 'unregister help desk for Finance')).text).toContain('Only bot admins');
    expect(await registry().getChannel('help-desk:finance')).toBeDefined();
    const gone = await hd.say(ADELE, HELP, 'unregister help desk for Finance');
    expect(gone.text).toContain('help-desk:finance is unregistered');
    expect(await registry().getChannel('help-desk:finance')).toBeUndefined();
    const { ticket: meanwhile } = await hd.submit(ALEX, { critical: true });
    expect(meanwhile.queue).toBe('help-desk');

    const again = await hd.say(ADELE, FINANCE_2, 'register help desk for finance');
    expect(allText(again.card)).toContain('help desk queue for business unit “finance”');
    const { ticket: moved } = await hd.submit(ALEX, { critical: true });
    expect(moved.queue).toBe('help-desk:finance');
    bot.connector.reset();
    await bot.jobs.runOutbox();
    const post = bot.connector.calls.find(
      (c) =>
        c.method === 'POST' && decodeURIComponent(c.path).includes(FINANCE_2.channelId) && JSON.stringify(c.body).includes(moved.number),
    );
    expect(post).toBeDefined();
    expect((await hd.say(ADELE, HELP, 'unregister help desk for Accounting')).text).toContain('No help desk queue is registered');
  });

  describe('on call', () => {
    const sevA = { details: { impact: 'organisation', urgency: 'blocked' } };

    it('a Sev A in business hours pages nobody', async () => {
      const { ticket } = await hd.submit(ALEX, sevA);
      expect(ticket).toMatchObject({ severity: 'A', queue: 'help-desk:find-or-how-to' });
      expect((await hd.outbox(ticket.id)).filter((m) => m.id.includes('on-call'))).toEqual([]);
    });

    it("a Sev A out of hours pages this week's on-call member by DM, once, and tells the requester when to expect an answer", async () => {
      now = new Date('2026-11-21T03:00:00Z'); // Saturday: week 1 of the rota (from Monday 16 November)
      const { ticket, driver } = await hd.submit(ALEX, sevA);
      await driver.press('intake.submit'); // a double click: nothing more is written
      const outbox = await hd.outbox(ticket.id);
      const page = outbox.filter((m) => m.id === `${ticket.id}.on-call`);
      expect(page).toHaveLength(1);
      expect(page[0]).toMatchObject({ target: { kind: 'user', aadObjectId: ONCALL_1 }, card: { card: 'ticket-on-call' } });
      expect(englishData(page[0].card.data)).toMatchObject({ heading: expect.stringContaining(ticket.number) });
      expect(outbox.filter((m) => m.target.kind === 'channel')).toHaveLength(1); // the channel still gets the card
      const notice = outbox.find((m) => m.id === `${ticket.id}.on-call.requester`);
      expect(notice?.target).toMatchObject({ kind: 'user', aadObjectId: ALEX.aadObjectId });
      expect(JSON.stringify(englishData(notice!.card.data))).toContain('Expect a first answer by');

      now = new Date('2026-11-24T22:00:00Z'); // Tuesday night: week 2, the second member
      const { ticket: next } = await hd.submit(ALEX, sevA);
      expect((await hd.outbox(next.id)).find((m) => m.id === `${next.id}.on-call`)?.target).toMatchObject({ aadObjectId: ONCALL_2 });
    });
  });
});
