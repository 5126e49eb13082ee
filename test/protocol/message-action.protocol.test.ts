/**
 * "Report a problem" on any message, over /api/messages as Teams sends it: `composeExtension/fetchTask`
 * opens the form pre-filled from the message, `composeExtension/submitAction` searches the catalog or
 * sends the request, which then goes where the questionnaire would send it.
 */
import { TableCaseStore } from '../../src/storage/cases/table-case-store';
import { TableIntakeStore } from '../../src/storage/intake/table-intake-store';
import { TableTicketStore } from '../../src/storage/tickets/table-ticket-store';
import { FAILURE_MESSAGES } from '../../src/teams/turn-failures';
import { REPORT_PROBLEM_COMMAND } from '../../src/teams/routes/message-action-routes';
import { ALEX, personalMessage, TEST_TENANT, user, type TestUser } from '../support/activities';
import { BotHarness } from '../support/bot-harness';
import { ADAPTIVE, allText, input } from '../support/cards';
import { channel } from '../support/channel-activities';
import { PEOPLE, SOLUTIONS } from '../support/fixture-solutions';
import { EMOJI, KOREAN, ofLength } from '../support/large-text';
import { fetchTask, submitAction, type TeamsMessage, type Where } from '../support/message-action-activities';
import { NotificationDriver } from '../support/notification-driver';
import { fixedCatalog } from '../support/test-catalog';
import { english } from '../support/words';
import { text } from '../../src/domain/text';

const OTHER_TENANT = 'f00dbabe-0000-4000-8000-00000000beef';
const MALLORY = user('Mallory', 'ddddeeee-0000-4000-8000-00000000000f');
const GENERAL = channel('General', 'sales');
const MESSAGE: TeamsMessage = {
  content:
    '<p>Expense Tracker: totals are wrong &amp; the export fails</p><p>The monthly total ignores the last row.<br>Since this morning.</p>',
};
const DETAILS = { since: '', impact: 'me', urgency: 'workaround' };
/** Lone halves of a surrogate pair: what cutting an emoji in two leaves. */
const BROKEN_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A dialog that ends with words: what Teams shows in a pop-up. */
const dialogMessage = (value: string) => ({ status: 200, body: { task: { type: 'message', value } } });

