/**
 * "Did that solve your problem?" answered "No" (issue 14): the first time the request goes back to
 * whoever resolved it, with a notice on their card; the second time on to the help desk with a
 * ticket. Only the requester, only while resolved, once per tap (a redelivery acts once).
 */
import { TableRequestChanges } from '../../src/storage/outbox/table-request-changes';
import { TableCaseStore } from '../../src/storage/cases/table-case-store';
import { TableSatisfaction } from '../../src/storage/cases/table-satisfaction';
import { TableTicketStore } from '../../src/storage/tickets/table-ticket-store';
import { actionExecute, ALEX, personalMessage, user } from '../support/activities';
import { BotHarness } from '../support/bot-harness';
import { allText, input, verbs } from '../support/cards';
import { PEOPLE, SOLUTIONS } from '../support/fixture-solutions';
import { IntakeDriver } from '../support/intake-driver';
import { NotificationDriver } from '../support/notification-driver';
import { fixedCatalog } from '../support/test-catalog';

const MEGAN = user(PEOPLE.megan.displayName, PEOPLE.megan.aadObjectId);
const LEE = user(PEOPLE.lee.displayName, PEOPLE.lee.aadObjectId);
const MALLORY = user('Mallory', 'ddddeeee-0000-4000-8000-00000000000f');
const DETAILS = {
  title: 'Receipts do not save',
  description: 'Saving a receipt photo fails every time.',
  since: 'this morning',
  impact: 'me',
  urgency: 'workaround',
};
const NOT_FIXED = 'not-satisfied';

