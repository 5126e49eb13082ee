import { BackgroundJob } from '../../src/services/jobs/background-job';
import { SlaScheduler } from '../../src/services/tickets/sla-scheduler';
import { TableLeaseStore } from '../../src/storage/leases/table-lease-store';
import { renderCard as renderRef } from '../../src/teams/rendering';

const renderCard = (card: string, data: Record<string, unknown>) => renderRef({ card, data });
import { ALEX, user } from '../support/activities';
import { BotHarness } from '../support/bot-harness';
import { englishData } from '../support/words';
import { allText } from '../support/cards';
import { channel } from '../support/channel-activities';
import { SOLUTIONS } from '../support/fixture-solutions';
import { HelpDeskDriver } from '../support/help-desk-driver';
import { rosterResponder } from '../support/team-roster';
import { fixedCatalog } from '../support/test-catalog';

const ADELE = user('Adele Vance', 'ad000000-0000-4000-8000-000000000001');
const MEGAN = user('Megan Bowen', '79a4d994-151f-4573-9813-92f75a1223df');
const HELP = channel('Help desk', 'it');
const DEDICATED = channel('Power Platform', 'pp');

describe('SLA scheduler with a controllable clock', () => {
  let bot: BotHarness;
  let hd: HelpDeskDriver;
  let scheduler: SlaScheduler | undefined;
  const now = new Date('2026-11-23T09:30:00Z'); // a Monday morning

  beforeAll(async () => {
    bot = await BotHarness.start(
      { ADMIN_IDS: ADELE.aadObjectId },
      {
        catalog: fixedCatalog(Object.values(SOLUTIONS)),
        clock: { now: () => now },
        sla: { intervalMs: 0, onScheduler: (s) => (scheduler = s) },
        notifications: { background: 'manual' },
      },
    );
    hd = new HelpDeskDriver(bot);
    bot.connector.respondWith(rosterResponder({ [HELP.teamId]: [ADELE, MEGAN], [DEDICATED.teamId]: [] }));
    await hd.say(ADELE, HELP, 'register help desk');
    await hd.say(ADELE, DEDICATED, 'register dedicated team');
  });
  afterAll(async () => bot.stop());

  const alerts = async (id: string) => (await hd.outbox(id)).filter((m) => m.card.card === 'ticket-sla-alert');

  it('Critical ticket: warns at 75% of the first-response target, escalates to the dedicated team at breach', async () => {
    const { ticket } = await hd.submit(ALEX, { critical: true, details: { impact: 'team', urgency: 'blocked' } });
    expect(ticket).toMatchObject({ severity: 'B', status: 'new' });
    const clock = ticket.sla['first-response'];

    expect(await scheduler!.runOnce(new Date(Date.parse(clock.warnAt) - 60_000))).toMatchObject({ ran: true, warnings: 0, breaches: 0 });
    expect(await alerts(ticket.id)).toHaveLength(0);

    expect(await scheduler!.runOnce(new Date(clock.warnAt))).toMatchObject({ warnings: 1, breaches: 0 });
    // Running again at the same instant (another pass, a retry) changes nothing.
    expect(await scheduler!.runOnce(new Date(clock.warnAt))).toMatchObject({ warnings: 0, breaches: 0 });
    const [warning] = await alerts(ticket.id);
    expect(warning).toMatchObject({
      target: { kind: 'channel', channel: 'help-desk' },
      card: { data: { breach: false, hasAssignee: false } },
    });
    expect(englishData(warning.card.data).heading).toContain(`${ticket.number}: first response target at risk`);
    let stored = (await hd.tickets.get(ticket.id))!.ticket;
    expect(stored.sla['first-response']).toMatchObject({ warned: true, breached: false });
    const cardUpdate = (await hd.outbox(ticket.id)).filter((m) => m.target.kind === 'update').pop();
    expect(englishData(cardUpdate?.card.data).firstResponseDue).toContain('at risk');

    const result = await scheduler!.runOnce(new Date(clock.dueAt));
    expect(result).toMatchObject({ breaches: 1, escalations: 1 });
    stored = (await hd.tickets.get(ticket.id))!.ticket;
    expect(stored).toMatchObject({ status: 'escalated', escalatedTo: 'dedicated-team' });
    expect(stored.sla['first-response']).toMatchObject({ breached: true });
    const breach = (await alerts(ticket.id)).find((m) => m.card.data.breach === true)!;
    expect(englishData(breach.card.data).heading).toContain('first response target BREACHED');
    expect(englishData(breach.card.data).handoff).toContain('handed to the Power Platform team');
    expect((await hd.outbox(ticket.id)).filter((m) => m.target.kind === 'channel' && m.target.channel === 'dedicated-team')).toHaveLength(
      1,
    );
    const history = await hd.tickets.history(ticket.id);
    expect(history.map((e) => e.type)).toEqual(['created', 'sla-warning', 'sla-breached', 'escalated']);
    expect(history[3]).toMatchObject({ trigger: 'sla-breach', actor: { kind: 'system', component: 'sla-scheduler' } });
  });

  it('an assigned ticket: the warning and the breach mention the assignee; no escalation outside Critical', async () => {
    const { ticket } = await hd.submit(ALEX);
    await hd.press(MEGAN, HELP, 'ticket.assign-me', { ticketId: ticket.id });
    // Issue 13: an assignment is not a response (the requester hears nothing); the first reply is.
    expect((await hd.tickets.get(ticket.id))!.ticket.sla['first-response'].metAt).toBeUndefined();
    await hd.press(MEGAN, HELP, 'ticket.reply', { ticketId: ticket.id, text: 'Looking into it.' });
    const stored = (await hd.tickets.get(ticket.id))!.ticket;
    expect(stored.sla['first-response'].metAt).toBeDefined();
    const resolution = stored.sla.resolution;

    await scheduler!.runOnce(new Date(resolution.warnAt));
    await scheduler!.runOnce(new Date(resolution.dueAt));
    const [warning, breach] = await alerts(ticket.id);
    expect(warning.card.data).toMatchObject({ breach: false, hasAssignee: true, assigneeId: MEGAN.aadObjectId });
    expect(breach.card.data).toMatchObject({ breach: true, handoff: '' });
    const card = renderCard('ticket-sla-alert', breach.card.data);
    expect(allText(card)).toContain('<at>Megan Bowen</at>');
    expect((card as any).msteams.entities).toEqual([
      { type: 'mention', text: '<at>Megan Bowen</at>', mentioned: { id: MEGAN.aadObjectId, name: 'Megan Bowen' } },
    ]);
    expect((await hd.tickets.get(ticket.id))!.ticket.status).toBe('assigned');
    // Nothing more is owed: the ticket has left the timers.
    expect(await hd.tickets.dueForSla(new Date('2030-01-01T00:00:00Z'))).not.toContain(ticket.id);
  });

  it('a resolved ticket closes itself when the reopen window has passed; the requester is told', async () => {
    const { ticket } = await hd.submit(ALEX);
    await hd.press(MEGAN, HELP, 'ticket.resolve', { ticketId: ticket.id, resolution: 'Renamed to Travel.' });
    const resolved = (await hd.tickets.get(ticket.id))!.ticket;
    expect(resolved.autoCloseAt).toBe(new Date(now.getTime() + 7 * 24 * 60 * 60_000).toISOString());
    expect(await scheduler!.runOnce(new Date(Date.parse(resolved.autoCloseAt!) - 1000))).toMatchObject({ closed: 0 });
    expect(await scheduler!.runOnce(new Date(resolved.autoCloseAt!))).toMatchObject({ closed: 1 });
    expect((await hd.tickets.get(ticket.id))!.ticket.status).toBe('closed');
    expect((await hd.tickets.history(ticket.id)).pop()).toMatchObject({ type: 'closed', reason: 'reopen-window-passed' });
    const dm = (await hd.outbox(ticket.id)).filter((m) => m.target.kind === 'user').pop();
    expect(englishData(dm?.card.data).heading).toBe(`${ticket.number} is closed`);
  });

  it('one instance at a time: another scheduler does nothing while the lease is held', async () => {
    const other = new SlaScheduler({
      tickets: hd.tickets,
      lease: new TableLeaseStore(bot.tables().client('leases')),
      clock: { now: () => now },
      reopenWindowMinutes: 60,
    });
    await scheduler!.runOnce(now);
    expect(await other.runOnce(now)).toMatchObject({ ran: false });
    // The holder "dies" (runs no more): the other takes over once its 10 s lease has run out.
    expect(await other.runOnce(new Date(now.getTime() + 9_000))).toMatchObject({ ran: false });
    expect(await other.runOnce(new Date(now.getTime() + 12_500))).toMatchObject({ ran: true });
  });

  it('a scheduler that stops gives its lease up: another takes it at its next try, long before it would run out', async () => {
    const make = () =>
      new SlaScheduler({
        tickets: hd.tickets,
        lease: new TableLeaseStore(bot.tables().client('leases')),
        clock: { now: () => now },
        reopenWindowMinutes: 60,
        leaseName: 'sla-stop-test',
      });
    const [first, second] = [make(), make()];
    expect(await first.runOnce(now)).toMatchObject({ ran: true });
    expect(await second.runOnce(now)).toMatchObject({ ran: false });
    // What the bot's shutdown does with the scheduler's job (start-tickets.ts): stop its loop, give its lease up.
    await new BackgroundJob({
      name: 'sla-scheduler',
      leases: first.leases,
      run: async () => 60_000,
      reporter: { error: () => undefined },
    }).stop();
    expect(await second.runOnce(new Date(now.getTime() + 2_500))).toMatchObject({ ran: true });
  });
});
