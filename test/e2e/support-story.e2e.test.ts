import { Browser, Locator } from 'playwright-core';
import { demoOrg, DemoPersonKey } from '../../scripts/lib/demo-org';
import { launchBrowser } from './support/browser';
import { e2eEnvironment, personaUrl } from './support/e2e-env';
import { PlaygroundPage, withFailureScreenshot } from './support/playground-page';

/**
 * The README's walk-through ("The demo, step by step"), played in each persona's own Agents
 * Playground, with a screenshot per step in test-results/story-NN-*.png. Every persona's page is
 * opened once and kept open, as a person would keep their Teams open; nobody but Alex types to the
 * bot before their first card arrives: the bot knows them from the app's installation at start.
 *
 * Each `it` is one leg of the story and needs the legs before it (they run in order).
 */
describe("the support story across the personas' playgrounds", () => {
  const org = demoOrg();
  const alexName = org.requester.name;
  let browser: Browser;
  const pages = {} as Record<DemoPersonKey, PlaygroundPage>;
  let step = 0;

  const shot = async (who: DemoPersonKey, what: string): Promise<void> => {
    step += 1;
    await pages[who].screenshot(`story-${String(step).padStart(2, '0')}-${who}-${what}`);
  };

  /** Alex reports a problem with a catalog solution, from "new request" to the confirmation card. */
  async function reportProblem(problem: {
    search: string;
    solution: RegExp;
    title: string;
    description: string;
    impact: string;
    urgency: RegExp;
  }): Promise<Locator> {
    const alex = pages.alex;
    // A message arriving in the chat redraws the playground's cards (see the README): start when it is quiet.
    await alex.quiet();
    const before = await alex.cardCount();
    await alex.sendMessage('new request');
    const card = await alex.waitForNewCard(before);
    await alex.chooseCardOption(card, 'A problem with an app, flow or chatbot');
    await alex.pressCardButton(card, 'Next');
    await alex.waitForCardText(card, 'Which solution?');
    await alex.fillCardInput(card, 'Search the catalog', problem.search);
    await alex.pressCardButton(card, 'Search');
    await card.getByRole('radio', { name: problem.solution }).first().waitFor();
    await alex.chooseCardOption(card, problem.solution);
    await alex.pressCardButton(card, 'Next');
    await alex.waitForCardText(card, "What's happening?");
    await alex.fillCardInput(card, 'Title', problem.title);
    await alex.fillCardInput(card, 'Description', problem.description);
    await alex.fillCardInput(card, 'Since when?', 'this morning');
    await alex.chooseCardOption(card, problem.impact);
    await alex.chooseCardOption(card, problem.urgency);
    await alex.pressCardButton(card, 'Review');
    await alex.pastAnswers(card);
    await alex.waitForCardText(card, 'Review your request');
    return card;
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    const { playgrounds } = e2eEnvironment();
    for (const person of org.personas) pages[person.key] = await PlaygroundPage.open(browser, personaUrl(playgrounds, person.key));
    await pages.alex.openPersonalChat();
    for (const key of ['megan', 'lee', 'isaiah'] as const) await pages[key].openPersonalChat();
    await pages.isaiah.openChannel(org.dedicatedTeamQueue.team.name, org.dedicatedTeamQueue.channel.name);
    await pages.adele.openChannel(org.helpDesk.team.name, org.helpDesk.channel.name);
  });

  afterAll(async () => {
    for (const page of Object.values(pages)) await page.close();
    await browser?.close();
  });

  it('1. Productivity: Alex reports a problem with Expense Tracker, Megan gets a DM, says "I\'m on it", Alex is told', async () => {
    await withFailureScreenshot(pages.alex, 'story-productivity', async () => {
      const review = await reportProblem({
        search: 'expense',
        solution: /^Expense Tracker/,
        title: 'Receipt photos do not upload',
        description: 'The upload spinner never stops when I attach a photo of a receipt.',
        impact: 'Just me',
        urgency: /^A workaround exists/,
      });
      await pages.alex.waitForCardText(review, `${org.maker.name} made this Productivity app`);
      await shot('alex', 'reviews-expense-tracker-problem');
      await pages.alex.pressCardButton(review, 'Submit');
      await pages.alex.waitForCardText(review, /Request REQ-[0-9A-Z]{8} submitted/);
      await pages.alex.waitForCardText(review, org.maker.name);
      await shot('alex', 'submitted-megan-has-it');

      const megan = pages.megan;
      const dm = await megan.cardWith('Receipt photos do not upload');
      await megan.waitForCardText(dm, 'A problem was reported with a solution you made');
      expect(await megan.cardText(dm)).toContain(alexName);
      await shot('megan', 'gets-the-dm');

      await megan.pressCardButton(dm, "I'm on it");
      await megan.waitForCardText(dm, "You're on it.");
      await shot('megan', 'is-on-it');

      const update = await pages.alex.cardWith(`${org.maker.name} is on it`);
      await pages.alex.waitForCardText(update, 'Receipt photos do not upload');
      await shot('alex', 'is-told-megan-is-on-it');
    });
  });

  it('2. Megan is stuck on another request: the hand-off card arrives in the Power Platform Team channel, Isaiah accepts it, Alex is told who has it', async () => {
    await withFailureScreenshot(pages.megan, 'story-stuck', async () => {
      const review = await reportProblem({
        search: 'expense',
        solution: /^Expense Tracker/,
        title: 'Totals are wrong after the currency change',
        description: 'Since the currency list changed, the monthly totals mix euros and dollars.',
        impact: 'My team',
        urgency: /^A workaround exists/,
      });
      await pages.alex.pressCardButton(review, 'Submit');
      await pages.alex.waitForCardText(review, /Request REQ-[0-9A-Z]{8} submitted/);

      const megan = pages.megan;
      const dm = await megan.cardWith('Totals are wrong after the currency change');
      await megan.quiet();
      await megan.fillCardInput(
        dm,
        'Note for the requester, the help desk or the Power Platform team (optional)',
        'The currency conversion needs a Dataverse change that is beyond me.',
      );
      await shot('megan', 'writes-a-note-before-im-stuck');
      await megan.pressCardButton(dm, "I'm stuck");
      await megan.waitForCardText(dm, /Power Platform team/i);
      await shot('megan', 'handed-to-the-power-platform-team');

      const isaiah = pages.isaiah;
      const handoff = await isaiah.cardWith('Totals are wrong after the currency change');
      await isaiah.waitForCardText(handoff, 'The currency conversion needs a Dataverse change');
      await shot('isaiah', 'hand-off-card-in-escalations');
      // Accept: the card changes in place for the team, and the requester hears who has it.
      await isaiah.quiet();
      await isaiah.pressCardButton(handoff, 'Accept');
      await isaiah.waitForCardText(handoff, 'You have this ticket now');
      await isaiah.waitForCardText(handoff, /Accepted by/);
      await shot('isaiah', 'accepted-the-hand-off');
      const told = await pages.alex.cardWith(/of the Power Platform team has HD-\d+/);
      await pages.alex.waitForCardText(told, /Isaiah/);
      await shot('alex', 'is-told-who-has-it');

      const update = await pages.alex.cardWith(/Totals are wrong after the currency change/);
      await pages.alex.waitForCardText(update, /Power Platform team/i);
      await shot('alex', 'is-told-the-power-platform-team-has-it');
    });
  });

  it('3. Important: Alex reports a problem with Site Inspection, both co-owners are pinged, Lee claims it first, Megan sees it claimed, Alex is told', async () => {
    await withFailureScreenshot(pages.lee, 'story-important', async () => {
      const review = await reportProblem({
        search: 'site inspection',
        solution: /^Site Inspection/,
        title: 'Photos missing from synced inspections',
        description: 'Inspections filled in offline sync without their photos.',
        impact: 'My team',
        urgency: /^Blocked/,
      });
      await pages.alex.pressCardButton(review, 'Submit');
      await pages.alex.waitForCardText(review, /Request REQ-[0-9A-Z]{8} submitted/);
      await shot('alex', 'submitted-site-inspection-problem');

      const lee = pages.lee;
      const leePing = await lee.cardWith('Photos missing from synced inspections');
      const meganPing = await pages.megan.cardWith('Photos missing from synced inspections');
      await shot('lee', 'is-pinged');
      await shot('megan', 'is-pinged-too');

      await lee.pressCardButton(leePing, 'Claim');
      await lee.waitForCardText(leePing, 'You claimed this request.');
      await shot('lee', 'claimed-it');

      await pages.megan.waitForCardText(meganPing, `Claimed by ${org.person('lee').name}`, 30_000);
      expect(await pages.megan.cardButton(meganPing, 'Claim').count()).toBe(0);
      await shot('megan', 'sees-lee-claimed-it');

      const update = await pages.alex.cardWith(`${org.person('lee').name}`);
      await pages.alex.waitForCardText(update, 'Photos missing from synced inspections');
      await shot('alex', 'is-told-lee-has-it');
    });
  });

  it('4. Critical: a ticket in the Help Desk channel, worked from its card by Adele: assign, reply (Alex sees it), resolve (Alex is told)', async () => {
    await withFailureScreenshot(pages.adele, 'story-critical', async () => {
      const review = await reportProblem({
        search: 'customer onboarding',
        solution: /^Customer Onboarding/,
        title: 'Onboarding form rejects new customers',
        description: 'Saving a new customer fails with "access denied" for the whole sales team.',
        impact: 'My team',
        urgency: /^A workaround exists/,
      });
      await pages.alex.pressCardButton(review, 'Submit');
      await pages.alex.waitForCardText(review, /ticket HD-\d{6}/);
      const number = /HD-\d{6}/.exec(await pages.alex.cardText(review))?.[0] as string;
      await shot('alex', 'opens-a-ticket');

      const adele = pages.adele;
      const ticket = await adele.cardWith(number);
      await adele.waitForCardText(ticket, 'Onboarding form rejects new customers');
      expect(await adele.cardText(ticket)).toContain('Unassigned');
      await shot('adele', 'ticket-card-in-help-desk');

      await adele.pressCardButton(ticket, 'Assign to me');
      await adele.waitForCardText(ticket, org.admin.name);
      await shot('adele', 'assigned-to-herself');

      const reply = 'We found the cause: a security role changed yesterday. Fixing it now.';
      await adele.submitShowCard(ticket, 'Reply to requester', { [`Reply (sent to ${alexName})`]: reply }, 'Send reply');
      await adele.waitForCardText(ticket, /reply/i);
      await shot('adele', 'replied-to-alex');
      const replied = await pages.alex.cardWith(reply);
      await shot('alex', 'sees-the-reply');
      expect(await pages.alex.cardText(replied)).toContain(number);

      const resolution = 'The sales role has its permissions back: saving works again.';
      await adele.submitShowCard(ticket, 'Resolve', { 'Resolution (sent to the requester)': resolution }, 'Resolve');
      await adele.waitForCardText(ticket, 'Resolved');
      await shot('adele', 'resolved-the-ticket');
      const resolved = await pages.alex.cardWith(resolution);
      await pages.alex.waitForCardText(resolved, /resolved/i);
      await shot('alex', 'is-told-it-is-resolved');
    });
  });
});
