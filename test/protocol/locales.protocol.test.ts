/**
 * People whose Teams is in French, Swedish or Korean, over /api/messages: every card and message in
 * their language, proactive ones in the recipient's remembered language, channel cards in the
 * channel's, times in the reader's zone.
 *
 * How a test can tell languages apart while fr/sv/ko still hold English placeholders: the shipped fr,
 * sv and ko resources are replaced, for this file only, by pseudo-translations of the English
 * (test/support/test-locales.ts: each value marked ⟦fr⟧ / ⟦sv⟧ / ⟦ko⟧ with its vowels accented, the
 * commands as the translators wrote them). The bot runs unchanged on top. A card whose words carry
 * ⟦fr⟧ and no other mark was rendered from the French resources only; an English word of the
 * resources in it would be English that reached a French reader (a fallback, a wrong viewer, words
 * written in code). This keeps holding once the real translations land, since it never reads them.
 */
jest.mock('../../src/i18n/resources', () => {
  const actual = jest.requireActual('../../src/i18n/resources');
  const { withTestTranslations } = jest.requireActual('../support/test-locales');
  return { ...actual, readAllBundles: () => withTestTranslations(actual.readAllBundles()) };
});

import { readAllBundles } from '../../src/i18n/resources';
import { TableProfileStore } from '../../src/storage/conversations/table-profile-store';
import { TableConversationStore } from '../../src/storage/conversations/table-conversation-store';
import { actionExecute, personalMessage, user, type TestUser } from '../support/activities';
import { BotHarness } from '../support/bot-harness';
import { cardsIn, verbs } from '../support/cards';
import { channel, channelMention } from '../support/channel-activities';
import { PEOPLE, SOLUTIONS } from '../support/fixture-solutions';
import { HelpDeskDriver } from '../support/help-desk-driver';
import { IntakeDriver } from '../support/intake-driver';
import { NotificationDriver } from '../support/notification-driver';
import { rosterResponder } from '../support/team-roster';
import { englishResourceWords, englishWordsIn, mark, templateStatics } from '../support/test-locales';
import { text } from '../../src/domain/text';
import { translate } from '../../src/i18n/translate';
import { fixedCatalog } from '../support/test-catalog';

const CAMILLE = user('Camille Dubois', 'f7000000-0000-4000-8000-000000000001');
const MINJI = user('김민지', 'f7000000-0000-4000-8000-000000000002');
const MEGAN = user(PEOPLE.megan.displayName, PEOPLE.megan.aadObjectId); // maker of Expense Tracker
const ADELE = user('Adele Vance', 'ad000000-0000-4000-8000-000000000001'); // bot admin
const AGENT = user('Agent Smith', 'ac000000-0000-4000-8000-000000000001');
const HELP = channel('Help desk', 'it');

/** What Teams sends about a person's client: `activity.locale`, and on messages the clientInfo entity. */
function client(locale: string, timezone: string) {
  return {
    message: { locale, entities: [{ type: 'clientInfo', locale, country: locale.slice(3), platform: 'Web', timezone }] },
    // Invokes carry the locale, not always clientInfo: the zone then comes from what was remembered.
    invoke: { locale },
  };
}
const FRENCH = client('fr-FR', 'Europe/Paris');
const KOREAN = client('ko-KR', 'Asia/Seoul');
const SWEDISH = client('sv-SE', 'Europe/Stockholm');

/** Data people typed or the catalog holds: shown as it is, never translated. */
const DATA = [
  'Camille Dubois',
  'Megan Bowen',
  'Adele Vance',
  'Agent Smith',
  'Expense Tracker',
  'Invoice Approval',
  'Contoso',
  'default',
  'Help desk',
  'Europe/Stockholm',
  // The channel's own name in Teams (the dedicated team's channel is called "Power Platform").
  'Power Platform',
];
const ENGLISH = englishResourceWords(readAllBundles().en, DATA);
const MARKS = ['fr', 'sv', 'ko'].map(mark);
/** Whole texts still written in card templates (none once templates bind their words from cards.json). */
const STATICS = templateStatics();

