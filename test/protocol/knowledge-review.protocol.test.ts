/**
 * Articles from resolutions and the knowledge owners' review (issue 16), over /api/messages:
 * "Publish as article" on a resolved help desk ticket saves a draft with the ticket's text; "Add to
 * help desk knowledge" on a resolved hand-off card saves one marked as the dedicated team's and tells
 * the help desk's channel once; only the ticket's team may; a knowledge owner's `knowledge review`
 * lists the drafts and the searches that found nothing, and Publish makes a draft an answer the
 * questionnaire offers. Who may act comes from the rosters and the configuration, never the card.
 */
import { TableArticleStore } from '../../src/storage/knowledge/table-article-store';
import { personalMessage, user, ALEX, type TestUser } from '../support/activities';
import { BotHarness } from '../support/bot-harness';
import { allText, cardsIn, input, verbs } from '../support/cards';
import { channel } from '../support/channel-activities';
import { DETAILS, HelpDeskDriver } from '../support/help-desk-driver';
import { IntakeDriver } from '../support/intake-driver';
import { rosterResponder } from '../support/team-roster';
import { fixedCatalog } from '../support/test-catalog';
import { SOLUTIONS } from '../support/fixture-solutions';
import { englishData } from '../support/words';

const ADELE = user('Adele Vance', 'ad000000-0000-4000-8000-000000000001'); // admin, help desk
const DIEGO = user('Diego Siciliani', 'ad000000-0000-4000-8000-000000000002'); // help desk
const PATTI = user('Patti Fernandez', '15a1a400-0000-4000-8000-000000000011'); // dedicated team
const OLGA = user('Olga Ivanova', '0c0c0c0c-0000-4000-8000-000000000031'); // knowledge owner, in no team
const GRADY = user('Grady Archie', '0c0c0c0c-0000-4000-8000-000000000032'); // in no team, not an owner
const HELP = channel('Help desk', 'it');
const DEDICATED = channel('Power Platform', 'pp');
const NOW = new Date('2026-11-23T09:30:00Z');

