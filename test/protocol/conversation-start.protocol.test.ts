/**
 * What people write starts the questionnaire: any 1:1 message that is no command becomes a draft's
 * description and its words the catalog search offered first; a message while a questionnaire is open
 * resumes it; commands keep working in every language; a maker's "Get help" link starts a request
 * about its solution. Over /api/messages, against the real stored catalog.
 */
import { recordOf } from '../../src/domain/catalog/solution-record';
import { TableCaseStore } from '../../src/storage/cases/table-case-store';
import { personalMessage, user } from '../support/activities';
import { BotHarness } from '../support/bot-harness';
import { allText, cardsIn, input } from '../support/cards';
import { SOLUTIONS } from '../support/fixture-solutions';
import { IntakeDriver } from '../support/intake-driver';
import { english } from '../support/words';
import { text } from '../../src/domain/text';

const OTHERS = [
  { ...SOLUTIONS.expenses, id: 'travel-expense-claims', name: 'Travel Expense Claims' },
  { ...SOLUTIONS.expenses, id: 'receipt-archive', name: 'Receipt Archive' },
  { ...SOLUTIONS.expenses, id: 'save-the-date', name: 'Save the Date Planner' },
  { ...SOLUTIONS.expenses, id: 'expense-policy-faq', name: 'Expense Policy FAQ Bot', kind: 'chatbot' as const },
];

let count = 0;
/** A requester of their own, so drafts of one test never meet another's. */
function someone(): ReturnType<typeof user> {
  count += 1;
  return user(`Requester ${count}`, `c0a7e000-0000-4000-8000-${String(count).padStart(12, '0')}`);
}

