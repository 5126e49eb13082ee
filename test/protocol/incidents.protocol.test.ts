/**
 * Major incidents over /api/messages: the dedicated team opens one (a command in their channel, or
 * from a ticket card), new reports about that solution are linked at intake and the requester is
 * told it is known (no duplicate ticket), "Power Platform itself seems down" links to an open
 * platform incident, Escalate to global admins posts to their channel, and resolving tells every
 * linked requester exactly once, in one message each, also when Teams redelivers the Resolve.
 */
import type { Incident } from '../../src/domain/incidents/incident';
import type { NotificationJobs } from '../../src/start-notifications';
import { TableIncidentStore } from '../../src/storage/incidents/table-incident-store';
import { SHARD_COUNT } from '../../src/storage/cases/case-partitions';
import { ALEX, user, type TestUser } from '../support/activities';
import { BotHarness } from '../support/bot-harness';
import { allText, verbs } from '../support/cards';

/** What the person was shown: a card's words, or the message itself. */
const said = (answer: unknown): string => (typeof answer === 'string' ? answer : allText(answer));
import { channel, channelActionExecute } from '../support/channel-activities';
import { SOLUTIONS } from '../support/fixture-solutions';
import { HelpDeskDriver } from '../support/help-desk-driver';
import { IntakeDriver } from '../support/intake-driver';
import { NotificationDriver } from '../support/notification-driver';
import { rosterResponder } from '../support/team-roster';
import { fixedCatalog } from '../support/test-catalog';

jest.setTimeout(600_000);

const ADELE = user('Adele Vance', 'ad000000-0000-4000-8000-000000000001'); // bot admin, help desk
const ISAIAH = user('Isaiah Langer', 'dd000000-0000-4000-8000-000000000001'); // dedicated team
const MEGAN = user('Megan Bowen', '79a4d994-151f-4573-9813-92f75a1223df'); // help desk agent
const REQUESTERS = Array.from({ length: 50 }, (_, i) =>
  user(`Requester ${i + 1}`, `be000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`),
);

const HELP = channel('Help desk', 'it');
const DEDICATED = channel('Power Platform', 'pp');
const ADMINS = channel('Global admins', 'ga');

