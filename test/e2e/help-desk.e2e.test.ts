import { Browser } from 'playwright-core';
import { demoOrg } from '../../scripts/lib/demo-org';
import { RunningPlayground } from '../../scripts/lib/playground';
import { launchBrowser } from './support/browser';
import { e2eEnvironment } from './support/e2e-env';
import { startPlaygroundAs } from './support/personas';
import { PlaygroundPage, withFailureScreenshot } from './support/playground-page';

/**
 * The help desk journey across two people: Patti (admin, member of the IT Support team) registers the
 * Help Desk channel in her playground; Alex submits a question in his; the ticket card arrives in the
 * channel and changes in place when Patti presses "Assign to me".
 */
describe('help desk ticket in the Agents Playground', () => {
  const org = demoOrg();
  let browser: Browser;
  let alex: PlaygroundPage;
  let patti: PlaygroundPage;
  let pattiPlayground: RunningPlayground;

  beforeAll(async () => {
    browser = await launchBrowser();
    pattiPlayground = await startPlaygroundAs('patti');
    patti = await PlaygroundPage.open(browser, pattiPlayground.url);
    alex = await PlaygroundPage.open(browser, e2eEnvironment().playgroundUrl);
  });

  afterAll(async () => {
    await alex?.close();
    await patti?.close();
    await pattiPlayground?.stop();
    await browser?.close();
  });

  it('posts the ticket card in the help desk channel and updates it when an agent assigns it to herself', async () => {
    await withFailureScreenshot(patti, 'help-desk-channel', async () => {
      await patti.openChannel(org.team.helpDesk.name);
      await patti.settle();
      const registered = await patti.countLogLines(/message 200/);
      await patti.postInChannel('register help desk');
      await patti.waitForLogLine(/message 200/, registered);
      await patti.page.getByText('is now the help desk channel').first().waitFor({ timeout: 15_000 });

      await withFailureScreenshot(alex, 'help-desk-requester', async () => {
        await alex.openPersonalChat();
        await alex.settle();
        const before = await alex.cardCount();
        await alex.sendMessage('new request');
        const card = await alex.waitForNewCard(before);
        await alex.chooseCardOption(card, 'A new connector or environment');
        await alex.pressCardButton(card, 'Next');
        await alex.waitForCardText(card, "What's happening?");
        await alex.fillCardInput(card, 'Title', 'We need the SAP ERP connector');
        await alex.fillCardInput(card, 'Description', 'Finance wants to read purchase orders from SAP in a flow.');
        await alex.chooseCardOption(card, 'My team');
        await alex.chooseCardOption(card, /workaround/i);
        await alex.pressCardButton(card, 'Review');
        await alex.waitForCardText(card, 'Review your request');
        await alex.pressCardButton(card, 'Submit');
        await alex.waitForCardText(card, /HD-\d{6}/);
      });

      // The outbox worker posts the ticket card to the registered channel.
      const ticket = patti.cards().filter({ hasText: 'We need the SAP ERP connector' }).first();
      await ticket.waitFor({ timeout: 30_000 });
      await patti.waitForCardText(ticket, /HD-\d{6}/);
      expect(await patti.cardText(ticket)).toContain('Unassigned');
      await patti.screenshot('help-desk-ticket-posted');

      await patti.pressCardButton(ticket, 'Assign to me');
      await patti.waitForCardText(ticket, org.person('patti').name);
      await patti.screenshot('help-desk-ticket-assigned');
    });
  });
});