describe('articles from resolutions and the knowledge owners’ review over /api/messages', () => {
  let bot: BotHarness;
  let hd: HelpDeskDriver;
  let articles: TableArticleStore;

  beforeAll(async () => {
    bot = await BotHarness.start(
      { ADMIN_IDS: ADELE.aadObjectId, KNOWLEDGE_OWNER_IDS: OLGA.aadObjectId.toUpperCase() },
      { catalog: fixedCatalog(Object.values(SOLUTIONS)), clock: { now: () => NOW }, notifications: { background: 'manual' } },
    );
    hd = new HelpDeskDriver(bot);
    articles = new TableArticleStore(bot.tables().client('knowledge'));
    bot.connector.respondWith(rosterResponder({ [HELP.teamId]: [ADELE, DIEGO], [DEDICATED.teamId]: [PATTI] }));
    await hd.say(ADELE, HELP, 'register help desk');
    await hd.say(ADELE, DEDICATED, 'register dedicated team');
  });
  afterAll(async () => bot.stop());
  beforeEach(() => bot.connector.respondWith(rosterResponder({ [HELP.teamId]: [ADELE, DIEGO], [DEDICATED.teamId]: [PATTI] })));

  /** What the bot answered a personal message: its card, or its words. */
  async function tell(person: TestUser, words: string): Promise<{ card?: any; text?: string }> {
    const before = bot.connector.sentActivities.length;
    const answer = await bot.post(personalMessage(words, { serviceUrl: bot.serviceUrl, from: person }));
    expect(answer.status).toBe(200);
    await bot.connector.waitFor(() => bot.connector.sentActivities.length > before);
    const sent = bot.connector.sentActivities.slice(before);
    return {
      card: cardsIn(sent).pop(),
      text:
        sent
          .map((a) => a.text)
          .filter(Boolean)
          .join('\n') || undefined,
    };
  }

  async function resolvedHelpDeskTicket(details: Partial<typeof DETAILS> = {}) {
    const { ticket } = await hd.submit(ALEX, { details });
    await hd.press(DIEGO, HELP, 'ticket.assign-me', { ticketId: ticket.id });
    const card = await hd.press(DIEGO, HELP, 'ticket.resolve', { ticketId: ticket.id, resolution: 'Open **Apps** and search for Travel.' });
    return { ticket, card };
  }

  it('"Publish as article" on a resolved ticket saves a draft with its text, once however often it is pressed', async () => {
    const { ticket, card } = await resolvedHelpDeskTicket({ title: 'Where is the expenses app?' });
    expect(verbs(card)).toContain('ticket.publish-article');
    // The form is pre-filled with the ticket's title and resolution, as typed (inputs are not Markdown).
    expect(allText(card)).toContain('Publish as article');
    expect(input(card, 'articleTitle').value).toBe('Where is the expenses app?');
    expect(input(card, 'articleAnswer').value).toBe('Open **Apps** and search for Travel.');
    const press = () =>
      hd.press(DIEGO, HELP, 'ticket.publish-article', {
        ticketId: ticket.id,
        articleTitle: 'Where is the expenses app?',
        articleAnswer: 'Open **Apps** and search for Travel.',
      });
    const [first, second] = await Promise.all([press(), press()]);
    const answers = [allText(first), allText(second)];
    expect(answers.some((a) => a.includes('Saved as a draft article: “Where is the expenses app?”'))).toBe(true);
    expect(answers.every((a) => a.includes('Where is the expenses app?'))).toBe(true);

    const id = `ticket-${ticket.number.toLowerCase()}`;
    const stored = (await articles.get(id))!.article;
    expect(stored).toMatchObject({
      status: 'draft',
      title: 'Where is the expenses app?',
      answer: 'Open **Apps** and search for Travel.',
      language: 'en',
      categories: ['find-or-how-to'],
      author: { aadObjectId: DIEGO.aadObjectId, displayName: DIEGO.name },
      source: { kind: 'ticket', ticketId: ticket.id, ticketNumber: ticket.number, from: 'help-desk' },
    });
    expect(stored.owner).toBeUndefined(); // the knowledge owners keep it
    expect((await articles.listSummaries()).filter((s) => s.id.startsWith(id))).toHaveLength(1);
    expect(await articles.history(id)).toEqual([
      { type: 'created', at: NOW.toISOString(), by: { aadObjectId: DIEGO.aadObjectId, displayName: DIEGO.name } },
    ]);
  });

  it('someone outside the ticket’s team is refused, and an open ticket cannot become an article', async () => {
    const { ticket } = await resolvedHelpDeskTicket({ title: 'Refused article' });
    const refused = await hd.press(GRADY, HELP, 'ticket.publish-article', { ticketId: ticket.id, articleTitle: 'x', articleAnswer: 'y' });
    expect(refused).toContain('Only the team that works this ticket can turn it into an article.');
    // The dedicated team never had it: its "Add to help desk knowledge" is refused too.
    const team = await hd.press(PATTI, DEDICATED, 'handoff.add-to-knowledge', { ticketId: ticket.id });
    expect(team).toContain('Only the team that works this ticket can turn it into an article.');
    const { ticket: open } = await hd.submit(ALEX, { details: { title: 'Still open' } });
    const notYet = await hd.press(DIEGO, HELP, 'ticket.publish-article', { ticketId: open.id });
    expect(allText(notYet)).toContain('Only a resolved ticket can become an article: resolve it first.');
    expect(await articles.get(`ticket-${ticket.number.toLowerCase()}`)).toBeUndefined();
    expect(await articles.get(`ticket-${ticket.number.toLowerCase()}-team`)).toBeUndefined();
    expect(await articles.get(`ticket-${open.number.toLowerCase()}`)).toBeUndefined();
  });

  it('"Add to help desk knowledge" from the dedicated team: a draft marked as theirs, and the help desk is told once', async () => {
    const { ticket } = await hd.submit(ALEX, {
      critical: true,
      details: { title: 'Invoice flow stopped', impact: 'team', urgency: 'blocked' },
    });
    await hd.press(DIEGO, HELP, 'ticket.assign-me', { ticketId: ticket.id });
    await hd.press(DIEGO, HELP, 'ticket.escalate', {
      ticketId: ticket.id,
      target: 'dedicated-team',
      summary: 'Stopped.',
      tried: 'Restarted.',
    });
    await hd.press(PATTI, DEDICATED, 'handoff.accept', { ticketId: ticket.id });
    const resolved = await hd.press(PATTI, DEDICATED, 'handoff.resolve', {
      ticketId: ticket.id,
      resolution: 'Re-authorise the connection.',
    });
    expect(verbs(resolved)).toContain('handoff.add-to-knowledge');
    expect(allText(resolved)).toContain('Add to help desk knowledge');

    const add = () => hd.press(PATTI, DEDICATED, 'handoff.add-to-knowledge', { ticketId: ticket.id, articleTitle: '', articleAnswer: '' });
    const first = await add();
    expect(allText(first)).toContain('Added to the help desk knowledge as a draft: “Invoice flow stopped”.');
    const again = await add();
    expect(allText(again)).toContain('This ticket is in the knowledge base already, as “Invoice flow stopped”.');

    const stored = (await articles.get(`ticket-${ticket.number.toLowerCase()}-team`))!.article;
    expect(stored).toMatchObject({
      status: 'draft',
      title: 'Invoice flow stopped', // empty fields fall back to the ticket's own text
      answer: 'Re-authorise the connection.',
      solutionIds: ['invoice-approval'],
      categories: ['solution-problem'],
      source: { kind: 'ticket', from: 'dedicated-team', ticketNumber: ticket.number },
    });
    const notices = (await hd.outbox(ticket.id)).filter((m) => m.card.card === 'kb-added');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.target).toEqual({ kind: 'channel', channel: 'help-desk' });
    expect(englishData(notices[0]!.card.data)).toMatchObject({
      heading: 'A new draft for the help desk knowledge base',
      message: `${PATTI.name} from the Power Platform team added what solved ${ticket.number} to the knowledge base. The knowledge owners will review it before requesters see it.`,
      title: 'Invoice flow stopped',
    });
    // The outbox worker posts it in the help desk's channel.
    for (let i = 0; i < 20 && (await bot.jobs.runOutbox()).delivered > 0; i++);
    const posted = cardsIn(bot.connector.sentActivities).filter((c) => allText(c).includes('A new draft for the help desk knowledge base'));
    expect(posted).toHaveLength(1);
    expect(allText(posted[0])).toContain('Invoice flow stopped');
  });

  it('a knowledge owner reviews drafts and searches that found nothing; Publish makes the draft an answer the questionnaire offers', async () => {
    // A question nothing answers yet: counted twice, whatever the case and punctuation.
    const asked = { title: 'How do I request a Dataverse environment?', description: 'For my team.' };
    await hd.submit(ALEX, { details: asked });
    await hd.submit(user('Lynne Robbins', 'a1e0c0de-0000-4000-8000-000000000077'), {
      details: { ...asked, title: 'how do I request a dataverse environment' },
    });
    const { ticket } = await resolvedHelpDeskTicket({ title: 'Request a Dataverse environment' });
    await hd.press(DIEGO, HELP, 'ticket.publish-article', {
      ticketId: ticket.id,
      articleTitle: 'Request a Dataverse environment',
      articleAnswer: 'Use the **environment request** form; the Power Platform team creates it.',
    });
    const id = `ticket-${ticket.number.toLowerCase()}`;

    const { card: list } = await tell(OLGA, 'knowledge review');
    const shown = allText(list);
    expect(shown).toContain('Knowledge base review');
    expect(shown).toContain('Request a Dataverse environment');
    expect(shown).toContain(`from ${ticket.number} (help desk)`);
    expect(shown).toContain('how do i request a dataverse environment');
    expect(shown).toMatch(/2 × · last .* · In English/);
    expect(verbs(list)).toEqual(expect.arrayContaining(['kb.publish', 'kb.retire']));

    const published = await hd.pressPersonal(OLGA, 'kb.publish', { articleId: id });
    expect(allText(published)).toContain('Published: “Request a Dataverse environment”. Requesters can find it now.');
    expect((await articles.get(id))!.article).toMatchObject({ status: 'published', version: 2, publishedAt: NOW.toISOString() });
    expect((await articles.history(id)).pop()).toEqual({
      type: 'status',
      at: NOW.toISOString(),
      by: { aadObjectId: OLGA.aadObjectId, displayName: OLGA.name },
      from: 'draft',
      to: 'published',
    });
    // A second press changes nothing more.
    expect(allText(await hd.pressPersonal(OLGA, 'kb.publish', { articleId: id }))).toContain('is not a draft any more');
    expect((await articles.get(id))!.article.version).toBe(2);

    // The questionnaire offers it now.
    const driver = new IntakeDriver(bot, user('Megan Bowen', '79a4d994-151f-4573-9813-92f75a1223df'));
    await driver.say('new request');
    await driver.press('intake.need', { category: 'find-or-how-to' });
    const answers = await driver.press('intake.details', { ...DETAILS, title: 'Request a Dataverse environment' });
    expect(allText(answers)).toContain('These may answer your question');
    expect(allText(answers)).toContain('Request a Dataverse environment');
  });

  it('Retire turns a draft down; anyone else is refused the list and its buttons, in their language', async () => {
    const { ticket } = await resolvedHelpDeskTicket({ title: 'A draft to turn down' });
    await hd.press(DIEGO, HELP, 'ticket.publish-article', { ticketId: ticket.id });
    const id = `ticket-${ticket.number.toLowerCase()}`;

    expect((await tell(GRADY, 'knowledge review')).text).toBe('Only the knowledge owners can review the knowledge base.');
    expect((await tell(DIEGO, 'revue des connaissances')).text).toBe('Only the knowledge owners can review the knowledge base.');
    const french = await bot.post({
      ...personalMessage('revue des connaissances', { serviceUrl: bot.serviceUrl, from: GRADY }),
      locale: 'fr-FR',
    });
    expect(french.status).toBe(200);
    await bot.connector.waitFor(() =>
      bot.connector.sentActivities.some((a) => a.text === 'Seuls les responsables de la base de connaissances peuvent la revoir.'),
    );
    expect(await hd.pressPersonal(GRADY, 'kb.publish', { articleId: id })).toBe('Only the knowledge owners can review the knowledge base.');
    expect((await articles.get(id))!.article.status).toBe('draft');

    // An admin may review too; Retire keeps the draft, retired.
    const retired = await hd.pressPersonal(ADELE, 'kb.retire', { articleId: id });
    expect(allText(retired)).toContain('Retired: “A draft to turn down”.');
    expect((await articles.get(id))!.article.status).toBe('retired');
    // In a channel, the list is not shown (others would see it).
    expect((await hd.say(OLGA, HELP, 'knowledge review')).text).toContain('in our personal chat');
  });
});
