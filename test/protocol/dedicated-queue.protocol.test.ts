/**
 * The dedicated team's queue over /api/messages (issue 13): every path in opens or reuses a ticket
 * with a hand-off card in the team's channel, and each action on that card (Accept, Ask for
 * information, Return, Resolve, Change severity) changes the ticket, both channels' cards and what the
 * requester is told. Who may act comes from the rosters and the stored ticket.
 */
import type { SlaScheduler } from '../../src/services/tickets/sla-scheduler';
import { ALEX, user } from '../support/activities';
import { BotHarness } from '../support/bot-harness';
import { allText, verbs } from '../support/cards';
import { channel } from '../support/channel-activities';
import { SOLUTIONS } from '../support/fixture-solutions';
import { HelpDeskDriver } from '../support/help-desk-driver';
import { IntakeDriver } from '../support/intake-driver';
import { rosterResponder } from '../support/team-roster';
import { fixedCatalog } from '../support/test-catalog';
import { englishData } from '../support/words';

const ADELE = user('Adele Vance', 'ad000000-0000-4000-8000-000000000001'); // admin, help desk
const DIEGO = user('Diego Siciliani', 'ad000000-0000-4000-8000-000000000002'); // help desk
const MEGAN = user('Megan Bowen', '79a4d994-151f-4573-9813-92f75a1223df'); // maker of the fixture solutions
const ISAIAH = user('Isaiah Langer', '15a1a400-0000-4000-8000-000000000010'); // dedicated team, not in the help desk's team
const PATTI = user('Patti Fernandez', '15a1a400-0000-4000-8000-000000000011'); // dedicated team
// The seeded Critical solution with the catalog's facts the hand-off card shows (four data sources: it lists three).
const INVOICES = {
  ...SOLUTIONS.invoices,
  dataSources: ['SharePoint: Invoices', 'Dataverse: Vendors', 'SQL Server: Ledger', 'Outlook: Approvals mailbox'],
  workarounds: 'Approve invoices from the SharePoint list until the flow runs again.',
};
const HELP = channel('Help desk', 'it');
const DEDICATED = channel('Power Platform', 'pp');