describe('"Report a problem" from a message (composeExtension/fetchTask and submitAction)', () => {
  let bot: BotHarness;
  let cases: TableCaseStore;
  let intakes: TableIntakeStore;
  let tickets: TableTicketStore;
  let notes: NotificationDriver;
  let now = new Date('2026-11-20T10:00:00Z');

  beforeAll(async () => {
    bot = await BotHarness.start(
      { ALLOWED_TENANTS: TEST_TENANT, MAX_REQUESTS_PER_HOUR: '3' },
      { catalog: fixedCatalog(Object.values(SOLUTIONS)), clock: { now: () => now }, notifications: { random: () => 0.5 } },
    );
    cases = new TableCaseStore(bot.tables().client('cases'));
    intakes = new TableIntakeStore(bot.tables().client('intakes'));
    tickets = TableTicketStore.on(bot.tables());
    notes = new NotificationDriver(
      bot,
      (ms) => (now = new Date(now.getTime() + ms)),
      () => now.getTime(),
    );
    // Alex talks to the bot first: the bot learns the tenant's service URL (the maker is DM'd through it).
    await bot.post(personalMessage('hello', { serviceUrl: bot.serviceUrl, from: ALEX }));
  });
  afterAll(async () => bot.stop());
  beforeEach(() => {
    bot.connector.reset();
    bot.redeliverAfterMs = undefined;
  });

  const where = (extra: Partial<Where> = {}): Where => ({ serviceUrl: bot.serviceUrl, ...extra });

  /** The dialog's card when the answer continues the dialog (throws on anything else). */
  function dialogCard(answer: { status: number; body: any }): any {
    expect(answer.status).toBe(200);
    expect(answer.body?.task?.type).toBe('continue');
    expect(answer.body.task.value).toMatchObject({ title: 'Report a problem', card: { contentType: ADAPTIVE } });
    return answer.body.task.value.card.content;
  }

  const intakeIdOf = (card: any): string => JSON.stringify(card).match(/"intakeId":"([0-9a-f-]{36})"/)![1]!;

  async function open(message: TeamsMessage = MESSAGE, at: Partial<Where> = {}): Promise<any> {
    return dialogCard(await bot.post(fetchTask(REPORT_PROBLEM_COMMAND, message, where(at))));
  }

  function send(intakeId: string, fields: Record<string, unknown>, at: Partial<Where> = {}, action = 'send') {
    return bot.post(submitAction(REPORT_PROBLEM_COMMAND, { intakeId, action, ...fields }, where(at), MESSAGE));
  }

  /** Opens a report as `who` and sends it about `solutionId` (after searching for it, as a person would). */
  async function report(who: TestUser, query: string, solutionId: string, fields: Record<string, unknown> = {}, at: Partial<Where> = {}) {
    const card = await open(MESSAGE, { from: who, ...at });
    const intakeId = intakeIdOf(card);
    const typed = { title: input(card, 'title').value, description: input(card, 'description').value, ...DETAILS, ...fields };
    const results = dialogCard(await send(intakeId, { ...typed, query }, { from: who, ...at }, 'search'));
    expect(input(results, 'solutionId').choices.map((c: any) => c.value)).toContain(solutionId);
    const answer = await send(intakeId, { ...typed, category: 'solution-problem', query, solutionId }, { from: who, ...at });
    return { intakeId, answer };
  }

  it('opens the form with the message as title and description, on a draft named after the activity', async () => {
    const activity = fetchTask(REPORT_PROBLEM_COMMAND, MESSAGE, where());
    const card = dialogCard(await bot.post(activity));
    expect(input(card, 'title').value).toBe('Expense Tracker: totals are wrong & the export fails');
    expect(input(card, 'description').value).toBe(
      'Expense Tracker: totals are wrong & the export fails\nThe monthly total ignores the last row.\nSince this morning.',
    );
    // The requester chooses the need and the solution: nothing is chosen for them.
    expect(input(card, 'category').value).toBe('');
    expect(input(card, 'category').choices.map((c: any) => c.value)).toEqual(
      expect.arrayContaining(['solution-problem', 'access', 'find-or-how-to']),
    );
    expect(input(card, 'solutionId').choices).toEqual([{ title: "It's not listed", value: 'not-listed' }]);
    const intakeId = intakeIdOf(card);
    expect((await intakes.get(ALEX.aadObjectId, intakeId))?.draft).toMatchObject({
      state: 'open',
      step: 'need',
      requester: { aadObjectId: ALEX.aadObjectId },
    });
    // Teams redelivers the same activity: the same draft, not another one.
    expect(intakeIdOf(dialogCard(await bot.post(activity)))).toBe(intakeId);
    expect(bot.connector.calls).toHaveLength(0); // the dialog is the HTTP answer; nothing is posted in the chat
  });

  it("searches the catalog with the questionnaire's search and keeps what was typed", async () => {
    const card = await open();
    const typed = {
      title: 'My own title',
      description: 'My own words',
      since: 'Monday',
      impact: 'team',
      urgency: 'blocked',
      category: 'solution-problem',
    };
    const results = dialogCard(await send(intakeIdOf(card), { ...typed, query: 'expense' }, {}, 'search'));
    expect(input(results, 'solutionId').choices).toEqual([
      { title: 'Expense Tracker · Canvas app · Contoso (default) · Productivity', value: 'expense-tracker' },
      { title: "It's not listed", value: 'not-listed' },
    ]);
    for (const [id, value] of Object.entries({ ...typed, query: 'expense' }))
      expect({ id, value: input(results, id).value }).toEqual({ id, value });
    const nothing = dialogCard(await send(intakeIdOf(card), { ...typed, query: 'zzz' }, {}, 'search'));
    expect(allText(nothing)).toContain('Nothing in the catalog matches "zzz".');
  });

  it('a Productivity solution: the requester is told the maker has it, and the maker gets a DM', async () => {
    const who = user('Pat Productive', 'a1000000-0000-4000-8000-000000000001');
    const { intakeId, answer } = await report(who, 'expense', 'expense-tracker');
    const confirmation = dialogCard(answer);
    expect(allText(confirmation)).toMatch(/Request REQ-\w+ submitted/);
    expect(allText(confirmation)).toContain('Megan Bowen');
    const { request } = (await cases.get(intakeId))!;
    expect(request).toMatchObject({
      routeKind: 'maker',
      category: 'solution-problem',
      requester: { aadObjectId: who.aadObjectId },
      solution: { id: 'expense-tracker' },
      details: { title: 'Expense Tracker: totals are wrong & the export fails', impact: 'me', urgency: 'workaround' },
    });
    expect(await notes.drain()).toMatchObject({ delivered: 1, failed: 0 });
    const dm = allText((await notes.dmsTo(PEOPLE.megan.aadObjectId)).pop());
    expect(dm).toContain('Pat Productive');
    expect(dm).toContain('The monthly total ignores the last row.');
  });

  it('a Critical solution, reported from a team channel: a help desk ticket is opened', async () => {
    const who = user('Chris Critical', 'a1000000-0000-4000-8000-000000000002');
    const { intakeId, answer } = await report(
      who,
      'invoice',
      'invoice-approval',
      { impact: 'organisation', urgency: 'blocked' },
      { channel: GENERAL },
    );
    const { ticket } = (await tickets.get(intakeId))!;
    expect(ticket).toMatchObject({
      number: expect.stringMatching(/^HD-\d{6}$/),
      severity: 'A',
      requester: { aadObjectId: who.aadObjectId },
    });
    expect(allText(dialogCard(answer))).toContain(`ticket ${ticket.number}`);
    expect((await cases.get(intakeId))!.request).toMatchObject({ routeKind: 'help-desk', ticketNumber: ticket.number });
    // Nothing is said in the channel: the dialog is private to the person who reported.
    expect(bot.connector.calls.filter((c) => c.path.includes(encodeURIComponent(GENERAL.channelId)))).toHaveLength(0);
    await notes.drain();
  });

  // Teams redelivers an invoke it thinks was lost, at any moment of the first one's work: the copy
  // arrives while the first is still loading, saving or submitting the draft.
  it.each([0, 5, 20, 60])('a Send redelivered after %i ms, and a double click, have one effect', async (delay) => {
    const who = user(`Rita Redelivered ${delay}`, `a1000000-0000-4000-8000-0000000031${String(delay).padStart(2, '0')}`);
    const card = await open(MESSAGE, { from: who });
    const intakeId = intakeIdOf(card);
    const fields = {
      title: 'Totals',
      description: 'Wrong totals',
      ...DETAILS,
      category: 'solution-problem',
      solutionId: 'expense-tracker',
    };
    bot.redeliverAfterMs = () => delay;
    await send(intakeId, fields, { from: who });
    bot.redeliverAfterMs = undefined;
    const [{ first, second }] = bot.redeliveries.slice(-1);
    const reference = (answer: any) => allText(dialogCard(answer)).match(/REQ-\w+/)?.[0];
    expect(reference(first)).toEqual(expect.any(String));
    expect(reference(second)).toBe(reference(first));
    // A double click: two activities, two ids, the same draft.
    const clicks = await Promise.all([send(intakeId, fields, { from: who }), send(intakeId, fields, { from: who })]);
    expect(clicks.map(reference)).toEqual([reference(first), reference(first)]);
    expect(await cases.listByRequester(who.aadObjectId, 10)).toHaveLength(1);
    expect(await notes.drain()).toMatchObject({ delivered: 1 });
  });

  it('counts against the same per-person limit as the questionnaire, and keeps the form when refused', async () => {
    const who = user('Fay Flood', 'a1000000-0000-4000-8000-000000000004');
    for (let i = 0; i < 3; i++)
      expect(allText(dialogCard((await report(who, 'expense', 'expense-tracker')).answer))).toContain('submitted');
    const { intakeId, answer } = await report(who, 'expense', 'expense-tracker', { title: 'The fourth one' });
    const refused = dialogCard(answer);
    expect(allText(refused)).toContain(
      "You've sent 3 requests in the last hour, the most I take from one person. You can send this one in 60 minutes",
    );
    expect(input(refused, 'title').value).toBe('The fourth one');
    expect(await cases.get(intakeId)).toBeUndefined();
    expect(await cases.listByRequester(who.aadObjectId, 10)).toHaveLength(3);
    await notes.drain();
  });

  it('answers what is missing or wrong on the form, keeping what was typed', async () => {
    const card = await open();
    const intakeId = intakeIdOf(card);
    const noNeed = dialogCard(await send(intakeId, { title: '', description: 'Still here', ...DETAILS }));
    expect(allText(noNeed)).toContain('Choose what you need.');
    expect(input(noNeed, 'description').value).toBe('Still here');
    const noSolution = dialogCard(await send(intakeId, { title: 'T', description: 'D', ...DETAILS, category: 'solution-problem' }));
    expect(allText(noSolution)).toContain('Pick a solution from the list, or "It\'s not listed".');
    const noTitle = dialogCard(
      await send(intakeId, {
        title: ' ',
        description: 'x'.repeat(2001),
        ...DETAILS,
        category: 'solution-problem',
        solutionId: 'not-listed',
      }),
    );
    expect(allText(noTitle)).toContain('Give your request a short title.');
    expect(allText(noTitle)).toContain('Description: 2001 characters, the limit is 2000. Shorten it by 1 character.');
    expect(await cases.get(intakeId)).toBeUndefined();
  });

  it('caps a huge message (Korean and emoji) before reading it, and stores the largest description intact', async () => {
    const huge = ofLength(`${KOREAN}${EMOJI}\n`, 60_000);
    const card = await open({ content: huge, contentType: 'text' }, { from: MALLORY });
    const { value: description } = input(card, 'description');
    const { value: title } = input(card, 'title');
    expect(description.length).toBeGreaterThan(1990);
    expect(description.length).toBeLessThanOrEqual(2000);
    expect(title.length).toBeLessThanOrEqual(120);
    expect(title.startsWith(KOREAN.trim())).toBe(true);
    expect(BROKEN_SURROGATE.test(description) || BROKEN_SURROGATE.test(title)).toBe(false);
    // Nothing is cut silently: the form says how much of the message the description could not hold.
    expect(allText(card)).toMatch(/The message is longer than a description holds \(2000 characters\): its last \d+ characters are not in/);
    const intakeId = intakeIdOf(card);
    const answer = await send(intakeId, { title, description, ...DETAILS, category: 'find-or-how-to' }, { from: MALLORY });
    expect(allText(dialogCard(answer))).toContain('submitted');
    expect((await cases.get(intakeId))!.request.details).toMatchObject({ title, description });
    await notes.drain();
  });

  it('opens an empty form when the message body is missing or not text', async () => {
    const variants: unknown[] = [
      { content: 42 },
      { content: { html: '<p>x</p>' } },
      { content: null },
      { content: ['a'] },
      { content: '<<<<' + '<'.repeat(5000) },
    ];
    for (const message of variants) {
      const card = await open(message as TeamsMessage);
      expect({
        message,
        title: input(card, 'title').value.length <= 120,
        description: input(card, 'description').value.length <= 2000,
      }).toEqual({
        message,
        title: true,
        description: true,
      });
    }
    const bare = fetchTask(REPORT_PROBLEM_COMMAND, MESSAGE, where());
    for (const [i, messagePayload] of ['text', 7, null, { body: 'x' }, { body: { content: { $ne: 1 } } }].entries()) {
      const card = dialogCard(await bot.post({ ...bare, id: `${bare.id}-${i}`, value: { ...bare.value, messagePayload } }));
      expect(input(card, 'description').value).toBe('');
    }
  });

  it('answers damaged or hostile form data with plain words, never a 5xx', async () => {
    const intakeId = intakeIdOf(await open());
    const damaged = dialogMessage(english(text('messages.report.damaged')));
    const payloads: unknown[] = [
      'send',
      42,
      null,
      [],
      {},
      { intakeId: 'not-a-uuid', action: 'send' },
      { intakeId, action: 'delete' },
      { intakeId, action: 'send', title: 42 },
      { intakeId, action: 'send', description: { $gt: '' } },
      { intakeId, action: 'send', category: ['solution-problem'] },
      { intakeId, action: 'send', description: ofLength(EMOJI, 4002) },
    ];
    for (const data of payloads)
      expect({ data, answer: await bot.post(submitAction(REPORT_PROBLEM_COMMAND, data, where())) }).toEqual({ data, answer: damaged });
    expect(await cases.get(intakeId)).toBeUndefined();
  });

  it('answers an unknown command id as an out-of-date action, whichever invoke carries it', async () => {
    const outOfDate = dialogMessage(english(FAILURE_MESSAGES.outOfDate));
    for (const commandId of ['deleteEverything', '', 42, null, '__proto__', 'toString']) {
      expect({ commandId, answer: await bot.post(fetchTask(commandId, MESSAGE, where())) }).toEqual({ commandId, answer: outOfDate });
      expect({ commandId, answer: await bot.post(submitAction(commandId, { action: 'send' }, where())) }).toEqual({
        commandId,
        answer: outOfDate,
      });
    }
  });

  it("refuses someone else's draft, a tenant outside the allow-list and a sender without a work account", async () => {
    const card = await open();
    const intakeId = intakeIdOf(card);
    const fields = { title: 'Mine', description: 'Not yours', ...DETAILS, category: 'find-or-how-to' };
    // Whose draft it is comes from the signed sender: Mallory's Send finds no draft of hers.
    const stolen = await send(intakeId, fields, { from: MALLORY });
    expect(stolen).toEqual(
      dialogMessage(
        'I can\'t find this report: it may belong to someone else, or it was removed. Choose "Report a problem" on the message again.',
      ),
    );
    expect((await intakes.get(ALEX.aadObjectId, intakeId))?.draft).toMatchObject({ state: 'open', step: 'need' });

    const refused = dialogMessage(english(FAILURE_MESSAGES.tenantRefused));
    expect(await bot.post(fetchTask(REPORT_PROBLEM_COMMAND, MESSAGE, where({ tenantId: OTHER_TENANT })))).toEqual(refused);
    expect(await send(intakeId, fields, { tenantId: OTHER_TENANT })).toEqual(refused);

    const guest = { ...fetchTask(REPORT_PROBLEM_COMMAND, MESSAGE, where()), from: { id: '29:guest', name: 'Guest' } };
    expect(await bot.post(guest)).toEqual(dialogMessage('I can only help people signed in to Teams with a work account.'));
    expect(await cases.get(intakeId)).toBeUndefined();
    expect(bot.connector.calls).toHaveLength(0);
  });
});
