/**
 * Fault test (issue 10 §4): Teams redelivers activities and people double-click. A realistic session
 * (channels registered, 20 requesters through the intake, an agent working a ticket, the requester
 * answering, the maker and a co-owner acting) is played with every activity delivered twice within
 * 100 ms, and the effects are counted: one of each.
 */
import { odata } from '@azure/data-tables';
import type { TicketHistoryEvent } from '../../src/domain/history';
import type { TurnContext } from 'botbuilder';
import { ACTIVITY_MEMORY_MS, uuidOfActivity } from '../../src/domain/activity-ref';
import type { ActivitySweeper } from '../../src/services/activities/activity-sweeper';
import { newIntake } from '../../src/domain/intake/intake-draft';
import { TAKEOVER_MS } from '../../src/services/activities/activity-gate';
import { TableActivityLog } from '../../src/storage/activities/table-activity-log';
import { TableIntakeStore } from '../../src/storage/intake/table-intake-store';
import { TableRequestChanges } from '../../src/storage/outbox/table-request-changes';
import { activityRefOf } from '../../src/teams/activity-key';
import { actionExecute, ALEX, personalMessage, user, type TestUser } from '../support/activities';
import { BotHarness } from '../support/bot-harness';
import { englishData } from '../support/words';
import { allText, cardsIn, input } from '../support/cards';
import { channel, channelActionExecute } from '../support/channel-activities';
import { PEOPLE, SOLUTIONS } from '../support/fixture-solutions';
import { HelpDeskDriver } from '../support/help-desk-driver';
import { IntakeDriver } from '../support/intake-driver';
import { NotificationDriver } from '../support/notification-driver';
import { rosterResponder } from '../support/team-roster';
import { fixedCatalog } from '../support/test-catalog';

const PATTI = user('Patti Fernandez', 'ad000000-0000-4000-8000-0000000000aa'); // bot admin
const ADELE = user('Adele Vance', 'ad000000-0000-4000-8000-0000000000ad'); // help desk agent
const MEGAN = user(PEOPLE.megan.displayName, PEOPLE.megan.aadObjectId); // maker of Expense Tracker
const LEE = user(PEOPLE.lee.displayName, PEOPLE.lee.aadObjectId); // co-owner of Room Booking
const HELP = channel('Help desk', 'it');
const DEDICATED = channel('Power Platform', 'pp');
const REQUESTERS = Array.from({ length: 20 }, (_, i) =>
  user(`Requester ${i}`, `e0000000-0000-4000-8000-0000000000${i.toString().padStart(2, '0')}`),
);
const DETAILS = {
  title: 'Totals are wrong',
  description: 'The monthly total ignores the last row.',
  since: 'this morning',
  impact: 'me',
  urgency: 'workaround',
};
/** How long after the original the copy arrives: concurrent (0–10 ms) and after the first finished (30–95 ms). */
const GAPS_MS = [0, 2, 10, 30, 60, 95];

const chatOf = (who: TestUser) => `a:personal-${who.aadObjectId}`;
const isQuestionnaire = (card: unknown) => allText(card).includes('What do you need?');