/** The words a person sees on a card: texts, titles, labels, placeholders, facts (not ids or input values). */
function shownTexts(node: unknown, key = ''): string[] {
  if (typeof node === 'string')
    return ['text', 'title', 'label', 'placeholder', 'errorMessage', 'fallbackText', 'altText', 'fact'].includes(key) ? [node] : [];
  if (Array.isArray(node)) return node.flatMap((item) => shownTexts(item, key === 'facts' ? 'facts' : ''));
  if (!node || typeof node !== 'object') return [];
  const n = node as Record<string, unknown>;
  return Object.entries(n).flatMap(([k, v]) => (key === 'facts' && k === 'value' ? shownTexts(v, 'fact') : shownTexts(v, k)));
}

/** What a reader of `lng` got: every piece carries its mark and no other, and no English word of the resources. */
function expectIn(lng: string, pieces: readonly unknown[]): void {
  expect(pieces.length).toBeGreaterThan(0);
  for (const piece of pieces) {
    const texts = typeof piece === 'string' ? [piece] : shownTexts(piece);
    const all = texts.join('\n');
    // A card made only of its template's own words has nothing from the resources to carry a mark.
    const fromResources = texts.some((t) => !STATICS.has(t));
    expect({ piece: all.slice(0, 300), marked: all.includes(mark(lng)) }).toEqual({ piece: all.slice(0, 300), marked: fromResources });
    expect(MARKS.filter((m) => m !== mark(lng) && all.includes(m))).toEqual([]);
    expect({ piece: all.slice(0, 300), english: englishWordsIn(texts, ENGLISH) }).toEqual({ piece: all.slice(0, 300), english: [] });
    // Times carry the reader's zone (a UTC offset or the zone's name), never a bare "UTC".
    expect(all).not.toMatch(/\bUTC\b(?![+−-]\d)/);
  }
}

