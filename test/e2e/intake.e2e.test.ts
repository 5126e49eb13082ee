import { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { e2eEnvironment } from './support/e2e-env';
import { PlaygroundPage, withFailureScreenshot } from './support/playground-page';

/** A person walking the questionnaire in the playground's personal chat, card refreshing in place. */
describe('intake questionnaire in the Agents Playground', () => {
  let browser: Browser;
  let playground: PlaygroundPage;

  beforeAll(async () => {
    browser = await launchBrowser();
    playground = await PlaygroundPage.open(browser, e2eEnvironment().playgroundUrl);
  });

  afterAll(async () => {
    await playground?.close();
    await browser?.close();
  });

  it('completes a help desk question and shows the confirmation card', async () => {
    await withFailureScreenshot(playground, 'intake-help-desk', async () => {
      await playground.openPersonalChat();
      await playground.settle();
      const before = await playground.cardCount();

      await playground.sendMessage('new request');
      const card = await playground.waitForNewCard(before);
      await playground.waitForCardText(card, 'What do you need?');

      await playground.chooseCardOption(card, 'Finding an app, or how to do something');
      await playground.pressCardButton(card, 'Next');
      await playground.waitForCardText(card, "What's happening?");

      await playground.fillCardInput(card, 'Title', 'Where is the travel request app?');
      await playground.fillCardInput(card, 'Description', 'I need to book a trip and cannot find the app.');
      await playground.fillCardInput(card, 'Since when?', 'today');
      await playground.chooseCardOption(card, 'Just me');
      await playground.chooseCardOption(card, /^A workaround exists/);
      await playground.pressCardButton(card, 'Review');
      await playground.pastAnswers(card);
      await playground.waitForCardText(card, 'Review your request');
      await playground.waitForCardText(card, 'The help desk can point you to the right app');
      await playground.screenshot('intake-review');

      await playground.pressCardButton(card, 'Submit');
      await playground.waitForCardText(card, /Request REQ-[0-9A-Z]{8} \(ticket HD-\d{6}\) submitted/);
      const confirmation = await playground.cardText(card);
      expect(confirmation).toContain('The help desk');
      expect(confirmation).toContain('Where is the travel request app?');
      // The questionnaire refreshed one card in place: no extra card was posted.
      expect(await playground.cardCount()).toBe(before + 1);
      await playground.screenshot('intake-confirmation');
    });
  });
});