describe('not fixed: a resolution answered "No"', () => {
  let bot: BotHarness;
  let cases: TableCaseStore;
  let changes: TableRequestChanges;
  let notes: NotificationDriver;
  let now = new Date('2026-11-20T10:00:00Z');

  beforeAll(async () => {
    bot = await BotHarness.start({}, { catalog: fixedCatalog(Object.values(SOLUTIONS)), clock: { now: () => now } });
    cases = new TableCaseStore(bot.tables().client('cases'));
    changes = new TableRequestChanges(bot.tables().client('cases'));
    notes = new NotificationDriver(
      bot,
      (ms) => (now = new Date(now.getTime() + ms)),
      () => now.getTime(),
    );
    await bot.post(personalMessage('hello', { serviceUrl: bot.serviceUrl, from: ALEX }));
  });
  afterAll(async () => bot.stop());
  beforeEach(() => {
    bot.connector.reset();
    bot.connector.respondWith(undefined);
  });

  async function submit(query: string): Promise<string> {
    const driver = new IntakeDriver(bot, ALEX);
    await driver.say('new request');
    await driver.press('intake.need', { category: 'solution-problem' });
    const results = await driver.press('intake.search', { query });
    await driver.press('intake.solution', { solutionId: input(results, 'solutionId').choices[0].value });
    await driver.press('intake.details', DETAILS);
    await driver.press('intake.submit');
    return driver.intakeId;
  }

  const request = async (id: string) => (await cases.get(id))!.request;
  const notFixedEvents = async (id: string) => (await changes.history(id)).filter((e) => e.type === 'not-fixed');

  /** Alex presses "No"; `activity` posts the very same activity again (a Teams redelivery). */
  async function answerNo(id: string, activityId?: string) {
    const activity = actionExecute('satisfaction.answer', { requestId: id, rating: NOT_FIXED }, { serviceUrl: bot.serviceUrl, from: ALEX });
    const sent = activityId ? { ...activity, id: activityId } : activity;
    const answer = await bot.post(sent);
    expect(answer.status).toBe(200);
    return answer.body.value;
  }

  it('goes back to the maker with a notice, then on to the help desk the second time; a double tap acts once', async () => {
    const id = await submit('expense');
    await notes.drain();
    await notes.press(MEGAN, 'request.resolve', { requestId: id });
    await notes.drain();
    expect(verbs((await notes.dmsTo(ALEX.aadObjectId)).pop())).toEqual(['satisfaction.answer', 'satisfaction.answer']);

    // Someone else pressing (the maker, or anyone with the id) is refused; nothing moves.
    for (const who of [MEGAN, MALLORY])
      expect(await notes.press(who, 'satisfaction.answer', { requestId: id, rating: NOT_FIXED })).toBe(
        'Only the person who asked for help can answer this.',
      );
    expect(await request(id)).toMatchObject({ status: 'resolved' });

    // First "No": back to Megan, acknowledged again, her card's buttons back.
    const first = await answerNo(id, 'redelivered-not-fixed-1');
    expect(allText(first)).toContain('Sorry it is not fixed. I sent your request back to Megan Bowen.');
    expect(allText(first)).toContain('Your answer: not solved');
    expect(verbs(first)).toEqual([]);
    expect(await request(id)).toMatchObject({ status: 'acknowledged', holder: { kind: 'maker' } });
    // The same activity redelivered, and a second tap: answered, not applied again.
    expect(allText(await answerNo(id, 'redelivered-not-fixed-1'))).toContain('I sent your request back to Megan Bowen.');
    expect(allText(await answerNo(id))).toContain('Your answer was already recorded');
    expect(await notFixedEvents(id)).toEqual([
      expect.objectContaining({ round: 1, to: 'holder', actor: expect.objectContaining({ role: 'requester' }) }),
    ]);

    bot.connector.reset();
    await notes.drain();
    const megansCard = (await notes.dmsTo(MEGAN.aadObjectId)).pop();
    expect(allText(megansCard)).toContain('Alex Wilber says the problem is not fixed: the request is back with you.');
    expect(verbs(megansCard)).toContain('request.resolve');
    const told = (await notes.dmsTo(ALEX.aadObjectId)).map(allText);
    expect(told.some((t) => t.includes('You said it is not fixed: your request went back to Megan Bowen.'))).toBe(true);

    // Resolved again, and again not fixed: the help desk gets a ticket, as "Hand to help desk" opens one.
    await notes.press(MEGAN, 'request.resolve', { requestId: id });
    bot.connector.reset();
    await notes.drain();
    const question = (await notes.dmsTo(ALEX.aadObjectId)).pop();
    expect(verbs(question)).toEqual(['satisfaction.answer', 'satisfaction.answer']);
    const second = await answerNo(id);
    expect(allText(second)).toContain('Sorry it is still not fixed. I handed your request to the help desk.');
    const stored = await request(id);
    expect(stored).toMatchObject({
      holder: { kind: 'help-desk' },
      routeKind: 'help-desk',
      status: 'open',
      ticketNumber: expect.stringMatching(/^HD-/),
    });
    expect((await TableTicketStore.on(bot.tables()).get(id))?.ticket).toMatchObject({ number: stored.ticketNumber, title: DETAILS.title });
    expect((await notFixedEvents(id)).map((e) => ({ round: (e as { round: number }).round, to: (e as { to: string }).to }))).toEqual([
      { round: 1, to: 'holder' },
      { round: 2, to: 'help-desk' },
    ]);
    const history = (await changes.history(id)).map((e) => e.type);
    expect(history.slice(-2)).toEqual(['not-fixed', 'ticket-opened']);
    // A tap on the old question now changes nothing.
    expect(allText(await answerNo(id))).toContain('Your answer was already recorded');
    expect(await notFixedEvents(id)).toHaveLength(2);

    bot.connector.reset();
    await notes.drain();
    const update = (await notes.dmsTo(ALEX.aadObjectId)).map(allText).join('\n');
    expect(update).toContain(`You said it is still not fixed, so your request went to the help desk. Ticket ${stored.ticketNumber}.`);
    // Counted for the reports once: the first answer.
    expect(await new TableSatisfaction(bot.tables().client('cases')).get(id)).toMatchObject({ rating: NOT_FIXED });
  });

  it('co-owners: back to the co-owner who claimed and resolved it, still claimed by them', async () => {
    const id = await submit('room');
    await notes.drain();
    await notes.press(LEE, 'request.claim', { requestId: id });
    await notes.press(LEE, 'request.resolve', { requestId: id });
    await notes.drain();
    const answer = await answerNo(id);
    expect(allText(answer)).toContain('I sent your request back to Lee Gu.');
    expect(await request(id)).toMatchObject({
      status: 'claimed',
      holder: { kind: 'co-owners', claimedBy: { aadObjectId: LEE.aadObjectId } },
    });
    bot.connector.reset();
    await notes.drain();
    const leesCard = (await notes.dmsTo(LEE.aadObjectId)).pop();
    expect(allText(leesCard)).toContain('Alex Wilber says the problem is not fixed: the request is back with you.');
    expect(verbs(leesCard)).toContain('request.resolve');
    // Lee can resolve it again: the claim stands.
    expect(verbs(await notes.press(LEE, 'request.resolve', { requestId: id }))).toEqual([]);
    expect(await request(id)).toMatchObject({ status: 'resolved' });
    // Solved this time: thanked, and nothing moves.
    const solved = await notes.press(ALEX, 'satisfaction.answer', { requestId: id, rating: 'satisfied' });
    expect(allText(solved)).toContain('Thank you: glad it is solved now.');
    expect(allText(solved)).toContain('Your answer: solved');
    expect(await request(id)).toMatchObject({ status: 'resolved' });
    expect(await notFixedEvents(id)).toHaveLength(1);
  });

  it('tells the requester in their language', async () => {
    const id = await submit('expense');
    await notes.drain();
    await notes.press(MEGAN, 'request.resolve', { requestId: id });
    await notes.drain();
    const answer = await bot.post({
      ...actionExecute('satisfaction.answer', { requestId: id, rating: NOT_FIXED }, { serviceUrl: bot.serviceUrl, from: ALEX }),
      locale: 'fr-FR',
    });
    expect(allText(answer.body.value)).toContain('Désolé que ce ne soit pas réglé. J’ai renvoyé votre demande à Megan Bowen.');
  });
});
