/**
 * Partner (type 5) and Microsoft (type 6) cases on a ticket, over /api/messages: only the designated
 * escalation group records them, a Sev A or B Microsoft case waits for an IT admin's confirmation on
 * the card, and the SLA clocks pause while a case waits on its vendor.
 */
import { ALEX, user } from '../support/activities';
import { BotHarness } from '../support/bot-harness';
import { allText, verbs } from '../support/cards';

/** What the person was shown: a card's words, or the message itself. */
const said = (answer: unknown): string => (typeof answer === 'string' ? answer : allText(answer));
import { channel, channelActionExecute } from '../support/channel-activities';
import { SOLUTIONS } from '../support/fixture-solutions';
import { HelpDeskDriver } from '../support/help-desk-driver';
import { rosterResponder } from '../support/team-roster';
import { fixedCatalog } from '../support/test-catalog';
import { englishData } from '../support/words';

const ADELE = user('Adele Vance', 'ad000000-0000-4000-8000-000000000001'); // bot admin, help desk
const MEGAN = user('Megan Bowen', '79a4d994-151f-4573-9813-92f75a1223df'); // help desk agent
const DIEGO = user('Diego Siciliani', 'e5000000-0000-4000-8000-000000000001'); // help desk, designated escalation group
const PATTI = user('Patti Fernandez', 'e5000000-0000-4000-8000-000000000002'); // IT admin, in no support team
const NESTOR = user('Nestor Wilke', 'c348d661-5771-4eac-977a-6085503963b9'); // dedicated team

const HELP = channel('Help desk', 'it');
const DEDICATED = channel('Power Platform', 'pp');
const MIN = 60_000;

