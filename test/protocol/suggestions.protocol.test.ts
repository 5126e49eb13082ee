/**
 * "Suggest an improvement" over /api/messages (issue 16, the feedback loop from the help desk to the
 * Power Platform team): a help desk member sends what they observe from a ticket card; the item is
 * stored with its history and its card posted in the team's channel; the team's members move its
 * status from that card (first writer wins), the card updates in place, the suggester is told and
 * the ticket card shows the status; `suggestions` lists the open items. Who may act comes from the
 * rosters and the stored ticket; a double click makes one item.
 */
import type { OutboxMessage } from '../../src/domain/outbox-message';
import type { Suggestion } from '../../src/domain/suggestions/suggestion';
import { text } from '../../src/domain/text';
import { TableSuggestionStore } from '../../src/storage/suggestions/table-suggestion-store';
import { ALEX, user } from '../support/activities';
import { BotHarness } from '../support/bot-harness';
import { allText, verbs } from '../support/cards';
import { channel } from '../support/channel-activities';
import { SOLUTIONS } from '../support/fixture-solutions';
import { HelpDeskDriver } from '../support/help-desk-driver';
import { rosterResponder } from '../support/team-roster';
import { fixedCatalog } from '../support/test-catalog';
import { english, englishData } from '../support/words';

const ADELE = user('Adele Vance', 'ad000000-0000-4000-8000-000000000001'); // admin, help desk
const DIEGO = user('Diego Siciliani', 'ad000000-0000-4000-8000-000000000002'); // help desk
const ISAIAH = user('Isaiah Langer', '15a1a400-0000-4000-8000-000000000010'); // Power Platform team only
const PATTI = user('Patti Fernandez', '15a1a400-0000-4000-8000-000000000011'); // Power Platform team only
const HELP = channel('Help desk', 'it');
const DEDICATED = channel('Power Platform', 'pp');
// What the help desk typed, with Korean and an emoji (stored as UTF-8 bytes).
const OBSERVED = 'We create environments by hand every day 🙂 — 매일 환경을 수동으로 만들고 있어요';