describe("the dedicated team's queue over /api/messages", () => {
  let bot: BotHarness;
  let hd: HelpDeskDriver;
  let scheduler: SlaScheduler | undefined;
  let now = new Date('2026-11-23T09:30:00Z'); // a Monday morning

  beforeAll(async () => {
    bot = await BotHarness.start(
      // Tickets with no solution: the lead is told at a first-response breach, the team gets it at a resolution breach.
      { ADMIN_IDS: ADELE.aadObjectId, SLA_BREACH_POLICY: 'none/first-response=notify-lead;none/resolution=escalate' },
      {
        catalog: fixedCatalog(Object.values({ ...SOLUTIONS, invoices: INVOICES })),
        clock: { now: () => now },
        sla: { intervalMs: 0, onScheduler: (s) => (scheduler = s) },
        notifications: { background: 'manual' },
      },
    );
    hd = new HelpDeskDriver(bot);
    bot.connector.respondWith(rosterResponder({ [HELP.teamId]: [ADELE, DIEGO], [DEDICATED.teamId]: [ISAIAH, PATTI] }));
    await hd.say(ADELE, HELP, 'register help desk');
    await hd.say(ADELE, DEDICATED, 'register dedicated team');
  });
  afterAll(async () => bot.stop());
  beforeEach(() => {
    now = new Date('2026-11-23T09:30:00Z');
    bot.connector.respondWith(rosterResponder({ [HELP.teamId]: [ADELE, DIEGO], [DEDICATED.teamId]: [ISAIAH, PATTI] }));
  });

  const stored = async (id: string) => (await hd.tickets.get(id))!.ticket;
  const historyOf = async (id: string) => (await hd.tickets.history(id)).map((e) => e.type);
  const dmsTo = async (id: string, aadObjectId: string) =>
    (await hd.outbox(id)).filter((m) => m.target.kind === 'user' && m.target.aadObjectId === aadObjectId);
  const handOffPosts = async (id: string) =>
    (await hd.outbox(id)).filter((m) => m.target.kind === 'channel' && m.target.channel === 'dedicated-team');
  /** The newest update of a posted card. */
  const latestUpdateOf = async (id: string, postId: string) =>
    (await hd.outbox(id)).filter((m) => m.target.kind === 'update' && m.target.messageId === postId).pop();

  /** A Critical problem escalated by the help desk with what happened and what was tried; returns the ticket. */
  async function escalated() {
    const { ticket } = await hd.submit(ALEX, { critical: true, details: { impact: 'team', urgency: 'blocked' } });
    await hd.press(DIEGO, HELP, 'ticket.assign-me', { ticketId: ticket.id });
    const card = await hd.press(DIEGO, HELP, 'ticket.escalate', {
      ticketId: ticket.id,
      target: 'dedicated-team',
      summary: 'Approvals stopped after the connector update.',
      tried: 'Re-shared the connection; restarted the flow.',
    });
    return { ticket, card };
  }

  it("the help desk's Escalate: the ticket is the dedicated queue's, with a hand-off card saying everything; the requester is told", async () => {
    const { ticket, card } = await escalated();
    expect(allText(card)).toContain('Handed to the Power Platform team; the requester was told.');
    expect(allText(card)).toContain('The Power Platform team has this ticket (Not accepted yet).');
    expect(verbs(card)).not.toContain('ticket.resolve'); // the help desk no longer works it
    const t = await stored(ticket.id);
    expect(t).toMatchObject({
      status: 'escalated',
      queue: 'dedicated-team',
      escalatedTo: 'dedicated-team',
      handOffs: [{ trigger: 'agent', contact: 'requester', previousAssignee: { displayName: 'Diego Siciliani' } }],
    });
    expect(t.assignee).toBeUndefined();

    const [post] = await handOffPosts(ticket.id);
    expect(post.card.card).toBe('ticket-handoff');
    const data = englishData(post.card.data);
    expect(data).toMatchObject({
      why: 'Escalated by the help desk (Diego Siciliani)',
      summary: 'Approvals stopped after the connector update.',
      tried: 'Re-shared the connection; restarted the flow.',
      severity: 'Sev B',
      status: 'Escalated',
      owner: 'Not accepted yet',
      solutionName: 'Invoice Approval',
      tier: 'Critical',
      makerName: 'Megan Bowen',
      coOwners: 'Lee Gu',
      dataSources: 'SharePoint: Invoices, Dataverse: Vendors, SQL Server: Ledger …and 1 more',
      workarounds: 'Approve invoices from the SharePoint list until the flow runs again.',
      requesterName: ALEX.name,
      contact: `the requester, ${ALEX.name}`,
      canAccept: true,
      canAsk: false,
    });
    expect(data.firstResponseDue).toBe('Nov 23, 2026, 13:30 UTC'); // Sev B: 4 business hours from 09:30
    const told = (await dmsTo(ticket.id, ALEX.aadObjectId)).pop()!;
    expect(englishData(told.card.data).heading).toBe(`${ticket.number} is with the Power Platform team`);
    expect((await hd.tickets.history(ticket.id)).find((e) => e.type === 'escalated')).toMatchObject({
      trigger: 'agent',
      fromQueue: 'help-desk',
      actor: { role: 'agent' },
    });

    // Only the help desk's team escalates; what happened is required.
    const refused = await hd.press(DIEGO, HELP, 'ticket.escalate', { ticketId: ticket.id, target: 'dedicated-team', summary: 'again' });
    expect(allText(refused)).toContain('The Power Platform team has this ticket already.');
  });

  it('two members press Accept at once: one owner, the other is told who has it; first response met; both cards and the requester follow', async () => {
    const { ticket } = await escalated();
    const answers = await Promise.all(
      [ISAIAH, PATTI].map((member) => hd.press(member, DEDICATED, 'handoff.accept', { ticketId: ticket.id })),
    );
    const t = await stored(ticket.id);
    const winner = [ISAIAH, PATTI].find((m) => m.aadObjectId === t.assignee?.aadObjectId)!;
    expect(winner).toBeDefined();
    expect(t).toMatchObject({ status: 'in-progress', handOffs: [{ accepted: { by: { aadObjectId: winner.aadObjectId } } }] });
    expect(t.sla['first-response'].metAt).toBeDefined(); // the owning team's acceptance is the first response
    const [winnerCard, loserCard] = winner === ISAIAH ? answers : [answers[1], answers[0]];
    expect(allText(winnerCard)).toContain('You have this ticket now; the requester was told.');
    expect(allText(loserCard)).toContain(`${winner.name} accepted this ticket just before you.`);
    expect(verbs(loserCard)).not.toContain('handoff.accept');
    expect((await hd.tickets.history(ticket.id)).filter((e) => e.type === 'accepted')).toHaveLength(1);

    const [post] = await handOffPosts(ticket.id);
    expect(englishData((await latestUpdateOf(ticket.id, post.id))!.card.data)).toMatchObject({
      owner: winner.name,
      status: 'In progress',
      dataSources: 'SharePoint: Invoices, Dataverse: Vendors, SQL Server: Ledger …and 1 more', // still there, updated in place
      workarounds: 'Approve invoices from the SharePoint list until the flow runs again.',
      canAccept: false,
      canAsk: true,
      canReturn: true,
    });
    const helpDeskCard = await latestUpdateOf(ticket.id, t.cardMessageIds[0]);
    expect(englishData(helpDeskCard!.card.data).dedicatedTeam).toBe(`The Power Platform team has this ticket (${winner.name}).`);
    const told = (await dmsTo(ticket.id, ALEX.aadObjectId)).pop()!;
    expect(englishData(told.card.data).heading).toBe(`${winner.name} of the Power Platform team has ${ticket.number}`);

    // Who may act: the help desk's members may not act on the hand-off card, nor may anyone outside both teams.
    expect(allText(await hd.press(DIEGO, DEDICATED, 'handoff.return', { ticketId: ticket.id, text: 'mine now' }))).toContain(
      'Only members of the Power Platform team can act on the tickets it holds.',
    );
    expect((await stored(ticket.id)).status).toBe('in-progress');
    expect(
      await hd.press(user('Pradeep Gupta', 'ba000000-0000-4000-8000-000000000009'), DEDICATED, 'handoff.accept', { ticketId: ticket.id }),
    ).toBe('Only members of the Power Platform team can act on the tickets it holds.');
  });

  it('Ask the requester: the clocks pause while waiting, the requester answers on their card, the clocks resume and the answer shows on the hand-off card', async () => {
    const { ticket } = await escalated();
    await hd.press(ISAIAH, DEDICATED, 'handoff.accept', { ticketId: ticket.id });
    now = new Date(now.getTime() + 10 * 60_000);
    const asked = await hd.press(ISAIAH, DEDICATED, 'handoff.ask', {
      ticketId: ticket.id,
      party: 'requester',
      text: 'Which invoices fail?',
    });
    expect(allText(asked)).toContain('Question sent to the requester.');
    expect(allText(asked)).toContain('Asked the requester: Which invoices fail?');
    let t = await stored(ticket.id);
    expect(t.status).toBe('waiting-on-requester');
    expect(t.sla.resolution.pausedSince).toBe(now.toISOString());
    const question = (await dmsTo(ticket.id, ALEX.aadObjectId)).pop()!;
    expect(englishData(question.card.data)).toMatchObject({
      heading: `Isaiah Langer needs more information about ${ticket.number}`,
      question: 'Which invoices fail?',
      canAnswer: true,
    });

    now = new Date(now.getTime() + 60 * 60_000);
    await hd.pressPersonal(ALEX, 'myticket.answer', { ticketId: ticket.id, text: 'Those over 10,000 EUR.' });
    t = await stored(ticket.id);
    expect(t.status).toBe('in-progress');
    expect(t.sla.resolution.pausedSince).toBeUndefined();
    expect(await historyOf(ticket.id)).toEqual(
      expect.arrayContaining(['info-requested', 'sla-paused', 'requester-replied', 'sla-resumed']),
    );
    const [post] = await handOffPosts(ticket.id);
    expect(englishData((await latestUpdateOf(ticket.id, post.id))!.card.data).lastNote).toContain('Those over 10,000 EUR.');
  });

  it('Ask the help desk: their card shows the question and takes the answer, which comes back to the hand-off card', async () => {
    const { ticket } = await escalated();
    await hd.press(PATTI, DEDICATED, 'handoff.accept', { ticketId: ticket.id });
    await hd.press(PATTI, DEDICATED, 'handoff.ask', {
      ticketId: ticket.id,
      party: 'help-desk',
      text: 'Did the requester change the currency?',
    });
    const t = await stored(ticket.id);
    expect(t.status).toBe('waiting-on-help-desk');
    expect(t.sla.resolution.pausedSince).toBeUndefined(); // the help desk is support too: no pause
    const helpDeskCard = englishData((await latestUpdateOf(ticket.id, t.cardMessageIds[0]))!.card.data);
    expect(helpDeskCard).toMatchObject({
      teamQuestion: 'The Power Platform team asks: Did the requester change the currency?',
      canAnswerTeam: true,
    });

    // The dedicated team cannot answer its own question; the help desk can.
    expect(allText(await hd.press(ISAIAH, HELP, 'ticket.answer-team', { ticketId: ticket.id, text: 'yes' }))).toContain(
      "Only the help desk's team answers the Power Platform team's questions",
    );
    expect((await stored(ticket.id)).status).toBe('waiting-on-help-desk');
    const answered = await hd.press(ADELE, HELP, 'ticket.answer-team', { ticketId: ticket.id, text: 'No, same currency as before.' });
    expect(allText(answered)).toContain('Thanks: your answer is with the Power Platform team.');
    expect((await stored(ticket.id)).status).toBe('in-progress');
    expect((await hd.tickets.history(ticket.id)).pop()).toMatchObject({
      type: 'info-given',
      from: 'help-desk',
      text: 'No, same currency as before.',
      actor: { aadObjectId: ADELE.aadObjectId },
    });
    const [post] = await handOffPosts(ticket.id);
    expect(englishData((await latestUpdateOf(ticket.id, post.id))!.card.data).lastNote).toContain(
      'Answer: No, same currency as before. (Adele Vance',
    );
  });

  it('Ask the maker: a DM with the question; only the maker answers, and the answer comes back', async () => {
    const { ticket } = await escalated();
    await hd.press(ISAIAH, DEDICATED, 'handoff.accept', { ticketId: ticket.id });
    await hd.press(ISAIAH, DEDICATED, 'handoff.ask', {
      ticketId: ticket.id,
      party: 'maker',
      text: 'Which environment variable holds the threshold?',
    });
    const [dm] = await dmsTo(ticket.id, MEGAN.aadObjectId);
    expect(dm).toMatchObject({ purpose: 'ticket-question', card: { card: 'ticket-maker-question' } });
    expect(englishData(dm.card.data)).toMatchObject({
      heading: `The Power Platform team has a question about ${ticket.number}`,
      question: 'Which environment variable holds the threshold?',
      canAnswer: true,
    });
    expect((await stored(ticket.id)).sla.resolution.pausedSince).toBeDefined();

    expect(await hd.pressPersonal(ALEX, 'makerticket.answer', { ticketId: ticket.id, text: 'me' })).toBe(
      'This ticket is not one of yours, so I can only show it to the person who asked for help.',
    );
    const answered = await hd.pressPersonal(MEGAN, 'makerticket.answer', {
      ticketId: ticket.id,
      text: 'ApprovalThreshold, in the Finance env.',
    });
    expect(allText(answered)).toContain('Thanks: your answer is with the Power Platform team.');
    expect(verbs(answered)).not.toContain('makerticket.answer');
    const t = await stored(ticket.id);
    expect(t.status).toBe('in-progress');
    expect(t.sla.resolution.pausedSince).toBeUndefined();
    expect((await hd.tickets.history(ticket.id)).filter((e) => e.type === 'info-given')).toEqual([
      expect.objectContaining({ from: 'maker', actor: expect.objectContaining({ role: 'maker' }) }),
    ]);
    // Answering again changes nothing.
    expect(allText(await hd.pressPersonal(MEGAN, 'makerticket.answer', { ticketId: ticket.id, text: 'again' }))).toContain(
      'Nobody is waiting on your answer',
    );
  });

  it('Return to the help desk: with a note; the help desk card says it came back and is no longer escalated; the team can no longer act', async () => {
    const { ticket } = await escalated();
    await hd.press(ISAIAH, DEDICATED, 'handoff.accept', { ticketId: ticket.id });
    expect(allText(await hd.press(ISAIAH, DEDICATED, 'handoff.return', { ticketId: ticket.id, text: '' }))).toContain(
      'Please write a note for the help desk first.',
    );
    const back = await hd.press(ISAIAH, DEDICATED, 'handoff.return', {
      ticketId: ticket.id,
      text: 'Connector fixed; please confirm with the requester.',
    });
    expect(allText(back)).toContain('Returned to the help desk; the requester was told.');
    expect(verbs(back).filter((v) => v !== 'handoff.show')).toEqual([]);
    const t = await stored(ticket.id);
    expect(t).toMatchObject({ status: 'returned', queue: 'help-desk', assignee: { displayName: 'Diego Siciliani' } });
    expect(t.escalatedTo).toBeUndefined();
    const helpDeskCard = englishData((await latestUpdateOf(ticket.id, t.cardMessageIds[0]))!.card.data);
    expect(helpDeskCard).toMatchObject({
      status: 'Returned to the help desk',
      escalatedTo: '',
      canResolve: true,
      dedicatedTeam: 'Came back from the Power Platform team (Isaiah Langer): Connector fixed; please confirm with the requester.',
    });
    expect(englishData((await dmsTo(ticket.id, ALEX.aadObjectId)).pop()!.card.data).heading).toBe(
      `${ticket.number} is back with the help desk`,
    );
    expect(allText(await hd.press(PATTI, DEDICATED, 'handoff.resolve', { ticketId: ticket.id, resolution: 'done' }))).toContain(
      "This ticket isn't with the Power Platform team.",
    );
    // The help desk works it again.
    expect(allText(await hd.press(DIEGO, HELP, 'ticket.resolve', { ticketId: ticket.id, resolution: 'Confirmed fixed.' }))).toContain(
      'Resolved; the requester was told.',
    );
  });

  it('Resolve from the hand-off card: the requester is told; the hand-off card shows the resolution', async () => {
    const { ticket } = await escalated();
    await hd.press(PATTI, DEDICATED, 'handoff.accept', { ticketId: ticket.id });
    const card = await hd.press(PATTI, DEDICATED, 'handoff.resolve', { ticketId: ticket.id, resolution: 'Rolled the connector back.' });
    expect(allText(card)).toContain('Rolled the connector back.');
    expect((await stored(ticket.id)).status).toBe('resolved');
    expect(englishData((await dmsTo(ticket.id, ALEX.aadObjectId)).pop()!.card.data).heading).toBe(`${ticket.number} is resolved`);
  });

  it('Change severity with a reason, from either card: both SLA targets are recomputed and the change is kept in history', async () => {
    const { ticket } = await hd.submit(ALEX);
    const before = await stored(ticket.id);
    expect(allText(await hd.press(DIEGO, HELP, 'ticket.severity', { ticketId: ticket.id, severity: 'A', reason: '' }))).toContain(
      'Please give a reason for the change.',
    );
    // The dedicated team sees nothing of a ticket that was never handed to it, not even in a refusal.
    const notYet = "This ticket hasn't been escalated to the Power Platform team, so only the help desk's team can work it.";
    expect(await hd.press(ISAIAH, HELP, 'ticket.severity', { ticketId: ticket.id, severity: 'A', reason: 'x' })).toBe(notYet);
    expect(await hd.press(ISAIAH, DEDICATED, 'handoff.show', { ticketId: ticket.id })).toBe(notYet);
    expect(await hd.press(ISAIAH, DEDICATED, 'handoff.accept', { ticketId: ticket.id })).toBe(notYet);
    const card = await hd.press(DIEGO, HELP, 'ticket.severity', {
      ticketId: ticket.id,
      severity: 'A',
      reason: 'Payroll is blocked for everyone.',
    });
    expect(allText(card)).toContain('Severity changed to Sev A; both SLA targets were recomputed.');
    const after = await stored(ticket.id);
    expect(after.severity).toBe('A');
    expect(Date.parse(after.sla['first-response'].dueAt)).toBeLessThan(Date.parse(before.sla['first-response'].dueAt));
    expect((await hd.tickets.history(ticket.id)).pop()).toMatchObject({
      type: 'severity-changed',
      from: 'C',
      to: 'A',
      reason: 'Payroll is blocked for everyone.',
    });

    const { ticket: held } = await escalated();
    const changed = await hd.press(ISAIAH, DEDICATED, 'handoff.severity', { ticketId: held.id, severity: 'A', reason: 'Month-end close.' });
    expect(allText(changed)).toContain('Severity changed to Sev A');
    expect((await stored(held.id)).severity).toBe('A');
  });

  it('a Sev A on a Critical solution is handed over at intake with a hand-off card', async () => {
    const { ticket } = await hd.submit(ALEX, { critical: true, details: { impact: 'organisation', urgency: 'blocked' } });
    expect(ticket).toMatchObject({ status: 'escalated', queue: 'dedicated-team', handOffs: [{ trigger: 'sev-a-critical' }] });
    const [post] = await handOffPosts(ticket.id);
    expect(englishData(post.card.data)).toMatchObject({ why: 'Sev A on a Critical solution: handed over at once', canAccept: true });
  });

  it('"I\'m stuck": a ticket where the maker is the contact, handed to the team; the requester is told its number', async () => {
    const driver = new IntakeDriver(bot, ALEX);
    await driver.say('new request');
    await driver.press('intake.need', { category: 'solution-problem' });
    await driver.press('intake.search', { query: 'expense' });
    await driver.press('intake.solution', { solutionId: 'expense-tracker' });
    await driver.press('intake.details', {
      title: 'Totals wrong',
      description: 'After the currency change.',
      since: '',
      impact: 'team',
      urgency: 'workaround',
    });
    await driver.press('intake.submit');
    const id = driver.intakeId;
    expect(await hd.tickets.get(id)).toBeUndefined(); // the maker has it: no ticket yet
    const card = await hd.pressPersonal(MEGAN, 'request.stuck', { requestId: id, note: 'It needs a Dataverse change beyond me.' });
    expect(allText(card)).toContain('Power Platform team');
    const t = await stored(id);
    expect(t).toMatchObject({
      status: 'escalated',
      queue: 'dedicated-team',
      handOffs: [{ trigger: 'maker-stuck', contact: 'maker', summary: 'It needs a Dataverse change beyond me.' }],
    });
    const [post] = await handOffPosts(id);
    expect(englishData(post.card.data)).toMatchObject({
      why: 'Megan Bowen is stuck and asked the Power Platform team for help',
      contact: 'the maker, Megan Bowen',
      canAccept: true,
    });
    const told = (await bot.jobs.store.messagesOf(id)).pending
      .map((p) => p.message)
      .filter((m) => m.purpose === 'requester-update')
      .pop()!;
    expect(JSON.stringify(englishData(told.card.data))).toContain(t.number);
    // The team accepts it like any other.
    expect(allText(await hd.press(ISAIAH, DEDICATED, 'handoff.accept', { ticketId: id }))).toContain('You have this ticket now');
  });

  it('SLA breach by the configured policy: the lead is told at a first-response breach, the team gets it at a resolution breach', async () => {
    const { ticket } = await hd.submit(ALEX); // a question: no solution ("none" in the policy)
    const first = ticket.sla['first-response'];
    await scheduler!.runOnce(new Date(first.dueAt));
    let t = await stored(ticket.id);
    expect(t.status).toBe('new');
    const lead = (await dmsTo(ticket.id, ADELE.aadObjectId)).find((m) => m.card.card === 'ticket-sla-alert');
    expect(englishData(lead!.card.data).heading).toContain('first response target BREACHED');

    await scheduler!.runOnce(new Date(t.sla.resolution.dueAt));
    t = await stored(ticket.id);
    expect(t).toMatchObject({ status: 'escalated', queue: 'dedicated-team', handOffs: [{ trigger: 'sla-breach' }] });
    const [post] = await handOffPosts(ticket.id);
    expect(englishData(post.card.data).why).toBe('An SLA target was breached: handed over by the breach policy');
    expect(englishData((await dmsTo(ticket.id, ALEX.aadObjectId)).pop()!.card.data).heading).toBe(
      `${ticket.number} is with the Power Platform team`,
    );
  });
});