describe('partner and Microsoft cases over /api/messages', () => {
  let bot: BotHarness;
  let hd: HelpDeskDriver;
  let now = new Date('2026-11-23T10:00:00Z'); // a Monday, inside business hours

  beforeAll(async () => {
    bot = await BotHarness.start(
      { ADMIN_IDS: ADELE.aadObjectId, ESCALATION_GROUP_IDS: DIEGO.aadObjectId.toUpperCase(), IT_ADMIN_IDS: PATTI.aadObjectId },
      { catalog: fixedCatalog(Object.values(SOLUTIONS)), clock: { now: () => now }, sla: { intervalMs: 0 } },
    );
    hd = new HelpDeskDriver(bot);
    bot.connector.respondWith(rosterResponder({ [HELP.teamId]: [ADELE, MEGAN, DIEGO], [DEDICATED.teamId]: [NESTOR] }));
    await hd.say(ADELE, HELP, 'register help desk');
    await hd.say(ADELE, DEDICATED, 'register dedicated team');
  });
  afterAll(async () => bot.stop());

  /** A help desk ticket Megan works, at the impact and urgency given. */
  async function workedTicket(details: { impact: string; urgency: string } = { impact: 'me', urgency: 'workaround' }) {
    const { ticket } = await hd.submit(ALEX, { details });
    await hd.press(MEGAN, HELP, 'ticket.assign-me', { ticketId: ticket.id });
    return ticket;
  }

  it('a designated member records a partner case: shown on every card, the ticket waits on the vendor and its clocks pause; the vendor answering resumes them', async () => {
    const { ticket } = await hd.submit(ALEX);
    // Nobody holds it yet: a vendor is asked once someone works the ticket.
    const early = await hd.press(DIEGO, HELP, 'ticket.open-case', { ticketId: ticket.id, vendor: 'partner', newCaseReference: 'CSP-4411' });
    expect(said(early)).toContain('Assign or accept the ticket before you ask a vendor.');
    expect((await hd.tickets.get(ticket.id))?.ticket.externalCases ?? []).toEqual([]);
    await hd.press(MEGAN, HELP, 'ticket.assign-me', { ticketId: ticket.id });

    // A help desk agent outside the designated group may not.
    const refused = await hd.press(MEGAN, HELP, 'ticket.open-case', {
      ticketId: ticket.id,
      vendor: 'partner',
      newCaseReference: 'CSP-4411',
    });
    expect(said(refused)).toContain('Only the designated escalation group can record partner or Microsoft cases.');
    expect((await hd.tickets.get(ticket.id))?.ticket.externalCases ?? []).toEqual([]);

    now = new Date(now.getTime() + 30 * MIN);
    const before = (await hd.tickets.get(ticket.id))!.ticket;
    const press = channelActionExecute(
      'ticket.open-case',
      { ticketId: ticket.id, vendor: 'partner', newCaseReference: ' CSP-4411 ' },
      { serviceUrl: bot.serviceUrl, from: DIEGO, channel: HELP },
    );
    const answer = await bot.post(press);
    const card = answer.body.value;
    expect(said(card)).toContain('Recorded case CSP-4411 with our support partner.');
    expect(said(card)).toContain('CSP-4411 with our support partner, opened');
    expect(said(card)).toContain('Waiting on the vendor');
    expect(verbs(card)).toContain('ticket.case-status');

    const stored = (await hd.tickets.get(ticket.id))!.ticket;
    expect(stored.status).toBe('waiting-on-vendor');
    expect(stored.externalCases).toEqual([
      expect.objectContaining({
        vendor: 'partner',
        caseReference: 'CSP-4411',
        openedAt: now.toISOString(),
        status: 'waiting-on-vendor',
        openedBy: { aadObjectId: DIEGO.aadObjectId, displayName: DIEGO.name },
      }),
    ]);
    expect(stored.sla['first-response'].pausedSince).toBe(now.toISOString());
    expect(stored.sla.resolution.pauseReason).toBe('vendor');

    // The help desk's card is updated in place and the requester is told a vendor was asked.
    const outbox = await hd.outbox(ticket.id);
    const update = outbox.filter((m) => m.target.kind === 'update').pop();
    expect(JSON.stringify(englishData(update?.card.data))).toContain('CSP-4411 with our support partner');
    expect(outbox.filter((m) => m.target.kind === 'user').map((m) => englishData(m.card.data).heading)).toContain(
      `${ticket.number} was escalated to our support partner`,
    );

    // Teams redelivers the press: one case, one history event, no second message.
    const count = outbox.length;
    const again = await bot.post(press);
    expect(said(again.body.value)).toContain('Recorded case CSP-4411 with our support partner.');
    expect((await hd.tickets.history(ticket.id)).filter((e) => e.type === 'external-case-opened')).toHaveLength(1);
    expect(await hd.outbox(ticket.id)).toHaveLength(count);

    // An hour later the partner answers: the agent holding the ticket updates the case; the clocks run again, an hour later than before.
    now = new Date(now.getTime() + 60 * MIN);
    const caseId = stored.externalCases![0].id;
    const updated = await hd.press(MEGAN, HELP, 'ticket.case-status', { ticketId: ticket.id, caseId, caseStatus: 'open' });
    expect(said(updated)).toContain('Case CSP-4411 with our support partner is now: Open');
    const resumed = (await hd.tickets.get(ticket.id))!.ticket;
    expect(resumed.status).toBe('in-progress');
    expect(resumed.sla['first-response'].pausedSince).toBeUndefined();
    expect(Date.parse(resumed.sla['first-response'].dueAt) - Date.parse(before.sla['first-response'].dueAt)).toBe(60 * MIN);
    expect((await hd.tickets.history(ticket.id)).map((e) => e.type)).toEqual(
      expect.arrayContaining(['external-case-opened', 'sla-paused', 'external-case-status-changed', 'sla-resumed']),
    );
    // Someone in neither the designated group nor the team holding the ticket cannot update it.
    const outsider = await hd.press(NESTOR, DEDICATED, 'ticket.case-status', { ticketId: ticket.id, caseId, caseStatus: 'closed' });
    expect(said(outsider)).toContain('Only the designated escalation group or the team working this ticket');
  });

  it('a Sev B case with Microsoft: the card asks an IT admin to confirm; only an IT admin can; then it is filed and the clocks pause', async () => {
    const ticket = await workedTicket({ impact: 'business-unit', urgency: 'blocked' });
    expect(ticket.severity).toBe('B');
    const asked = await hd.press(DIEGO, HELP, 'ticket.open-case', { ticketId: ticket.id, vendor: 'microsoft', newCaseReference: '' });
    expect(said(asked)).toContain('A Sev B case with Microsoft must be confirmed by an IT admin');
    expect(said(asked)).toContain('asked for by Diego Siciliani waits for an IT admin to confirm it');
    expect(verbs(asked)).toEqual(expect.arrayContaining(['ticket.confirm-case', 'ticket.decline-case']));
    let stored = (await hd.tickets.get(ticket.id))!.ticket;
    expect(stored.pendingCase).toMatchObject({ vendor: 'microsoft', severity: 'B', requestedBy: { aadObjectId: DIEGO.aadObjectId } });
    expect(stored.sla.resolution.pausedSince).toBeUndefined();

    // The designated member cannot confirm their own request; an IT admin must give the reference.
    expect(said(await hd.press(DIEGO, HELP, 'ticket.confirm-case', { ticketId: ticket.id, confirmReference: '2611230040001' }))).toContain(
      'Only an IT admin',
    );
    expect(said(await hd.press(PATTI, HELP, 'ticket.confirm-case', { ticketId: ticket.id, confirmReference: ' ' }))).toContain(
      "Please give the vendor's case reference.",
    );

    now = new Date(now.getTime() + 5 * MIN);
    const filed = await hd.press(PATTI, HELP, 'ticket.confirm-case', { ticketId: ticket.id, confirmReference: '2611230040001' });
    expect(said(filed)).toContain('Filed the Microsoft case 2611230040001.');
    expect(said(filed)).toContain('filed by IT admin Patti Fernandez');
    expect(verbs(filed)).not.toContain('ticket.confirm-case');
    stored = (await hd.tickets.get(ticket.id))!.ticket;
    expect(stored.pendingCase).toBeUndefined();
    expect(stored.externalCases?.[0]).toMatchObject({
      vendor: 'microsoft',
      caseReference: '2611230040001',
      severity: 'B',
      confirmedBy: { aadObjectId: PATTI.aadObjectId },
      openedBy: { aadObjectId: DIEGO.aadObjectId },
    });
    expect(stored.status).toBe('waiting-on-vendor');
    expect(stored.sla.resolution.pausedSince).toBe(now.toISOString());
    expect((await hd.tickets.history(ticket.id)).pop()).toMatchObject({ type: 'sla-paused', reason: 'vendor' });

    // Closing the case resumes the clocks.
    now = new Date(now.getTime() + 20 * MIN);
    await hd.press(DIEGO, HELP, 'ticket.case-status', { ticketId: ticket.id, caseId: stored.externalCases![0].id, caseStatus: 'closed' });
    stored = (await hd.tickets.get(ticket.id))!.ticket;
    expect(stored.status).toBe('in-progress');
    expect(stored.sla.resolution.pausedSince).toBeUndefined();
  });

  it('an IT admin may decline instead; a Sev C Microsoft case is filed by the designated member at once', async () => {
    const severe = await workedTicket({ impact: 'business-unit', urgency: 'blocked' });
    await hd.press(DIEGO, HELP, 'ticket.open-case', { ticketId: severe.id, vendor: 'microsoft', newCaseReference: 'MS-77' });
    const declined = await hd.press(PATTI, HELP, 'ticket.decline-case', { ticketId: severe.id, declineNote: 'Ask the partner first' });
    expect(said(declined)).toContain('Declined: no case was filed with Microsoft.');
    const afterDecline = (await hd.tickets.get(severe.id))!.ticket;
    expect(afterDecline.pendingCase).toBeUndefined();
    expect(afterDecline.status).toBe('assigned');
    expect(afterDecline.externalCases ?? []).toEqual([]);
    expect((await hd.tickets.history(severe.id)).pop()).toMatchObject({
      type: 'external-case-confirmation-declined',
      note: 'Ask the partner first',
    });

    const minor = await workedTicket();
    const filed = await hd.press(DIEGO, HELP, 'ticket.open-case', { ticketId: minor.id, vendor: 'microsoft', newCaseReference: 'MS-78' });
    expect(said(filed)).toContain('Recorded case MS-78 with Microsoft support.');
    expect((await hd.tickets.get(minor.id))!.ticket.externalCases?.[0]).toMatchObject({ severity: 'C', status: 'waiting-on-vendor' });
  });

  it('Escalate to Microsoft or a partner from the Escalate form records a case: the designated group only', async () => {
    const ticket = await workedTicket();
    const refused = await hd.press(MEGAN, HELP, 'ticket.escalate', {
      ticketId: ticket.id,
      target: 'microsoft',
      caseReference: '2611230040002',
    });
    expect(said(refused)).toContain('Only the designated escalation group');
    expect((await hd.tickets.get(ticket.id))!.ticket).toMatchObject({ externalReferences: [], status: 'assigned' });
    const recorded = await hd.press(DIEGO, HELP, 'ticket.escalate', { ticketId: ticket.id, target: 'partner', caseReference: 'CSP-9' });
    expect(said(recorded)).toContain('Recorded case CSP-9 with our support partner.');
  });
});
