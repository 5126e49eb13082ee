/**
 * Answers before a ticket (issue 16), over /api/messages: once the need, the solution and the title
 * and description are known, the questionnaire offers matching published articles and the solution's
 * known workarounds before the review. "This solved it" ends it as answered (counted on the article,
 * no request); "I still need help" goes on to the review with everything kept.
 */
import { newArticle, type Article } from '../../src/domain/knowledge/article';
import { TableArticleStore } from '../../src/storage/knowledge/table-article-store';
import { TableCaseStore } from '../../src/storage/cases/table-case-store';
import { TableIntakeStore } from '../../src/storage/intake/table-intake-store';
import { ALEX, user } from '../support/activities';
import { BotHarness } from '../support/bot-harness';
import { allText, input, verbs } from '../support/cards';
import { PEOPLE, SOLUTIONS } from '../support/fixture-solutions';
import { IntakeDriver } from '../support/intake-driver';
import { fixedCatalog } from '../support/test-catalog';

const DETAILS = {
  title: 'Expense totals are wrong',
  description: 'The monthly total ignores the last row.',
  since: '',
  impact: 'me',
  urgency: 'workaround',
};
const EXPENSES = { ...SOLUTIONS.expenses, workarounds: 'Export to Excel and add the last row by hand.' };
const NOW = new Date('2026-11-20T10:00:00Z');

function article(id: string, title: string, language: Article['language'], overrides: Partial<Article> = {}): Article {
  return {
    ...newArticle(
      {
        id,
        title,
        answer: 'Totals skip the last row **after an import**.\n\n1. Open the report\n2. Choose *Refresh totals*',
        language,
        solutionIds: [EXPENSES.id],
        categories: ['solution-problem'],
        keywords: ['totals', 'sum'],
      },
      PEOPLE.megan,
      NOW,
    ),
    status: 'published',
    ...overrides,
  };
}