describe('"Suggest an improvement" over /api/messages', () => {
  let bot: BotHarness;
  let hd: HelpDeskDriver;
  let now = new Date('2026-11-23T09:30:00Z');

  beforeAll(async () => {
    bot = await BotHarness.start(
      { ADMIN_IDS: ADELE.aadObjectId },
      { catalog: fixedCatalog(Object.values(SOLUTIONS)), clock: { now: () => now }, notifications: { background: 'manual' } },
    );
    hd = new HelpDeskDriver(bot);
    bot.connector.respondWith(rosterResponder({ [HELP.teamId]: [ADELE, DIEGO], [DEDICATED.teamId]: [ISAIAH, PATTI] }));
    await hd.say(ADELE, HELP, 'register help desk');
    await hd.say(ADELE, DEDICATED, 'register dedicated team');
  });
  afterAll(async () => bot.stop());

  const store = () => new TableSuggestionStore(bot.tables().client('cases'));
  const itemsOf = (ticketId: string) => store().ofTicket(ticketId, 10);
  const posts = async (ticketId: string) =>
    (await hd.outbox(ticketId)).filter((m) => m.target.kind === 'channel' && m.card.card === 'suggestion');
  const updatesOf = async (ticketId: string, messageId: string) =>
    (await hd.outbox(ticketId)).filter((m) => m.target.kind === 'update' && m.target.messageId === messageId);
  const dmsTo = async (ticketId: string, aadObjectId: string) =>
    (await hd.outbox(ticketId)).filter((m) => m.target.kind === 'user' && m.target.aadObjectId === aadObjectId);
  const form = (ticketId: string, observed = OBSERVED) => ({
    ticketId,
    observed,
    frequency: 'daily',
    proposal: 'A request form that creates them.',
  });

  async function suggested(): Promise<{ ticketId: string; item: Suggestion; post: OutboxMessage }> {
    const { ticket } = await hd.submit(ALEX);
    expect(await hd.press(DIEGO, HELP, 'suggestion.create', form(ticket.id))).toBe(english(text('suggestions.done.created')));
    const [item] = await itemsOf(ticket.id);
    const [post] = await posts(ticket.id);
    return { ticketId: ticket.id, item: item!, post: post! };
  }

  it("a help desk member suggests from the ticket card: the item is stored and posted in the team's channel; the ticket card shows it", async () => {
    const { ticket } = await hd.submit(ALEX);
    const card = await hd.press(DIEGO, HELP, 'ticket.show', { ticketId: ticket.id });
    expect(verbs(card)).toContain('suggestion.create');
    expect(allText(card)).toContain('Suggest an improvement');

    expect(await hd.press(DIEGO, HELP, 'suggestion.create', form(ticket.id))).toBe(
      'Sent to the Power Platform team. You will be told when its status changes.',
    );
    const [item] = await itemsOf(ticket.id);
    expect(item).toMatchObject({
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      observed: OBSERVED,
      frequency: 'daily',
      status: 'new',
      suggester: { aadObjectId: DIEGO.aadObjectId.toLowerCase(), displayName: 'Diego Siciliani' },
    });
    expect(await store().history(ticket.id, item!.id)).toEqual([expect.objectContaining({ to: 'new' })]);

    const [post] = await posts(ticket.id);
    expect(post!.target).toEqual({ kind: 'channel', channel: 'dedicated-team' });
    const data = englishData(post!.card.data);
    expect(data).toMatchObject({ heading: 'Improvement suggested by the help desk', observed: OBSERVED, canReview: true, canDone: false });
    expect(data.facts).toEqual(
      expect.arrayContaining([
        { title: 'Seen on', value: `${ticket.number} · ${ticket.title}` },
        { title: 'How often', value: 'Every day' },
        { title: 'Status', value: 'New' },
      ]),
    );

    expect((await hd.tickets.get(ticket.id))!.ticket.suggestion).toEqual({ id: item!.id, status: 'new' });
    const shown = await hd.press(DIEGO, HELP, 'ticket.show', { ticketId: ticket.id });
    expect(allText(shown)).toContain('Improvement suggested to the Power Platform team: New');
  });

  it('a double click, or a redelivery, makes one item', async () => {
    const { ticket } = await hd.submit(ALEX);
    const first = hd.press(DIEGO, HELP, 'suggestion.create', form(ticket.id, 'Connectors are requested by email.'));
    const second = hd.press(DIEGO, HELP, 'suggestion.create', form(ticket.id, 'Connectors are requested by email.'));
    const answers = await Promise.all([first, second]);
    expect(answers.sort()).toEqual([english(text('suggestions.done.already')), english(text('suggestions.done.created'))].sort());
    expect(await itemsOf(ticket.id)).toHaveLength(1);
    expect(await posts(ticket.id)).toHaveLength(1);
  });

  it("only the help desk's team may suggest, and the form is checked", async () => {
    const { ticket } = await hd.submit(ALEX);
    expect(await hd.press(ISAIAH, DEDICATED, 'suggestion.create', form(ticket.id))).toBe(
      "Only the help desk's team can suggest an improvement from this ticket.",
    );
    expect(await hd.press(ALEX, HELP, 'suggestion.create', form(ticket.id))).toBe(
      "Only the help desk's team can suggest an improvement from this ticket.",
    );
    expect(await hd.press(DIEGO, HELP, 'suggestion.create', { ...form(ticket.id), observed: '   ' })).toBe('Say what you observe.');
    expect(await hd.press(DIEGO, HELP, 'suggestion.create', { ...form(ticket.id), frequency: 'hourly' })).toBe(
      'Choose how often it happens.',
    );
    expect(await hd.press(DIEGO, HELP, 'suggestion.create', { ...form(ticket.id), observed: 'x'.repeat(2001) })).toBe(
      'One of the answers is too long: shorten it and send again.',
    );
    expect(await itemsOf(ticket.id)).toEqual([]);
  });

  it('a Power Platform member changes the status: the card updates in place, the suggester is told, the first writer wins', async () => {
    const { ticketId, item, post } = await suggested();
    const ref = { ticketId, suggestionId: item.id };
    expect(await hd.press(DIEGO, HELP, 'suggestion.review', { ...ref, shownStatus: 'new' })).toBe(
      "Only the Power Platform team can change a suggestion's status.",
    );

    now = new Date('2026-11-23T10:00:00Z');
    const card = await hd.press(ISAIAH, DEDICATED, 'suggestion.review', { ...ref, shownStatus: 'new' });
    expect(allText(card)).toContain('Status changed to Under review; Diego Siciliani was told.');
    expect(verbs(card).sort()).toEqual(['suggestion.decline', 'suggestion.done', 'suggestion.plan']);
    // Patti's card still showed "New": Isaiah was first.
    const stale = await hd.press(PATTI, DEDICATED, 'suggestion.plan', { ...ref, shownStatus: 'new' });
    expect(allText(stale)).toContain('Someone changed this suggestion first: here it is as it is now.');
    expect((await store().get(ticketId, item.id))!.suggestion).toMatchObject({
      status: 'under-review',
      changedBy: { displayName: 'Isaiah Langer' },
    });

    const [update] = await updatesOf(ticketId, post.id);
    expect(englishData(update!.card.data).facts).toContainEqual({ title: 'Status', value: 'Under review, by Isaiah Langer' });
    const [told] = await dmsTo(ticketId, DIEGO.aadObjectId.toLowerCase());
    expect(told!.card.card).toBe('suggestion-update');
    expect(englishData(told!.card.data).heading).toMatch(/^Your suggestion from HD-\d+ is now: Under review$/);
    expect((await hd.tickets.get(ticketId))!.ticket.suggestion).toEqual({ id: item.id, status: 'under-review' });

    // Declining says why; the note reaches the suggester.
    now = new Date('2026-11-23T10:30:00Z');
    const noNote = await hd.press(PATTI, DEDICATED, 'suggestion.decline', { ...ref, shownStatus: 'under-review', note: ' ' });
    expect(allText(noNote)).toContain('Say why in the note to decline.');
    const declined = await hd.press(PATTI, DEDICATED, 'suggestion.decline', {
      ...ref,
      shownStatus: 'under-review',
      note: 'Pipelines cover it.',
    });
    expect(verbs(declined)).toEqual([]);
    const dms = await dmsTo(ticketId, DIEGO.aadObjectId.toLowerCase());
    expect(dms).toHaveLength(2);
    expect(englishData(dms[1]!.card.data).noteLine).toBe('Note: Pipelines cover it.');
    expect((await store().history(ticketId, item.id)).map((e) => e.to)).toEqual(['new', 'under-review', 'declined']);
  });

  it('"suggestions" lists the open items for the help desk and the Power Platform team, in their words, and nobody else', async () => {
    const { item } = await suggested();
    const listed = await hd.say(DIEGO, HELP, 'suggestions');
    expect(allText(listed.card)).toContain(`${item.ticketNumber} · New · ${OBSERVED}`);
    const korean = await hd.say(ISAIAH, DEDICATED, '개선 제안');
    expect(allText(korean.card)).toContain(`${item.ticketNumber} · New`);
    const refused = await hd.say(ALEX, HELP, 'suggestions');
    expect(refused.text).toBe('Only the help desk and the Power Platform team can see the suggestions.');
  });
});
