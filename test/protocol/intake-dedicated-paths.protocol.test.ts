/**
 * The intake's own paths to the dedicated team's queue over /api/messages (issue 13): the maker's
 * "I'm stuck" asked in the questionnaire (a ticket in the dedicated queue, the maker the contact,
 * told its number; someone the catalog does not list as maker or co-owner goes to the help desk),
 * and "Power Platform itself seems down" (the first report opens a ticket in the dedicated queue
 * with the router's Microsoft escalation and the platform incident; later reports are linked to it
 * and told it is known, no ticket; a redelivered Submit opens nothing twice; resolving the incident
 * tells each of them once).
 */
import { TableIncidentStore } from '../../src/storage/incidents/table-incident-store';
import { ALEX, user, type TestUser } from '../support/activities';
import { BotHarness } from '../support/bot-harness';
import { allText } from '../support/cards';
import { channel } from '../support/channel-activities';
import { SOLUTIONS } from '../support/fixture-solutions';
import { HelpDeskDriver } from '../support/help-desk-driver';
import { IntakeDriver } from '../support/intake-driver';
import { rosterResponder } from '../support/team-roster';
import { fixedCatalog } from '../support/test-catalog';
import { englishData } from '../support/words';

const ADELE = user('Adele Vance', 'ad000000-0000-4000-8000-000000000001'); // admin, help desk
const MEGAN = user('Megan Bowen', '79a4d994-151f-4573-9813-92f75a1223df'); // maker of the fixture solutions
const ISAIAH = user('Isaiah Langer', '15a1a400-0000-4000-8000-000000000010'); // dedicated team
const LEE = user('Lee Gu', 'be000000-0000-4000-8000-000000000001');
const LIDIA = user('Lidia Holloway', 'be000000-0000-4000-8000-000000000002');
const HELP = channel('Help desk', 'it');
const DEDICATED = channel('Power Platform', 'pp');