describe('answers before a ticket over /api/messages', () => {
  let bot: BotHarness;
  let articles: TableArticleStore;
  let cases: TableCaseStore;
  let intakes: TableIntakeStore;

  beforeAll(async () => {
    bot = await BotHarness.start({}, { catalog: fixedCatalog([EXPENSES, SOLUTIONS.rooms]), clock: { now: () => NOW } });
    const tables = bot.tables();
    articles = new TableArticleStore(tables.client('knowledge'));
    cases = new TableCaseStore(tables.client('cases'));
    intakes = new TableIntakeStore(tables.client('intakes'));
    await articles.create(article('totals-en', 'Expense totals are wrong after an import', 'en'), []);
    await articles.create(
      article('totals-fr', 'Les totaux des dépenses sont faux après un import', 'fr', { keywords: ['totaux', 'totals'] }),
      [],
    );
    await articles.create(article('totals-draft', 'Expense totals are wrong (draft)', 'en', { status: 'draft' }), []);
  });
  afterAll(async () => bot.stop());
  beforeEach(() => bot.connector.reset());

  async function answersFor(driver: IntakeDriver, query: string, details: Record<string, string> = DETAILS): Promise<any> {
    await driver.say('new request');
    await driver.press('intake.need', { category: 'solution-problem' });
    const results = await driver.press('intake.search', { query });
    await driver.press('intake.solution', { solutionId: input(results, 'solutionId').choices[0].value });
    return driver.press('intake.details', details);
  }

  it('an intake deflected by an article: answered, counted once, nothing sent', async () => {
    const driver = new IntakeDriver(bot, user('Deflected', 'a1e0c0de-0000-4000-8000-000000000101'));
    const answers = await answersFor(driver, 'expense');
    const shown = allText(answers);
    expect(shown).toContain('These may answer your question');
    expect(shown).toContain('Expense totals are wrong after an import');
    expect(shown).toContain('Known workarounds for Expense Tracker');
    expect(shown).toContain('Export to Excel and add the last row by hand.');
    expect(shown).not.toContain('(draft)');
    // The answer's Markdown reaches the card as runs: bold as a weight, never as asterisks.
    expect(JSON.stringify(answers)).toContain('{"type":"TextRun","text":"after an import","weight":"Bolder"}');
    expect(JSON.stringify(answers)).not.toContain('**');
    // One button per answer (the English article, the workarounds): the French one shares a keyword only.
    expect(verbs(answers)).toEqual(['intake.solved', 'intake.solved', 'intake.need-help', 'intake.back', 'intake.cancel']);

    const answered = await driver.press('intake.solved', { articleId: 'totals-en' });
    expect(allText(answered)).toContain('“Expense totals are wrong after an import” answered your question, so no request was sent.');
    const again = await driver.press('intake.solved', { articleId: 'totals-en' });
    expect(allText(again)).toBe(allText(answered));

    const stored = (await articles.get('totals-en'))!.article;
    expect(stored.helpful).toBe(1);
    expect(await articles.history('totals-en')).toEqual([
      { type: 'feedback', at: NOW.toISOString(), helpful: true, intakeId: driver.intakeId },
    ]);
    expect((await intakes.get(driver.user.aadObjectId, driver.intakeId))?.draft).toMatchObject({
      state: 'answered',
      answers: { solvedBy: 'totals-en', title: 'Expense totals are wrong after an import' },
    });
    expect(await cases.get(driver.intakeId)).toBeUndefined();
    expect(bot.connector.sentActivities.filter((a) => a.conversation?.id !== undefined && a.attachments === undefined)).toEqual([]);
  });

  it('"I still need help" goes on to the review with nothing lost, and submits as usual', async () => {
    const driver = new IntakeDriver(bot, ALEX);
    await answersFor(driver, 'expense');
    const review = await driver.press('intake.need-help');
    expect(verbs(review)).toEqual(['intake.submit', 'intake.back', 'intake.cancel']);
    const shown = allText(review);
    for (const value of [DETAILS.title, DETAILS.description, 'Expense Tracker']) expect(shown).toContain(value);
    await driver.press('intake.submit');
    const stored = await cases.get(driver.intakeId);
    expect(stored?.request.details).toMatchObject({
      title: DETAILS.title,
      description: DETAILS.description,
      impact: 'me',
      urgency: 'workaround',
    });
    expect((await articles.get('totals-en'))!.article.notHelpful).toBe(0);
  });

  it("offers the person's language first", async () => {
    const fr = {
      locale: 'fr-FR',
      entities: [{ type: 'clientInfo', locale: 'fr-FR', country: 'FR', platform: 'Web', timezone: 'Europe/Paris' }],
    };
    const driver = new IntakeDriver(bot, user('Camille', 'a1e0c0de-0000-4000-8000-000000000102'), {
      message: fr,
      invoke: { locale: 'fr-FR' },
    });
    const answers = await answersFor(driver, 'expense', { ...DETAILS, title: 'Totaux des dépenses faux' });
    const titles = (answers.body as any[]).filter((b) => b.type === 'Container' && Array.isArray(b.items)).map((b) => b.items[0].text);
    expect(titles[0]).toBe('Les totaux des dépenses sont faux après un import');
    expect(allText(answers)).toContain('Ces réponses peuvent vous aider');
  });

  it('only an offered answer counts: a forged article id shows the answers again and counts nothing', async () => {
    const driver = new IntakeDriver(bot, user('Forger', 'a1e0c0de-0000-4000-8000-000000000103'));
    await answersFor(driver, 'expense');
    const before = (await articles.get('totals-draft'))!.article;
    const still = await driver.press('intake.solved', { articleId: 'totals-draft' });
    expect(allText(still)).toContain('These may answer your question');
    expect((await articles.get('totals-draft'))!.article).toEqual(before);
    expect((await intakes.get(driver.user.aadObjectId, driver.intakeId))?.draft.state).toBe('open');
  });

  it('with nothing to offer, the questionnaire goes straight to the review', async () => {
    const driver = new IntakeDriver(bot, user('Roomy', 'a1e0c0de-0000-4000-8000-000000000104'));
    const review = await answersFor(driver, 'room', {
      ...DETAILS,
      title: 'Booking confirmation never arrives',
      description: 'No mail after booking.',
    });
    expect(verbs(review)).toEqual(['intake.submit', 'intake.back', 'intake.cancel']);
  });
});
