import type { Solution } from '../../src/domain/solution';
import { TableCaseStore } from '../../src/storage/cases/table-case-store';
import { TableRequestChanges } from '../../src/storage/outbox/table-request-changes';
import { TableSatisfaction } from '../../src/storage/cases/table-satisfaction';
import { TableTicketStore } from '../../src/storage/tickets/table-ticket-store';
import { partitionOf } from '../../src/storage/cases/case-partitions';
import { actionExecute, ALEX, personalMessage, user } from '../support/activities';
import { BotHarness } from '../support/bot-harness';
import { allText, input, verbs } from '../support/cards';
import { PEOPLE, SOLUTIONS } from '../support/fixture-solutions';
import { IntakeDriver } from '../support/intake-driver';
import { NotificationDriver } from '../support/notification-driver';
import { fixedCatalog } from '../support/test-catalog';

const MEGAN = user(PEOPLE.megan.displayName, PEOPLE.megan.aadObjectId);
const LEE = user(PEOPLE.lee.displayName, PEOPLE.lee.aadObjectId);
const NESTOR = user(PEOPLE.nestor.displayName, PEOPLE.nestor.aadObjectId);
const MALLORY = user('Mallory', 'ddddeeee-0000-4000-8000-00000000000f');
/** A Productivity app whose maker has a co-owner to fall back on. */
const BUDGET: Solution = { ...SOLUTIONS.expenses, id: 'budget-planner', name: 'Budget Planner', coOwners: [PEOPLE.nestor] };
const DETAILS = {
  title: 'Totals are wrong',
  description: 'The monthly total ignores the last row.',
  since: 'this morning',
  impact: 'me',
  urgency: 'workaround',
};
const MAKER_VERBS = ['request.acknowledge', 'request.resolve', 'request.handToHelpDesk', 'request.notMine', 'request.stuck'];
const MINUTE = 60_000;