describe("the intake's paths to the dedicated team's queue", () => {
  let bot: BotHarness;
  let hd: HelpDeskDriver;
  let incidents: TableIncidentStore;
  const now = new Date('2026-11-23T09:30:00Z');

  beforeAll(async () => {
    bot = await BotHarness.start(
      { ADMIN_IDS: ADELE.aadObjectId, MAX_REQUESTS_PER_HOUR: '50' },
      {
        catalog: fixedCatalog(Object.values(SOLUTIONS)),
        clock: { now: () => now },
        sla: { intervalMs: 0 },
        notifications: { background: 'manual' },
      },
    );
    hd = new HelpDeskDriver(bot);
    incidents = new TableIncidentStore(bot.tables().client('cases'));
    bot.connector.respondWith(rosterResponder({ [HELP.teamId]: [ADELE], [DEDICATED.teamId]: [ISAIAH] }));
    await hd.say(ADELE, HELP, 'register help desk');
    await hd.say(ADELE, DEDICATED, 'register dedicated team');
  });
  afterAll(async () => bot.stop());

  const handOffPosts = async (id: string) =>
    (await hd.outbox(id)).filter((m) => m.target.kind === 'channel' && m.target.channel === 'dedicated-team');

  async function stuck(who: TestUser) {
    const driver = new IntakeDriver(bot, who);
    await driver.say('new request');
    await driver.press('intake.need', { category: 'maker-stuck' });
    await driver.press('intake.search', { query: 'expense' });
    await driver.press('intake.solution', { solutionId: 'expense-tracker' });
    await driver.press('intake.details', {
      title: 'Cannot model the approval chain',
      description: 'The delegation rule needs a Dataverse plug-in I cannot write.',
      since: '',
      impact: 'team',
      urgency: 'workaround',
    });
    return { driver, confirmation: await driver.press('intake.submit') };
  }

  async function platformDown(who: TestUser) {
    const driver = new IntakeDriver(bot, who);
    await driver.say('new request');
    await driver.press('intake.need', { category: 'platform-issue' });
    await driver.press('intake.details', {
      title: 'Power Apps does not load',
      description: 'Every app spins forever.',
      since: '',
      impact: 'organisation',
      urgency: 'blocked',
    });
    return { driver, confirmation: await driver.press('intake.submit') };
  }

  it('"I\'m stuck" in the questionnaire: a ticket in the dedicated queue, the maker the contact and told its number', async () => {
    const { driver, confirmation } = await stuck(MEGAN);
    const ticket = (await hd.tickets.get(driver.intakeId))!.ticket;
    expect(ticket).toMatchObject({
      status: 'escalated',
      queue: 'dedicated-team',
      requester: { aadObjectId: MEGAN.aadObjectId },
      handOffs: [{ trigger: 'maker-stuck', contact: 'maker' }],
    });
    expect(allText(confirmation)).toContain(`The Power Platform team has your question as ticket ${ticket.number}`);
    const [post] = await handOffPosts(ticket.id);
    expect(englishData(post.card.data)).toMatchObject({
      why: 'Megan Bowen is stuck and asked the Power Platform team for help',
      contact: 'the maker, Megan Bowen',
      canAccept: true,
    });
    // Posted on the help desk's side too, and never as the old buttonless notice.
    expect((await hd.outbox(ticket.id)).map((m) => m.card.card)).toEqual(expect.arrayContaining(['ticket', 'ticket-handoff']));
    expect(allText(await hd.press(ISAIAH, DEDICATED, 'handoff.accept', { ticketId: ticket.id }))).toContain('You have this ticket now');
  });

  it('"I\'m stuck" from someone the catalog does not list as maker or co-owner: the help desk takes it, and they are told why', async () => {
    const { driver, confirmation } = await stuck(ALEX);
    const ticket = (await hd.tickets.get(driver.intakeId))!.ticket;
    expect(ticket).toMatchObject({ status: 'new', queue: 'help-desk' });
    expect(ticket.handOffs ?? []).toEqual([]);
    expect(allText(confirmation)).toContain(`the help desk takes your question first, as ticket ${ticket.number}`);
    expect(await handOffPosts(ticket.id)).toEqual([]);
  });

  it('"Power Platform itself seems down": the first report opens a ticket in the dedicated queue and the platform incident; later ones are linked and told it is known', async () => {
    const first = await platformDown(LEE);
    const ticket = (await hd.tickets.get(first.driver.intakeId))!.ticket;
    const [incident] = (await incidents.listOpen(20)).filter((i) => i.scope.kind === 'platform');
    expect(incident).toMatchObject({ title: 'Power Apps does not load', links: [{ kind: 'ticket', id: ticket.id }] });
    expect(ticket).toMatchObject({
      status: 'escalated',
      queue: 'dedicated-team',
      incidentId: incident.id,
      handOffs: [{ trigger: 'platform-down', suggested: 'microsoft' }],
    });
    expect(allText(first.confirmation)).toContain(`ticket ${ticket.number} and opened major incident ${incident.id}`);
    const [post] = await handOffPosts(ticket.id);
    expect(englishData(post.card.data)).toMatchObject({
      why: 'Power Platform itself seems down',
      suggested: 'Suggested next step: a case with Microsoft support.',
    });
    // Teams redelivers the Submit: nothing is opened twice.
    await first.driver.press('intake.submit');
    expect(await handOffPosts(ticket.id)).toHaveLength(1);
    expect((await incidents.listOpen(20)).filter((i) => i.scope.kind === 'platform')).toHaveLength(1);

    const later = await platformDown(LIDIA);
    expect(await hd.tickets.get(later.driver.intakeId)).toBeUndefined();
    expect(allText(later.confirmation)).toContain(`This is a known incident (${incident.id}`);
    const linked = (await incidents.get(incident.id))!.incident;
    expect(linked.links.map((l) => l.requester.aadObjectId)).toEqual([LEE.aadObjectId, LIDIA.aadObjectId]);

    // Resolving it tells each of them once.
    await hd.press(ISAIAH, DEDICATED, 'incident.resolve', { incidentId: incident.id, resolution: 'Microsoft fixed the region.' });
    const resolved = (await incidents.get(incident.id))!.incident;
    expect(resolved).toMatchObject({ status: 'resolved', told: 2 });
  });
});