describe('a conversation that starts from what people write', () => {
  let bot: BotHarness;
  let cases: TableCaseStore;

  beforeAll(async () => {
    bot = await BotHarness.start();
    await bot.catalog().upsertMany([...Object.values(SOLUTIONS), ...OTHERS].map(recordOf));
    cases = new TableCaseStore(bot.tables().client('cases'));
  });
  afterAll(async () => bot.stop());
  beforeEach(() => bot.connector.reset());

  /** Every activity the bot sent in answer to `message` (waits for `expected` of them). */
  async function answersTo(driver: IntakeDriver, message: string, expected: number, locale = 'en-US'): Promise<any[]> {
    const activity = { ...personalMessage(message, { serviceUrl: bot.serviceUrl, from: driver.user }), locale };
    const conversationId = (activity.conversation as unknown as { id: string }).id;
    const mine = () => bot.connector.sentActivities.filter((a) => a.conversation?.id === conversationId);
    const before = mine().length;
    expect((await bot.post(activity)).status).toBe(200);
    await bot.connector.waitFor(() => mine().length >= before + expected);
    return mine().slice(before);
  }

  it('"my expense app won\'t save receipts" starts a questionnaire with that text as its description, "Expense Tracker" offered first', async () => {
    const driver = new IntakeDriver(bot, someone());
    const message = "my expense app won't save receipts";
    const need = await driver.say(message);
    expect(allText(need)).toContain(english(text('conversation.started')));
    expect(allText(need)).toContain('What do you need?');

    const solution = await driver.press('intake.need', { category: 'solution-problem' });
    const choices = input(solution, 'solutionId').choices.map((c: { value: string }) => c.value);
    expect(choices[0]).toBe('expense-tracker');
    expect(choices).toContain('not-listed');
    expect(input(solution, 'query').value).toBe('expense save receipts');

    const details = await driver.press('intake.solution', { solutionId: 'expense-tracker' });
    expect(input(details, 'description').value).toBe(message);
    expect(input(details, 'title').value).toBe(message);

    await driver.press('intake.details', { title: message, description: message, since: '', impact: 'me', urgency: 'workaround' });
    await driver.press('intake.submit');
    const stored = await cases.get(driver.intakeId);
    expect(stored?.request).toMatchObject({ solution: { id: 'expense-tracker' }, details: { description: message } });
  });

  it('"hi, I need help" and "help please" start a questionnaire too (no more text hint)', async () => {
    for (const message of ['hi, I need help', 'help please']) {
      const driver = new IntakeDriver(bot, someone());
      const need = await driver.say(message);
      expect(input(need, 'category')).toBeDefined();
      const details = await driver.press('intake.need', { category: 'find-or-how-to' });
      expect(input(details, 'description').value).toBe(message);
    }
  });

  it('a message while a questionnaire is open resumes it (taking the message as its description if it had none)', async () => {
    const driver = new IntakeDriver(bot, someone());
    await driver.say('new request');
    const started = driver.intakeId;
    await driver.press('intake.need', { category: 'solution-problem' });

    const [notice, card] = await answersTo(driver, 'the room booking flow sends no confirmation', 2);
    expect(notice.text).toBe(english(text('conversation.resumedWithText')));
    const [resumed] = cardsIn([card]);
    expect(JSON.stringify(resumed)).toContain(started);
    expect(input(resumed, 'solutionId').choices[0].value).toBe('room-booking');

    // It has a description now: another message resumes it as it is.
    const [again, sameCard] = await answersTo(driver, 'also the invoices', 2);
    expect(again.text).toBe(english(text('conversation.resumed')));
    expect(JSON.stringify(cardsIn([sameCard])[0])).toContain(started);
    const details = await driver.press('intake.solution', { solutionId: 'room-booking' }, started);
    expect(input(details, 'description').value).toBe('the room booking flow sends no confirmation');
  });

  it('a redelivered message shows the questionnaire it started, instead of resuming it as another message', async () => {
    const driver = new IntakeDriver(bot, someone());
    const activity = personalMessage('my expense app crashes', { serviceUrl: bot.serviceUrl, from: driver.user });
    expect((await bot.post(activity)).status).toBe(200);
    expect((await bot.post(activity)).status).toBe(200);
    const sent = bot.connector.sentActivities.filter((a) => a.conversation?.id === (activity.conversation as unknown as { id: string }).id);
    expect(sent.map((a) => a.text ?? '')).not.toContain(english(text('conversation.resumed')));
    const ids = cardsIn(sent).map((c) => JSON.stringify(c).match(/"intakeId":"([0-9a-f-]{36})"/)?.[1]);
    expect(ids.length).toBeGreaterThanOrEqual(1);
    expect(new Set(ids).size).toBe(1);
  });

  it.each([
    ['en-US', 'new request', 'my requests', 'help'],
    ['fr-FR', 'nouvelle demande', 'mes demandes', 'aide'],
    ['sv-SE', 'ny förfrågan', 'mina förfrågningar', 'hjälp'],
    ['ko-KR', '새 요청', '내 요청', '도움말'],
  ])('commands still work in %s', async (locale, newRequest, myRequests, help) => {
    const driver = new IntakeDriver(bot, someone());
    const [fresh] = cardsIn(await answersTo(driver, newRequest, 1, locale));
    expect(input(fresh, 'category')).toBeDefined();
    // A fresh draft: "new request" starts over, it does not resume or take the words as a description.
    const [list] = await answersTo(driver, myRequests, 1, locale);
    expect(cardsIn([list])[0].body).toBeDefined();
    expect(JSON.stringify(list)).not.toContain('intake.need');
    const [greeted] = cardsIn(await answersTo(driver, help, 1, locale));
    expect(input(greeted, 'category')).toBeDefined();
    expect(bot.connector.sentActivities.filter((a) => a.text === english(text('conversation.resumed')))).toEqual([]);
  });

  it('a long message (over any command, with Korean and emoji) starts the questionnaire with all of it', async () => {
    const driver = new IntakeDriver(bot, someone());
    const message = `경비 앱이 영수증을 저장하지 못해요 🧾\n${'영수증 첨부가 실패합니다. '.repeat(60)}`.trim();
    expect(message.length).toBeGreaterThan(500);
    await driver.say(message);
    const details = await driver.press('intake.need', { category: 'connector-or-environment' });
    expect(input(details, 'description').value).toBe(message);
  });

  it('a message longer than a questionnaire can keep says by how much to shorten it', async () => {
    const driver = new IntakeDriver(bot, someone());
    const [answer] = await answersTo(driver, '가'.repeat(8_100), 1);
    expect(answer.text).toBe(english(text('conversation.tooLong', { length: 8_100, max: 8_000, count: 100 })));
  });

  it.each([
    ['en-US', 'help with expense-tracker'],
    ['fr-FR', 'aide pour expense-tracker'],
    ['sv-SE', 'hjälp med expense-tracker'],
    ['ko-KR', 'expense-tracker 도움 요청'],
  ])('the "Get help" link\'s message (%s) starts a request with that solution chosen', async (locale, message) => {
    const driver = new IntakeDriver(bot, someone());
    const [details] = cardsIn(await answersTo(driver, message, 1, locale));
    expect(input(details, 'title')).toBeDefined();
    expect(JSON.stringify(details)).toContain('Expense Tracker');
  });

  it('a "help with" naming no catalog solution is read as anything else someone writes', async () => {
    const driver = new IntakeDriver(bot, someone());
    const need = await driver.say('help with my expense app');
    expect(input(need, 'category')).toBeDefined();
    const solution = await driver.press('intake.need', { category: 'solution-problem' });
    expect(input(solution, 'solutionId').choices[0].value).toBe('expense-tracker');
  });

  it('in a channel, words that are no command still get the channel hint', async () => {
    const driver = new IntakeDriver(bot, someone());
    const activity = personalMessage('my expense app is broken', { serviceUrl: bot.serviceUrl, from: driver.user });
    await bot.post({ ...activity, conversation: { ...activity.conversation, conversationType: 'groupChat' } });
    await bot.connector.waitFor((calls) => calls.length >= 1);
    expect(cardsIn(bot.connector.sentActivities)).toEqual([]);
  });
});