describe('every card and message in the reader’s language', () => {
  let bot: BotHarness;
  let notes: NotificationDriver;
  let hd: HelpDeskDriver;
  // 20:30 UTC: already the next day in Seoul (05:30), 21:30 in Paris and Stockholm.
  let now = new Date('2026-11-20T20:30:00Z');

  beforeAll(async () => {
    bot = await BotHarness.start(
      { ADMIN_IDS: ADELE.aadObjectId },
      {
        catalog: fixedCatalog(Object.values(SOLUTIONS)),
        clock: { now: () => now },
        sla: { intervalMs: 0 },
        notifications: { random: () => 0.5 },
      },
    );
    notes = new NotificationDriver(
      bot,
      (ms) => (now = new Date(now.getTime() + ms)),
      () => now.getTime(),
    );
    hd = new HelpDeskDriver(bot);
  });
  afterAll(async () => bot.stop());
  beforeEach(() => {
    bot.connector.reset();
    bot.connector.respondWith(rosterResponder({ [HELP.teamId]: [ADELE, AGENT] }));
  });

  /** Everything the bot posted into a person's 1:1 chat with it (cards and plain messages). */
  function postedTo(who: TestUser): unknown[] {
    return bot.connector.calls
      .filter(
        (c) =>
          c.method === 'POST' && c.path.includes(`/v3/conversations/${encodeURIComponent(`a:personal-${who.aadObjectId}`)}/activities`),
      )
      .flatMap((c) => (cardsIn([c.body]).length > 0 ? cardsIn([c.body]) : typeof c.body.text === 'string' ? [c.body.text] : []));
  }

  let camillesRequest = '';

  it('a French requester goes through the whole intake in French, and her language and zone are remembered', async () => {
    const driver = new IntakeDriver(bot, CAMILLE, FRENCH);
    const answers: unknown[] = [];
    answers.push(await driver.say('Bonjour !'));
    answers.push(await driver.press('intake.need', { category: 'solution-problem' }));
    answers.push(await driver.press('intake.search', { query: 'expense' }));
    answers.push(await driver.press('intake.solution', { solutionId: SOLUTIONS.expenses.id }));
    answers.push(
      await driver.press('intake.details', {
        title: 'Le total est faux',
        description: 'Le total mensuel ignore la dernière ligne.',
        since: 'ce matin',
        impact: 'me',
        urgency: 'workaround',
      }),
    );
    answers.push(await driver.press('intake.submit'));
    camillesRequest = driver.intakeId;
    answers.push(await driver.say('mes demandes'));
    expectIn('fr', answers);
    expectIn('fr', postedTo(CAMILLE));
    expect(await new TableProfileStore(bot.tables().client('conversations')).read(CAMILLE.aadObjectId)).toMatchObject({
      locale: 'fr',
      timeZone: 'Europe/Paris',
    });
  });

  it('a message that is no command starts a questionnaire in French, and "nouvelle demande" starts another (issue 14)', async () => {
    const driver = new IntakeDriver(bot, CAMILLE, FRENCH);
    const before = postedTo(CAMILLE).length;
    await bot.post({ ...personalMessage('quelque chose d’autre', { serviceUrl: bot.serviceUrl, from: CAMILLE }), ...FRENCH.message });
    await bot.connector.waitFor(() => postedTo(CAMILLE).length > before);
    const started = postedTo(CAMILLE).slice(before);
    expectIn('fr', started);
    expect(started).toEqual([expect.objectContaining({ type: 'AdaptiveCard' })]);
    const card = await driver.say('NOUVELLE DEMANDE');
    expectIn('fr', [card]);
    await driver.press('intake.cancel');
  });

  it('the maker’s card goes out in the maker’s remembered language (Swedish), not the requester’s; her answer reaches the requester in French', async () => {
    // Megan's Teams is in Swedish: she said hello once, before the request reached her.
    const megan = new IntakeDriver(bot, MEGAN, SWEDISH);
    expectIn('sv', [await megan.say('hej')]);
    await megan.press('intake.cancel');
    bot.connector.reset();
    expect(await notes.drain()).toMatchObject({ failed: 0 });
    const dms = await notes.dmsTo(MEGAN.aadObjectId);
    expect(dms).toHaveLength(1);
    expectIn('sv', dms);

    // An invoke without clientInfo: her language from the activity, her zone still the remembered one.
    bot.connector.reset();
    const ack = await bot.post({
      ...actionExecute('request.acknowledge', { requestId: camillesRequest }, { serviceUrl: bot.serviceUrl, from: MEGAN }),
      ...SWEDISH.invoke,
    });
    expectIn('sv', [ack.body.value]);
    expect(await new TableProfileStore(bot.tables().client('conversations')).read(MEGAN.aadObjectId)).toMatchObject({
      locale: 'sv',
      timeZone: 'Europe/Stockholm',
    });
    expect(await notes.drain()).toMatchObject({ failed: 0 });
    const updates = await notes.dmsTo(CAMILLE.aadObjectId);
    expect(updates.length).toBeGreaterThan(0);
    expectIn('fr', updates);
  });

  it('a Korean requester: the greeting matches, a Critical request in Korean, the ticket in the help desk channel in the channel’s language and zone, an info request back in Korean', async () => {
    // The help desk channel reads Swedish, on Stockholm time.
    const registered = await hd.say(ADELE, HELP, 'register help desk sv Europe/Stockholm');
    expectIn('sv', [registered.card]);
    expect(shownTexts(registered.card).join('\n')).toContain('Europe/Stockholm');
    const stored = await new TableConversationStore(bot.tables().client('conversations')).getChannel('help-desk');
    expect(stored?.settings).toEqual({ locale: 'sv', timeZone: 'Europe/Stockholm' });

    const driver = new IntakeDriver(bot, MINJI, KOREAN);
    const answers: unknown[] = [];
    answers.push(await driver.say('안녕하세요'));
    answers.push(await driver.press('intake.need', { category: 'solution-problem' }));
    answers.push(await driver.press('intake.search', { query: 'invoice' }));
    answers.push(await driver.press('intake.solution', { solutionId: SOLUTIONS.invoices.id }));
    answers.push(
      await driver.press('intake.details', {
        title: '송장 승인이 멈췄어요',
        description: '승인 버튼을 눌러도 아무 일도 없어요.',
        since: '오늘 아침',
        impact: 'team',
        urgency: 'blocked',
      }),
    );
    answers.push(await driver.press('intake.submit'));
    expectIn('ko', answers);
    const ticket = (await hd.tickets.get(driver.intakeId))?.ticket;
    expect(ticket).toBeDefined();

    bot.connector.reset();
    await notes.drain();
    const posted = notes.postedTo(HELP.channelId);
    expect(posted.length).toBeGreaterThan(0);
    expectIn('sv', posted);
    // The SLA's due time on Stockholm's clock (CET in November), not UTC.
    expect(posted.map((card) => shownTexts(card).join('\n')).join('\n')).toMatch(/\bCET\b/);

    // An agent presses a button in the channel: the refreshed card is the channel's, in Swedish.
    expectIn('sv', [await hd.press(AGENT, HELP, 'ticket.assign-me', { ticketId: ticket!.id })]);
    const asked = await hd.press(AGENT, HELP, 'ticket.request-info', { ticketId: ticket!.id, text: 'Vilken webbläsare?' });
    expectIn('sv', [asked]);
    bot.connector.reset();
    await notes.drain();
    const question = await notes.dmsTo(MINJI.aadObjectId);
    expect(question.length).toBeGreaterThan(0);
    expectIn('ko', question);
  });

  it('a Korean requester’s dates are on Seoul’s calendar (already 21 November there)', async () => {
    const card = await new IntakeDriver(bot, MINJI, KOREAN).say('내 요청');
    expectIn('ko', [card]);
    const texts = shownTexts(card).join('\n');
    expect(texts).toContain(
      new Intl.DateTimeFormat('ko', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'Asia/Seoul' }).format(now),
    );
    expect(texts).toContain('21일');
  });

  it('Swedish "mina ärenden" is a requester’s list in a personal chat and the agent’s tickets in a channel', async () => {
    const personal = await new IntakeDriver(bot, MEGAN, SWEDISH).say('mina ärenden');
    expectIn('sv', [personal]);
    expect(verbs(personal)).toContain('intake.start'); // the requester's list (my-requests card)
    const before = bot.connector.sentActivities.length;
    const mention = channelMention('mina ärenden', { serviceUrl: bot.serviceUrl, from: AGENT, channel: HELP });
    await bot.post({ ...mention, locale: 'sv-SE', entities: [...mention.entities, ...SWEDISH.message.entities] });
    await bot.connector.waitFor(() => bot.connector.sentActivities.length > before);
    const inChannel = cardsIn(bot.connector.sentActivities.slice(before));
    expect(inChannel).toHaveLength(1);
    expectIn('sv', inChannel);
    // The agent's own tickets, headed in the channel's Swedish.
    expect(shownTexts(inChannel[0])).toContain(
      translate(text('messages.tickets.list.mine'), { locale: 'sv', timeZone: 'Europe/Stockholm' }),
    );
    expect(verbs(inChannel[0])).not.toContain('intake.start');
  });

  it('a channel registration names a language and a zone the bot knows, or is refused with how to write them; without them, en / UTC', async () => {
    const DEDICATED = channel('Power Platform', 'pp');
    const refused = await hd.say(ADELE, DEDICATED, 'register dedicated team fr Mars/Olympus');
    expect(refused.text).toContain('"Mars/Olympus"');
    expect(refused.text).toContain(
      translate(text('messages.channels.unknownSetting', { value: 'Mars/Olympus' }), { locale: 'en', timeZone: 'UTC' }).slice(0, 40),
    );
    const conversations = new TableConversationStore(bot.tables().client('conversations'));
    expect(await conversations.getChannel('dedicated-team')).toBeUndefined();
    await hd.say(ADELE, DEDICATED, 'register dedicated team');
    expect((await conversations.getChannel('dedicated-team'))?.settings).toEqual({ locale: 'en', timeZone: 'UTC' });
    const korean = await hd.say(ADELE, DEDICATED, 'register dedicated team Asia/Seoul KO!');
    expectIn('ko', [korean.card]);
    expect((await conversations.getChannel('dedicated-team'))?.settings).toEqual({ locale: 'ko', timeZone: 'Asia/Seoul' });
  });
});