describe('every activity delivered twice within 100 ms has one effect', () => {
  let bot: BotHarness;
  let hd: HelpDeskDriver;
  let notes: NotificationDriver;
  let changes: TableRequestChanges;
  let now = new Date('2026-11-23T10:00:00Z');
  let sweeper: ActivitySweeper | undefined;

  beforeAll(async () => {
    bot = await BotHarness.start(
      { ADMIN_IDS: PATTI.aadObjectId, LOG_LEVEL: 'info' },
      {
        catalog: fixedCatalog(Object.values(SOLUTIONS)),
        clock: { now: () => now },
        sla: { intervalMs: 0 },
        notifications: { random: () => 0.5 },
        activities: { sweepIntervalMs: 0, onSweeper: (s) => (sweeper = s) },
      },
    );
    hd = new HelpDeskDriver(bot);
    notes = new NotificationDriver(
      bot,
      (ms) => (now = new Date(now.getTime() + ms)),
      () => now.getTime(),
    );
    changes = new TableRequestChanges(bot.tables().client('cases'));
    bot.connector.respondWith(rosterResponder({ [HELP.teamId]: [PATTI, ADELE], [DEDICATED.teamId]: [] }));
  });
  afterAll(async () => bot.stop());

  /** Cards the bot posted into a conversation (replies and outbox DMs alike). */
  const cardsPostedTo = (conversationId: string) =>
    cardsIn(
      bot.connector.calls
        .filter((c) => c.method === 'POST' && c.path.includes(`/v3/conversations/${encodeURIComponent(conversationId)}/activities`))
        .map((c) => c.body),
    );

  async function draftsOf(who: TestUser): Promise<number> {
    let count = 0;
    for await (const row of bot
      .tables()
      .client('intakes')
      .listEntities({ queryOptions: { filter: odata`PartitionKey eq ${who.aadObjectId}` } }))
      if (!String(row.rowKey).startsWith('act|')) count += 1;
    return count;
  }

  /** A requester's whole intake; each of its activities is delivered twice by the harness. */
  async function intake(who: TestUser, query: string | undefined): Promise<string> {
    const driver = new IntakeDriver(bot, who);
    await driver.say('new request');
    if (query === undefined) {
      await driver.press('intake.need', { category: 'find-or-how-to' });
    } else {
      await driver.press('intake.need', { category: 'solution-problem' });
      const results = await driver.press('intake.search', { query });
      await driver.press('intake.solution', { solutionId: input(results, 'solutionId').choices[0].value });
    }
    await driver.press('intake.details', DETAILS);
    if (who === REQUESTERS[5]) {
      // Back, delivered twice, goes back one step: from the review to the details, not to the need.
      expect(allText(await driver.press('intake.back'))).toContain("What's happening?");
      await driver.press('intake.details', DETAILS);
    }
    const confirmation = await driver.press('intake.submit');
    expect(allText(confirmation)).toContain('submitted');
    return driver.intakeId;
  }

  const historyCount = (events: readonly { type: string }[]) =>
    events.reduce<Record<string, number>>((n, e) => ({ ...n, [e.type]: (n[e.type] ?? 0) + 1 }), {});

  it('a realistic session, every activity twice: one note per note, one reply and DM per reply, one draft and card per "new request", one request per submit', async () => {
    let gap = 0;
    bot.redeliverAfterMs = () => GAPS_MS[gap++ % GAPS_MS.length];

    // The admin registers both queues.
    await hd.say(PATTI, HELP, 'register help desk');
    await hd.say(PATTI, DEDICATED, 'register dedicated team');

    // 20 requesters walk the intake, five at a time: 0–9 ask the help desk, 10–18 report a problem with
    // Expense Tracker (its maker), 19 with Room Booking (its co-owners).
    const requestIds: string[] = [];
    for (let i = 0; i < REQUESTERS.length; i += 5) {
      const batch = REQUESTERS.slice(i, i + 5);
      requestIds.push(...(await Promise.all(batch.map((who, j) => intake(who, i + j < 10 ? undefined : i + j < 19 ? 'expense' : 'room')))));
    }
    // A greeting starts a questionnaire too; "my requests" only answers.
    await new IntakeDriver(bot, ALEX).say('hi');
    await new IntakeDriver(bot, REQUESTERS[0]).say('my requests');

    // An agent works requester 0's ticket; the requester answers.
    const ticketId = requestIds[0];
    const agent = (verb: string, data: Record<string, unknown> = {}) => hd.press(ADELE, HELP, verb, { ticketId, ...data });
    const requester = (verb: string, data: Record<string, unknown> = {}) => hd.pressPersonal(REQUESTERS[0], verb, { ticketId, ...data });
    const answers: string[] = [];
    answers.push(allText(await agent('ticket.assign-me')));
    answers.push(allText(await agent('ticket.status', { statusAction: 'start' })));
    for (const text of ['Checked the sharing.', 'Asked the app owner.', 'Waiting for the licence team.'])
      answers.push(allText(await agent('ticket.note', { text })));
    for (const text of ['Looking into it now.', 'Nearly there.']) answers.push(allText(await agent('ticket.reply', { text })));
    answers.push(allText(await agent('ticket.request-info', { text: 'Which device do you use?' })));
    answers.push(allText(await requester('myticket.answer', { text: 'An iPhone.' })));
    answers.push(allText(await requester('myticket.details', { text: 'It worked last week.' })));
    answers.push(allText(await agent('ticket.resolve', { resolution: 'Shared the app with you.' })));

    // The maker acts on requester 10's request, hands requester 11's to the help desk; a co-owner claims 19's.
    const [makers, handed, claimed] = [requestIds[10], requestIds[11], requestIds[19]];
    await notes.drain();
    answers.push(allText(await notes.press(MEGAN, 'request.acknowledge', { requestId: makers })));
    answers.push(allText(await notes.press(MEGAN, 'request.resolve', { requestId: makers, note: 'Fixed the formula.' })));
    answers.push(allText(await notes.press(MEGAN, 'request.handToHelpDesk', { requestId: handed, note: 'Needs a licence change.' })));
    answers.push(allText(await notes.press(LEE, 'request.claim', { requestId: claimed })));
    await notes.drain();
    bot.redeliverAfterMs = undefined;

    // Every copy got an answer; the copy of each of the 24 messages (2 registrations, 20 "new request",
    // a greeting, "my requests") was recognised and not handled.
    expect(bot.redeliveries.every((r) => r.first.status === 200 && r.second.status === 200)).toBe(true);
    expect(bot.logs.find('activity delivered again: not handled twice')).toHaveLength(24);
    expect(bot.logs.find('turn failed')).toEqual([]);

    const ticketHistory = historyCount(await hd.tickets.history(ticketId));
    const requesterDms = cardsPostedTo(chatOf(REQUESTERS[0])).map(allText);
    const perRequester = await Promise.all(
      REQUESTERS.map(async (who, i) => ({
        drafts: await draftsOf(who),
        questionnaireCards: cardsPostedTo(chatOf(who)).filter(isQuestionnaire).length,
        requests: (await hd.cases.listByRequester(who.aadObjectId, 10)).length,
        helpDeskPosts: (await hd.outbox(requestIds[i])).filter((m) => m.purpose === 'help-desk-ticket' && m.target.kind === 'channel')
          .length,
      })),
    );
    const handedTicket = await hd.tickets.history(handed);
    const counts = {
      registrationCards: [HELP, DEDICATED].map((ch) => cardsPostedTo(ch.channelId).filter((c) => allText(c).includes('is now the')).length),
      requestersWithOneDraft: perRequester.filter((r) => r.drafts === 1).length,
      requestersWithOneQuestionnaireCard: perRequester.filter((r) => r.questionnaireCards === 1).length,
      requestersWithOneRequest: perRequester.filter((r) => r.requests === 1).length,
      helpDeskPostsPerTicket: perRequester.slice(0, 10).map((r) => r.helpDeskPosts),
      greeting: { drafts: await draftsOf(ALEX), cards: cardsPostedTo(chatOf(ALEX)).filter(isQuestionnaire).length },
      myRequestsCards: cardsPostedTo(chatOf(REQUESTERS[0])).filter((c) => allText(c).includes('Your requests')).length,
      ticket: {
        assigned: ticketHistory.assigned,
        started: ticketHistory.started,
        notes: ticketHistory['note-added'],
        replies: ticketHistory['replied-to-requester'],
        questions: ticketHistory['info-requested'],
        answers: ticketHistory['requester-replied'],
        details: ticketHistory['details-added'],
        resolved: ticketHistory.resolved,
      },
      replyDms: requesterDms.filter((t) => t.includes('replied about')).length,
      questionDms: requesterDms.filter((t) => t.includes('needs more information')).length,
      maker: historyCount(await changes.history(makers)),
      makerDms: cardsPostedTo(chatOf(REQUESTERS[10]))
        .map(allText)
        .filter((t) => /is on it|resolved your request/.test(t)).length,
      handedToHelpDesk: {
        handedOn: historyCount(await changes.history(handed))['handed-on'],
        ticketNotes: handedTicket.filter((e: TicketHistoryEvent) => e.type === 'note-added').length,
      },
      claims: historyCount(await changes.history(claimed)).claimed,
    };
    expect(counts).toEqual({
      registrationCards: [1, 1],
      requestersWithOneDraft: 20,
      requestersWithOneQuestionnaireCard: 20,
      requestersWithOneRequest: 20,
      helpDeskPostsPerTicket: Array(10).fill(1),
      greeting: { drafts: 1, cards: 1 },
      myRequestsCards: 1,
      ticket: { assigned: 1, started: 1, notes: 3, replies: 2, questions: 1, answers: 1, details: 1, resolved: 1 },
      replyDms: 2,
      questionDms: 1,
      maker: expect.objectContaining({ acknowledged: 1, resolved: 1 }),
      makerDms: 2,
      handedToHelpDesk: { handedOn: 1, ticketNotes: 1 },
      claims: 1,
    });
    // The redelivered invokes say what was done, never "someone got there first" or "not possible now".
    expect(answers.filter((text) => /just before you|isn't possible|already/.test(text))).toEqual([]);
  }, 120_000);

  it('a double click (the same button twice, two activity ids, within 100 ms) has one effect too', async () => {
    const { ticket } = await hd.submit(REQUESTERS[1], { details: { title: 'Double clicks' } });
    const twice = async (activity: () => { id: string }, gapMs: number) => {
      const first = bot.post(activity());
      await new Promise((resolve) => setTimeout(resolve, gapMs));
      const answers = [await first, await bot.post(activity())];
      expect(answers.map((a) => a.status)).toEqual([200, 200]);
      return answers.map((a) => allText(a.body.value));
    };
    const base = { serviceUrl: bot.serviceUrl, from: ADELE, channel: HELP };
    for (const gap of [0, 40, 95]) {
      const noted = await twice(() => channelActionExecute('ticket.note', { ticketId: ticket.id, text: `Note at ${gap}` }, base), gap);
      expect(noted.every((t) => t.includes(`Note at ${gap}`))).toBe(true);
      await twice(() => channelActionExecute('ticket.reply', { ticketId: ticket.id, text: `Reply at ${gap}` }, base), gap);
    }
    await hd.press(ADELE, HELP, 'ticket.request-info', { ticketId: ticket.id, text: 'Which browser?' });
    const answered = await twice(
      () => actionExecute('myticket.answer', { ticketId: ticket.id, text: 'Edge.' }, { serviceUrl: bot.serviceUrl, from: REQUESTERS[1] }),
      30,
    );
    expect(answered.every((t) => t.includes('your answer is with the help desk'))).toBe(true);

    const history = historyCount(await hd.tickets.history(ticket.id));
    expect({ notes: history['note-added'], replies: history['replied-to-requester'], answers: history['requester-replied'] }).toEqual({
      notes: 3,
      replies: 3,
      answers: 1,
    });
    const replyDms = (await hd.outbox(ticket.id)).filter(
      (m) => m.purpose === 'requester-update' && String(englishData(m.card.data).heading).includes('replied about'),
    );
    expect(replyDms).toHaveLength(3);
  });

  it('a message whose first delivery crashed mid-turn is handled by a redelivery after the takeover time, reusing what the first one wrote', async () => {
    const who = REQUESTERS[3];
    const activity = personalMessage('new request', { serviceUrl: bot.serviceUrl, from: who });
    const ref = activityRefOf({ activity } as unknown as TurnContext)!;
    // The first delivery recorded the activity, created the draft, and died before sending the card.
    await new TableActivityLog(bot.tables().client('activities')).begin(ref.key, now, new Date(now.getTime() + 3_600_000).toISOString());
    await new TableIntakeStore(bot.tables().client('intakes')).create(
      newIntake(uuidOfActivity(ref), { aadObjectId: who.aadObjectId, displayName: who.name }, now),
    );
    const draftsBefore = await draftsOf(who);
    const cards = () => cardsPostedTo(chatOf(who)).filter(isQuestionnaire);
    const cardsBefore = cards().length;

    // Redelivered at once: the first delivery may still be working on it, so nothing more happens.
    expect((await bot.post(activity)).status).toBe(200);
    expect(cards()).toHaveLength(cardsBefore);

    // Redelivered after the takeover time (Teams retries after ~15 s): handled, on the same draft.
    now = new Date(now.getTime() + TAKEOVER_MS + 1_000);
    expect((await bot.post(activity)).status).toBe(200);
    await bot.connector.waitFor(() => cards().length > cardsBefore);
    expect(JSON.stringify(cards().pop())).toContain(uuidOfActivity(ref));
    expect(await draftsOf(who)).toBe(draftsBefore);

    // And once handled, never again.
    now = new Date(now.getTime() + 10 * TAKEOVER_MS);
    expect((await bot.post(activity)).status).toBe(200);
    expect(cards()).toHaveLength(cardsBefore + 1);
    expect(
      bot.logs
        .find('activity delivered again: not handled twice')
        .slice(-2)
        .map((e) => e.state),
    ).toEqual(['in-progress', 'done']);
  });

  it('a "new request" handled and then redelivered long after the takeover time is not handled again: its start recorded it done', async () => {
    const who = user('Late Copy', 'e0000000-0000-4000-8000-0000000001a1');
    const activity = personalMessage('new request', { serviceUrl: bot.serviceUrl, from: who });
    const cards = () => cardsPostedTo(chatOf(who)).filter(isQuestionnaire);
    expect((await bot.post(activity)).status).toBe(200);
    await bot.connector.waitFor(() => cards().length === 1);
    // Without an Activities record before the turn: the draft named after the activity is the claim.
    const ref = activityRefOf({ activity } as unknown as TurnContext)!;
    expect(await new TableIntakeStore(bot.tables().client('intakes')).get(who.aadObjectId, uuidOfActivity(ref))).toBeDefined();

    now = new Date(now.getTime() + 10 * TAKEOVER_MS);
    expect((await bot.post(activity)).status).toBe(200);
    expect(cards()).toHaveLength(1);
    expect(await draftsOf(who)).toBe(1);
    expect(bot.logs.find('activity delivered again: not handled twice').pop()?.state).toBe('done');
  });

  it('a "new request" whose turn failed (its card could not be sent) is handled by an immediate retry, on one draft', async () => {
    const who = user('Failed Send', 'e0000000-0000-4000-8000-0000000001a2');
    const activity = personalMessage('new request', { serviceUrl: bot.serviceUrl, from: who });
    const cards = () => cardsPostedTo(chatOf(who)).filter(isQuestionnaire);
    let failures = 0;
    bot.connector.respondWith((call) =>
      call.method === 'POST' && isQuestionnaire(call.body) ? (failures++, { status: 503, body: {} }) : undefined,
    );
    try {
      await bot.post(activity);
      bot.connector.respondWith(undefined);
      expect(failures).toBeGreaterThan(0);
      expect(cards()).toHaveLength(0);
      // The failed turn discarded the draft it created, as a released record: the retry is handled at once.
      expect(await draftsOf(who)).toBe(0);
      expect((await bot.post(activity)).status).toBe(200);
      await bot.connector.waitFor(() => cards().length === 1);
      expect(await draftsOf(who)).toBe(1);
    } finally {
      bot.connector.respondWith(undefined);
    }
  });

  it('the activity records do not pile up: once expired, the sweep removes every one of them', async () => {
    const records = async (table: 'cases' | 'activities') => {
      let count = 0;
      for await (const _ of bot
        .tables()
        .client(table)
        .listEntities({ queryOptions: { filter: "RowKey ge 'act|' and RowKey lt 'act|~'", select: ['RowKey'] } }))
        count += 1;
      return count;
    };
    const before = { cases: await records('cases'), activities: await records('activities') };
    expect(before.cases).toBeGreaterThan(20); // every change of the session above recorded its activity
    expect(before.activities).toBeGreaterThan(20); // every message of it
    expect(await sweeper!.runOnce()).toBe(0); // nothing has expired yet
    now = new Date(now.getTime() + ACTIVITY_MEMORY_MS + 60_000);
    expect(await sweeper!.runOnce()).toBe(before.cases + before.activities);
    expect({ cases: await records('cases'), activities: await records('activities') }).toEqual({ cases: 0, activities: 0 });
  });
});