describe('notifications: maker and co-owner cards through the outbox', () => {
  let bot: BotHarness;
  let cases: TableCaseStore;
  let changes: TableRequestChanges;
  let notes: NotificationDriver;
  let now = new Date('2026-11-20T10:00:00Z');

  beforeAll(async () => {
    bot = await BotHarness.start(
      { MAKER_ACK_MINUTES: '60', CO_OWNER_CLAIM_MINUTES: '120' },
      { catalog: fixedCatalog([...Object.values(SOLUTIONS), BUDGET]), clock: { now: () => now }, notifications: { random: () => 0.5 } },
    );
    cases = new TableCaseStore(bot.tables().client('cases'));
    changes = new TableRequestChanges(bot.tables().client('cases'));
    notes = new NotificationDriver(
      bot,
      (ms) => (now = new Date(now.getTime() + ms)),
      () => now.getTime(),
    );
    // Alex talks to the bot first: the bot learns the tenant's service URL and Alex's 1:1 chat.
    await bot.post(personalMessage('hello', { serviceUrl: bot.serviceUrl, from: ALEX }));
  });
  afterAll(async () => bot.stop());
  beforeEach(() => {
    bot.connector.reset();
    bot.connector.respondWith(undefined);
  });

  /** Alex submits a problem with the first solution matching `query`; returns the request id. */
  async function submit(query: string, details: Record<string, string> = DETAILS): Promise<string> {
    const driver = new IntakeDriver(bot, ALEX);
    await driver.say('new request');
    await driver.press('intake.need', { category: 'solution-problem' });
    const results = await driver.press('intake.search', { query });
    await driver.press('intake.solution', { solutionId: input(results, 'solutionId').choices[0].value });
    await driver.press('intake.details', details);
    await driver.press('intake.submit');
    bot.connector.reset();
    return driver.intakeId;
  }

  async function request(id: string) {
    return (await cases.get(id))!.request;
  }

  /** The cards the bot DM'd a person (through the 1:1 chat it created or already had). */
  const dmsTo = (aadObjectId: string) => notes.dmsTo(aadObjectId);

  it('DMs the maker a card with requester, solution, problem and severity, creating the 1:1 chat from her object id', async () => {
    const id = await submit('expense');
    const run = await notes.drain();
    expect(run).toMatchObject({ delivered: 1, failed: 0 });
    const create = bot.connector.calls.find((c) => c.method === 'POST' && c.path.endsWith('/v3/conversations'));
    // Megan never talked to the bot: her 1:1 chat is created from her object id and the tenant.
    expect(create?.body).toMatchObject({ isGroup: false, members: [{ id: PEOPLE.megan.aadObjectId }], tenantId: expect.any(String) });
    const [card] = await dmsTo(PEOPLE.megan.aadObjectId);
    const text = allText(card);
    for (const expected of ['Alex Wilber', 'Expense Tracker', 'Totals are wrong', 'The monthly total ignores the last row.', 'Sev C'])
      expect(text).toContain(expected);
    expect(verbs(card)).toEqual(MAKER_VERBS);
    // Delivered: out of the pending range, with where it landed.
    const messages = await bot.jobs.store.messagesOf(id);
    expect(messages.pending).toHaveLength(0);
    expect(messages.sent).toEqual([
      expect.objectContaining({ conversationId: expect.stringMatching(/^conv-/), activityId: expect.any(String) }),
    ]);
  });

  it('"I\'m on it" then "Resolved" with a note: the requester is told each time', async () => {
    const id = await submit('expense');
    await notes.drain();
    const acked = await notes.press(MEGAN, 'request.acknowledge', { requestId: id });
    expect(allText(acked)).toContain("You're on it.");
    expect(verbs(acked)).not.toContain('request.acknowledge');
    expect(await request(id)).toMatchObject({ status: 'acknowledged' });
    await notes.drain();
    expect(allText((await dmsTo(ALEX.aadObjectId)).pop())).toContain('Megan Bowen is on it.');

    const resolved = await notes.press(MEGAN, 'request.resolve', { requestId: id, note: 'Fixed the formula, try again.' });
    expect(verbs(resolved)).toEqual([]);
    expect(await request(id)).toMatchObject({ status: 'resolved' });
    await notes.drain();
    // The update, then the one-tap satisfaction question (issue 14).
    const [updateCard, question] = (await dmsTo(ALEX.aadObjectId)).slice(-2);
    const update = allText(updateCard);
    expect(update).toContain('Megan Bowen resolved your request.');
    expect(update).toContain('Fixed the formula, try again.');
    const history = (await changes.history(id)).map((e) => e.type);
    expect(history).toEqual(expect.arrayContaining(['submitted', 'routed', 'acknowledged', 'resolved']));

    expect(allText(question)).toContain('Megan Bowen marked your request resolved. Did that solve your problem?');
    expect(verbs(question)).toEqual(['satisfaction.answer', 'satisfaction.answer']);
    // Only the requester answers (from storage, whatever the card says); the first answer counts.
    expect(await notes.press(MEGAN, 'satisfaction.answer', { requestId: id, rating: 'satisfied' })).toBe(
      'Only the person who asked for help can answer this.',
    );
    const answered = await notes.press(ALEX, 'satisfaction.answer', { requestId: id, rating: 'satisfied' });
    expect(allText(answered)).toContain('Thank you: your answer is recorded.');
    expect(allText(answered)).toContain('Your answer: solved');
    expect(verbs(answered)).toEqual([]);
    const again = await notes.press(ALEX, 'satisfaction.answer', { requestId: id, rating: 'not-satisfied' });
    expect(allText(again)).toContain('Your answer was already recorded');
    expect(allText(again)).toContain('Your answer: solved');
    const satisfaction = new TableSatisfaction(bot.tables().client('cases'));
    expect(await satisfaction.get(id)).toMatchObject({ requestId: id, rating: 'satisfied', by: { aadObjectId: ALEX.aadObjectId } });
    const shard = Number(partitionOf(id).replace(/\D/g, ''));
    expect((await satisfaction.ofShard(shard)).filter((a) => a.requestId === id)).toHaveLength(1);
  });

  it("shows the requester's text as text on the maker's DM: a Markdown link arrives escaped, never live", async () => {
    await submit('expense', {
      ...DETAILS,
      title: '**Urgent** payroll',
      description: 'Please [Reset password](https://evil.example/reset) first',
    });
    await notes.drain();
    const text = allText((await dmsTo(PEOPLE.megan.aadObjectId)).pop());
    expect(text).toContain('\\*\\*Urgent\\*\\* payroll');
    expect(text).toContain('Please \\[Reset password\\](https\\://evil.example/reset) first');
    expect(text).not.toContain('[Reset password](https://');
  });

  it("authorises from storage: someone else pressing the maker's buttons is refused", async () => {
    const id = await submit('expense');
    await notes.drain();
    // The refusal is words only: nothing of the request (requester, title, description) reaches someone it was not sent to.
    const refusals = [];
    for (const verb of ['request.resolve', 'request.claim', 'request.acknowledge', 'request.notMine'])
      refusals.push(await notes.press(MALLORY, verb, { requestId: id }));
    expect(refusals).toEqual([
      "This request wasn't sent to you, so you can't act on it.",
      'Only co-owners of this solution can claim this request.',
      "This request wasn't sent to you, so you can't act on it.",
      "This request wasn't sent to you, so you can't act on it.",
    ]);
    expect(await request(id)).toMatchObject({ status: 'open', holder: { kind: 'maker' } });
    expect(await notes.press(MEGAN, 'request.acknowledge', { requestId: 'not-a-uuid' })).toBe('This card is out of date or damaged.');
  });

  it("refuses someone else who sends the maker's press again under its ids (found by the fuzz test): words only", async () => {
    const id = await submit('expense');
    const press = actionExecute('request.acknowledge', { requestId: id }, { serviceUrl: bot.serviceUrl, from: MEGAN });
    expect(allText((await bot.post(press)).body.value)).toContain(DETAILS.description);
    // The same activity (conversation and activity id), sent as Mallory: local mode authenticates nobody.
    const replay = await bot.post({ ...press, from: { id: MALLORY.id, aadObjectId: MALLORY.aadObjectId, name: MALLORY.name } });
    expect(replay.body.value).toBe("This request wasn't sent to you, so you can't act on it.");
    // Megan's own redelivery still gets her card, with what was done.
    expect(allText((await bot.post(press)).body.value)).toContain(DETAILS.description);
    expect((await changes.history(id)).filter((e) => e.type === 'acknowledged')).toHaveLength(1);
  });

  it('"Hand to help desk" opens a help desk ticket carrying the maker\'s note', async () => {
    const id = await submit('expense');
    await notes.drain();
    const card = await notes.press(MEGAN, 'request.handToHelpDesk', { requestId: id, note: 'Needs a licence change.' });
    expect(allText(card)).toContain('Handed to the help desk');
    const stored = await request(id);
    expect(stored).toMatchObject({ holder: { kind: 'help-desk' }, routeKind: 'help-desk', ticketNumber: expect.stringMatching(/^HD-/) });
    const { pending } = await bot.jobs.store.messagesOf(id);
    expect(pending.find((p) => p.message.purpose === 'help-desk-ticket')?.message.card.card).toBe('ticket');
    expect(pending.map((p) => p.message.purpose)).toContain('requester-update');
    const history = await changes.history(id);
    expect(history.find((e) => e.type === 'handed-on')).toMatchObject({ to: 'help-desk', note: 'Needs a licence change.' });
    expect(history.find((e) => e.type === 'ticket-opened')).toMatchObject({ ticketNumber: stored.ticketNumber });
    const tickets = TableTicketStore.on(bot.tables());
    expect((await tickets.get(id))?.ticket).toMatchObject({ number: stored.ticketNumber, title: 'Totals are wrong' });
    // The note as Megan typed it; who handed it on is the event's actor (no English stored with it).
    expect((await tickets.history(id)).find((e) => e.type === 'note-added')).toMatchObject({
      text: 'Needs a licence change.',
      actor: { displayName: 'Megan Bowen' },
    });
  });

  it('"I\'m stuck" escalates to the dedicated team', async () => {
    const id = await submit('expense');
    await notes.drain();
    await notes.press(MEGAN, 'request.stuck', { requestId: id, note: 'Delegation warning I cannot fix.' });
    expect(await request(id)).toMatchObject({ holder: { kind: 'dedicated-team' } });
    const { pending } = await bot.jobs.store.messagesOf(id);
    // Issue 13: a ticket, posted in the help desk channel and handed on with a hand-off card in the team's.
    expect(pending.map((p) => p.message.purpose).sort()).toEqual(['dedicated-team-handoff', 'help-desk-ticket', 'requester-update']);
  });

  it('"Not my solution" reroutes to the co-owners and flags the catalog entry', async () => {
    const id = await submit('budget');
    await notes.drain();
    await notes.press(MEGAN, 'request.notMine', { requestId: id, note: 'Nestor built this one.' });
    expect(await request(id)).toMatchObject({ holder: { kind: 'co-owners', people: [{ aadObjectId: PEOPLE.nestor.aadObjectId }] } });
    const history = await changes.history(id);
    expect(history.find((e) => e.type === 'catalog-flagged')).toMatchObject({
      solutionId: 'budget-planner',
      note: 'Nestor built this one.',
    });
    expect((await changes.flags(partitionOf(id))).filter((f) => f.requestId === id)).toEqual([
      expect.objectContaining({ solutionId: 'budget-planner', reason: 'not-my-solution' }),
    ]);
    await notes.drain();
    expect(allText((await dmsTo(PEOPLE.nestor.aadObjectId)).pop())).toContain('Budget Planner');
    expect(allText((await dmsTo(ALEX.aadObjectId)).pop())).toContain("Megan Bowen says Budget Planner isn't theirs");
    // Megan's own card no longer offers actions.
    expect(notes.updates().map((u) => verbs(u.card))).toContainEqual([]);
  });

  it("co-owners: parallel claims, exactly one owner; the others' cards say who claimed it; the requester is told", async () => {
    const id = await submit('room');
    await notes.drain();
    const [leeCard, ...leeMore] = await dmsTo(PEOPLE.lee.aadObjectId);
    const [nestorCard, ...nestorMore] = await dmsTo(PEOPLE.nestor.aadObjectId);
    // One ping each (both pings start the same claim timer: that once made the second one go out again and again).
    expect([leeMore, nestorMore]).toEqual([[], []]);
    expect(verbs(leeCard)).toEqual(['request.claim']);
    expect(verbs(nestorCard)).toEqual(['request.claim']);

    const answers = await Promise.all([
      notes.press(LEE, 'request.claim', { requestId: id }),
      notes.press(NESTOR, 'request.claim', { requestId: id }),
      notes.press(LEE, 'request.claim', { requestId: id }),
      notes.press(NESTOR, 'request.claim', { requestId: id }),
    ]);
    const stored = await request(id);
    expect(stored.status).toBe('claimed');
    const owner = stored.holder.kind === 'co-owners' ? stored.holder.claimedBy! : undefined;
    expect(owner).toBeDefined();
    const loser = owner!.aadObjectId === LEE.aadObjectId ? NESTOR : LEE;
    const won = answers.filter((a) => allText(a).includes("It's yours"));
    expect(won).toHaveLength(1);
    expect(answers.filter((a) => allText(a).includes(`${owner!.displayName} already claimed this request.`)).length).toBeGreaterThanOrEqual(
      2,
    );
    expect((await changes.history(id)).filter((e) => e.type === 'claimed')).toHaveLength(1);

    expect(await notes.press(MALLORY, 'request.claim', { requestId: id })).toBe('Only co-owners of this solution can claim this request.');

    await notes.drain();
    const loserPing = (await bot.jobs.store.messagesOf(id)).sent.find(
      (r) =>
        r.message.purpose === 'co-owner-ping' && r.message.target.kind === 'user' && r.message.target.aadObjectId === loser.aadObjectId,
    );
    const updates = notes.updates().filter((u) => u.conversationId === loserPing?.conversationId && u.activityId === loserPing?.activityId);
    expect(updates).toHaveLength(1);
    expect(allText(updates[0].card)).toContain(`Claimed by ${owner!.displayName}`);
    expect(verbs(updates[0].card)).toEqual([]);
    expect(allText((await dmsTo(ALEX.aadObjectId)).pop())).toContain(
      `${owner!.displayName}, a co-owner of Room Booking, picked up your request.`,
    );
    // The owner's card now offers the owner's actions.
    expect(verbs(won[0])).toEqual(['request.resolve', 'request.handToHelpDesk', 'request.stuck']);
  });

  it("404 on the maker's DM: final, and the co-owner is asked instead (fallback route, one transaction)", async () => {
    bot.connector.respondWith((call) =>
      call.method === 'POST' && call.path.endsWith('/v3/conversations') && call.body?.members?.[0]?.id === PEOPLE.megan.aadObjectId
        ? { status: 404, body: { error: { code: 'NotFound', message: 'user not found' } } }
        : undefined,
    );
    // Megan may already have a 1:1 chat from earlier tests: forget it, she "uninstalled" the app.
    await bot
      .tables()
      .client('conversations')
      .deleteEntity('user', PEOPLE.megan.aadObjectId)
      .catch(() => undefined);
    const id = await submit('budget');
    const run = await notes.drain();
    expect(run.failed).toBe(1);
    const stored = await request(id);
    expect(stored).toMatchObject({
      holder: { kind: 'co-owners', people: [{ aadObjectId: PEOPLE.nestor.aadObjectId }] },
      routeReason: 'maker-unreachable',
    });
    const history = await changes.history(id);
    expect(history.find((e) => e.type === 'unreachable')).toMatchObject({ recipient: { aadObjectId: PEOPLE.megan.aadObjectId } });
    expect(history.find((e) => e.type === 'handed-on')).toMatchObject({ to: 'co-owners' });
    const messages = await bot.jobs.store.messagesOf(id);
    expect(messages.failed).toEqual([expect.objectContaining({ reason: 'unreachable', lastStatus: 404 })]);
    expect(messages.sent.map((m) => m.message.purpose).sort()).toEqual(['co-owner-ping', 'requester-update']);
    expect(allText((await dmsTo(ALEX.aadObjectId)).pop())).toContain("Megan Bowen can't be reached in Teams");
  });

  it('timers: no acknowledgement → co-owners; no claim → help desk; recorded in history', async () => {
    const id = await submit('budget');
    await notes.drain();
    expect((await request(id)).holder.kind).toBe('maker');

    now = new Date(now.getTime() + 59 * MINUTE);
    expect(await bot.jobs.runTimers()).toEqual({ fired: 0, movedOn: 0 });
    now = new Date(now.getTime() + 2 * MINUTE);
    expect((await bot.jobs.runTimers()).movedOn).toBeGreaterThanOrEqual(1);
    expect(await request(id)).toMatchObject({ holder: { kind: 'co-owners' } });
    await notes.drain();
    expect(allText((await dmsTo(ALEX.aadObjectId)).pop())).toContain("didn't pick it up within 1 hour");

    now = new Date(now.getTime() + 121 * MINUTE);
    await bot.jobs.runTimers();
    expect(await request(id)).toMatchObject({ holder: { kind: 'help-desk' } });
    const handedOn = (await changes.history(id)).filter((e) => e.type === 'handed-on');
    expect(handedOn.map((e) => (e as { to: string }).to)).toEqual(['co-owners', 'help-desk']);
    expect(handedOn.every((e) => e.actor.kind === 'system')).toBe(true);
    // Reaching the help desk opened a ticket, as submitting to it would have.
    expect((await request(id)).ticketNumber).toMatch(/^HD-/);
    // A claim after the request moved on is refused.
    expect(allText(await notes.press(NESTOR, 'request.claim', { requestId: id }))).toContain('This request has moved on to someone else.');
  });

  it('a timer loses to an acknowledgement: nothing moves', async () => {
    const id = await submit('budget');
    await notes.drain();
    await notes.press(MEGAN, 'request.acknowledge', { requestId: id });
    now = new Date(now.getTime() + 24 * 60 * MINUTE);
    await bot.jobs.runTimers();
    expect(await request(id)).toMatchObject({ holder: { kind: 'maker' }, status: 'acknowledged' });
  });

  it('"outbox status" lists stuck and failed deliveries, for admins only', async () => {
    const answer = await bot.post(personalMessage('outbox status', { serviceUrl: bot.serviceUrl, from: MALLORY }));
    expect(answer.status).toBe(200);
    await bot.connector.waitFor(() => bot.connector.sentActivities.length > 0);
    expect(bot.connector.sentActivities[0].text).toBe('Only bot admins can see the outbox status.');
    const failed = await bot.jobs.admin.failed();
    expect(failed.some((f) => f.reason === 'unreachable')).toBe(true);
  });
});