describe('major incidents over /api/messages', () => {
  let bot: BotHarness;
  let hd: HelpDeskDriver;
  let notes: NotificationDriver;
  let store: TableIncidentStore;
  let now = new Date('2026-11-23T10:00:00Z').getTime();
  let jobs: NotificationJobs | undefined;

  beforeAll(async () => {
    bot = await BotHarness.start(
      { ADMIN_IDS: ADELE.aadObjectId, MAX_REQUESTS_PER_HOUR: '200' },
      {
        catalog: fixedCatalog(Object.values(SOLUTIONS)),
        clock: { now: () => new Date(now) },
        sla: { intervalMs: 0 },
        notifications: { background: 'manual', onJobs: (j) => (jobs = j) },
      },
    );
    void jobs;
    hd = new HelpDeskDriver(bot);
    notes = new NotificationDriver(
      bot,
      (ms) => (now += ms),
      () => now,
    );
    store = new TableIncidentStore(bot.tables().client('cases'));
    bot.connector.respondWith(rosterResponder({ [HELP.teamId]: [ADELE, MEGAN], [DEDICATED.teamId]: [ISAIAH], [ADMINS.teamId]: [ADELE] }));
    await hd.say(ADELE, HELP, 'register help desk');
    await hd.say(ADELE, DEDICATED, 'register dedicated team');
    const admins = await hd.say(ADELE, ADMINS, 'register global admins');
    expect(said(admins.card)).toContain('is now the global admins channel');
  });
  afterAll(async () => bot.stop());

  async function openIncidents(): Promise<Incident[]> {
    return store.listOpen(20);
  }

  /** A requester reports a problem with Invoice Approval; returns the confirmation card and the request's id. */
  async function report(who: TestUser, title = 'Approvals are stuck') {
    const driver = new IntakeDriver(bot, who);
    await driver.say('new request');
    await driver.press('intake.need', { category: 'solution-problem' });
    await driver.press('intake.search', { query: 'invoice' });
    await driver.press('intake.solution', { solutionId: 'invoice-approval' });
    await driver.press('intake.details', {
      title,
      description: 'Nothing moves since this morning.',
      since: '',
      impact: 'team',
      urgency: 'blocked',
    });
    return { confirmation: await driver.press('intake.submit'), id: driver.intakeId };
  }

  it('only the dedicated team opens an incident; new reports about the solution are linked and told it is known, with no ticket', async () => {
    const refused = await hd.say(MEGAN, HELP, 'open incident for invoice-approval: Approvals stuck');
    expect(refused.text).toContain('Only members of the Power Platform team');
    expect(await openIncidents()).toEqual([]);
    expect((await hd.say(ISAIAH, DEDICATED, 'open incident now')).text).toContain('open incident platform: TITLE');

    const opened = await hd.say(ISAIAH, DEDICATED, 'open incident for invoice-approval: Approvals stuck since 9:00');
    expect(said(opened.card)).toContain('Opened major incident');
    const [incident] = await openIncidents();
    expect(incident).toMatchObject({
      scope: { kind: 'solution', solutionId: 'invoice-approval' },
      title: 'Approvals stuck since 9:00',
      status: 'open',
    });
    // One open incident per solution.
    const again = await hd.say(ISAIAH, DEDICATED, 'open incident for invoice-approval: Same thing');
    expect(said(again.card)).toContain(`${incident.id} is already open for this`);

    const { confirmation, id } = await report(ALEX);
    expect(said(confirmation)).toContain(`This is a known incident (${incident.id}: Approvals stuck since 9:00)`);
    expect(await hd.tickets.get(id)).toBeUndefined();
    expect((await hd.cases.history(id)).map((e) => e.type)).toContain('linked-to-incident');
    expect((await store.get(incident.id))?.incident.links).toEqual([
      expect.objectContaining({
        kind: 'request',
        id,
        automatic: true,
        requester: { aadObjectId: ALEX.aadObjectId, displayName: ALEX.name },
      }),
    ]);
    // Nobody else was bothered: the request wrote no message for a maker, co-owners or a channel.
    expect(await hd.outbox(id)).toEqual([]);
  });

  it('"Power Platform itself seems down" links to an open platform incident; a ticket card opens one and Escalate to global admins posts there once', async () => {
    const { ticket } = await hd.submit(ALEX);
    const card = await hd.press(ISAIAH, DEDICATED, 'ticket.open-incident', {
      ticketId: ticket.id,
      incidentScope: 'platform',
      incidentTitle: 'Power Apps does not load',
    });
    const platform = (await openIncidents()).find((i) => i.scope.kind === 'platform')!;
    expect(said(card)).toContain(`Opened major incident ${platform.id} and linked ${ticket.number} to it.`);
    expect((await hd.tickets.get(ticket.id))?.ticket.incidentId).toBe(platform.id);
    expect(said(await hd.press(MEGAN, HELP, 'ticket.show', { ticketId: ticket.id }))).toContain(`Linked to major incident ${platform.id}`);

    const driver = new IntakeDriver(bot, REQUESTERS[0]);
    await driver.say('new request');
    await driver.press('intake.need', { category: 'platform-issue' });
    await driver.press('intake.details', {
      title: 'Nothing opens',
      description: 'Every app spins.',
      since: '',
      impact: 'organisation',
      urgency: 'blocked',
    });
    const confirmation = await driver.press('intake.submit');
    expect(said(confirmation)).toContain(`This is a known incident (${platform.id}`);
    expect(await hd.tickets.get(driver.intakeId)).toBeUndefined();

    const escalated = await hd.press(ISAIAH, DEDICATED, 'incident.escalate-global-admins', { incidentId: platform.id });
    expect(said(escalated)).toContain("Posted to the global admins' channel.");
    expect(verbs(escalated)).not.toContain('incident.escalate-global-admins');
    expect(said(await hd.press(ISAIAH, DEDICATED, 'incident.escalate-global-admins', { incidentId: platform.id }))).toContain(
      'already escalated',
    );
    expect(said(await hd.press(MEGAN, HELP, 'incident.escalate-global-admins', { incidentId: platform.id }))).toContain(
      'Only members of the Power Platform team',
    );
    await notes.drain();
    const adminPosts = bot.connector.calls.filter(
      (c) => c.method === 'POST' && c.path.includes(encodeURIComponent(ADMINS.channelId)) && JSON.stringify(c.body).includes(platform.id),
    );
    expect(adminPosts).toHaveLength(1);
    expect(JSON.stringify(adminPosts[0].body)).toContain('Power Apps does not load');
  });

  it('50 linked requests: resolving tells each requester exactly once, in one message, also when the Resolve is redelivered and pressed twice', async () => {
    const incident = (await openIncidents()).find((i) => i.scope.kind === 'solution')!;
    for (const who of REQUESTERS.slice(1, 49)) await report(who);
    // Requester 50 reports twice (one message for both), and Megan links a help desk ticket of Alex's by hand (Alex is already linked).
    await report(REQUESTERS[49], 'First report');
    await report(REQUESTERS[49], 'Second report');
    const { ticket } = await hd.submit(ALEX);
    const linked = await hd.press(ISAIAH, DEDICATED, 'ticket.link-incident', {
      ticketId: ticket.id,
      incidentId: incident.id.toLowerCase(),
    });
    expect(said(linked)).toContain(`Linked ${ticket.number} to major incident ${incident.id}.`);
    expect(said(await hd.press(MEGAN, HELP, 'ticket.link-incident', { ticketId: ticket.id, incidentId: incident.id }))).toContain(
      'Only members of the Power Platform team',
    );
    const before = (await store.get(incident.id))!.incident;
    const audience = new Set(before.links.map((l) => l.requester.aadObjectId));
    expect(before.links).toHaveLength(1 + 48 + 2 + 1);
    expect(audience.size).toBe(50); // Alex and requesters 2-50 (requester 1 reported the platform)
    await notes.drain();
    bot.connector.reset();
    bot.connector.respondWith(rosterResponder({ [HELP.teamId]: [ADELE, MEGAN], [DEDICATED.teamId]: [ISAIAH], [ADMINS.teamId]: [ADELE] }));

    const resolve = channelActionExecute(
      'incident.resolve',
      { incidentId: incident.id, resolution: 'The approval connector was reconnected.' },
      { serviceUrl: bot.serviceUrl, from: ISAIAH, channel: DEDICATED },
    );
    const [first, redelivered] = await Promise.all([bot.post(resolve), bot.post(resolve)]);
    expect([first.status, redelivered.status]).toEqual([200, 200]);
    expect(said(first.body.value)).toContain('Resolved');
    // A colleague pressing Resolve on the same card later (another activity) changes nothing.
    const later = await hd.press(ISAIAH, DEDICATED, 'incident.resolve', { incidentId: incident.id, resolution: 'again' });
    expect(said(later)).toContain('This incident is resolved.');
    expect(said(later)).toContain('50 of 50 requesters told');
    // A new report about the solution now goes its usual way: a ticket.
    const after = await report(REQUESTERS[2], 'After the fix');
    expect(await hd.tickets.get(after.id)).toBeDefined();

    await notes.drain();
    const shards = await Promise.all(Array.from({ length: SHARD_COUNT }, (_, i) => bot.jobs.store.sentOfShard(i)));
    const told = shards.flat().filter((r) => r.message.id.startsWith(`${incident.id}.resolved.`));
    const perPerson = new Map<string, number>();
    for (const r of told)
      if (r.message.target.kind === 'user')
        perPerson.set(r.message.target.aadObjectId, (perPerson.get(r.message.target.aadObjectId) ?? 0) + 1);
    expect(perPerson.size).toBe(50);
    expect([...perPerson.values()].every((n) => n === 1)).toBe(true);
    expect(new Set(perPerson.keys())).toEqual(audience);
    // On the wire too: 50 posts of the resolution, one per person's chat.
    const posts = bot.connector.calls.filter(
      (c) => c.method === 'POST' && JSON.stringify(c.body).includes('The approval connector was reconnected.'),
    );
    expect(posts).toHaveLength(50);
    // Requester 50's one message names both their reports.
    const last = told.find((r) => r.message.target.kind === 'user' && r.message.target.aadObjectId === REQUESTERS[49].aadObjectId)!;
    const refs = before.links.filter((l) => l.requester.aadObjectId === REQUESTERS[49].aadObjectId).map((l) => l.reference);
    expect(refs).toHaveLength(2);
    for (const ref of refs) expect(JSON.stringify(last.message.card.data)).toContain(ref);
    expect((await store.get(incident.id))!.incident).toMatchObject({ status: 'resolved', told: 50 });
  });
});