describe('notifications in the background (as in production)', () => {
  it('the outbox loop delivers on its own and stops with the server', async () => {
    const bot = await BotHarness.start({}, { catalog: fixedCatalog(Object.values(SOLUTIONS)), notifications: { background: 'auto' } });
    try {
      await bot.post(personalMessage('hello', { serviceUrl: bot.serviceUrl, from: ALEX }));
      const driver = new IntakeDriver(bot, ALEX);
      await driver.say('new request');
      await driver.press('intake.need', { category: 'solution-problem' });
      const results = await driver.press('intake.search', { query: 'expense' });
      await driver.press('intake.solution', { solutionId: input(results, 'solutionId').choices[0].value });
      await driver.press('intake.details', DETAILS);
      await driver.press('intake.submit');
      await bot.connector.waitFor((calls) => calls.some((c) => c.method === 'POST' && c.path.endsWith('/v3/conversations')), 10_000);
      await bot.connector.waitFor(
        () =>
          bot.connector.sentActivities.some((a) =>
            allText(a.attachments?.[0]?.content ?? {}).includes('A problem was reported with a solution you made'),
          ),
        10_000,
      );
      const ready = await bot.request('GET', '/readyz');
      expect(ready.status).toBe(200);
      expect(ready.body.checks).toMatchObject({ outbox: 'ok' });
    } finally {
      await bot.stop();
    }
  });
});
