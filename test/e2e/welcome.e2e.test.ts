import fs from 'node:fs';
import path from 'node:path';
import { Browser } from 'playwright-core';
import { demoOrg } from '../../scripts/lib/demo-org';
import { repoRoot } from '../../scripts/lib/paths';
import { launchBrowser } from './support/browser';
import { e2eEnvironment } from './support/e2e-env';
import { PlaygroundPage, withFailureScreenshot } from './support/playground-page';

/**
 * The welcome card's "more" button and what its refresh adds: which words, read from the template
 * itself (`${t.<key>}`), in English from locales/en/cards.json (the playground's locale is en-US).
 */
function welcomeTemplate(): { moreTitle: string; expandedHeading: string } {
  const card = JSON.parse(fs.readFileSync(path.join(repoRoot, 'cards', 'welcome.json'), 'utf8'));
  const words = JSON.parse(fs.readFileSync(path.join(repoRoot, 'locales', 'en', 'cards.json'), 'utf8')).welcome as Record<string, string>;
  const word = (binding: string | undefined) => /^\$\{t\.([\w-]+)\}$/.exec(binding ?? '')?.[1];
  const more = card.actions.find((a: { verb?: string }) => a.verb === 'welcome.more');
  const expanded = card.body.find((e: { $when?: string }) => e.$when === '${expanded}');
  const heading = expanded?.items?.find((i: { type: string; text?: string }) => i.type === 'TextBlock' && word(i.text) !== undefined);
  const moreTitle = words[word(more?.title) ?? ''];
  const expandedHeading = words[word(heading?.text) ?? ''];
  if (!moreTitle || !expandedHeading) throw new Error('cards/welcome.json changed shape: update welcome.e2e.test.ts');
  return { moreTitle, expandedHeading };
}

describe('welcome card in the Agents Playground', () => {
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

  it('answers "hi" in personal chat with a welcome that opens the questionnaire, and "What can you do?" refreshes it in place', async () => {
    const { moreTitle, expandedHeading } = welcomeTemplate();
    const me = demoOrg().currentUser;

    await withFailureScreenshot(playground, 'welcome', async () => {
      await playground.openPersonalChat();
      const before = await playground.cardCount();

      await playground.sendMessage('hi');
      const card = await playground.waitForNewCard(before);
      await playground.waitForCardText(card, `Hi ${me.givenName}`);
      await playground.waitForCardText(card, 'What do you need?');
      await expectVisible(playground.cardButton(card, moreTitle));
      const collapsedText = await playground.cardText(card);
      expect(collapsedText).not.toContain(expandedHeading);
      await playground.screenshot('welcome-card');

      await playground.pressCardButton(card, moreTitle);
      await playground.waitForCardText(card, expandedHeading);
      const expandedText = await playground.cardText(card);
      expect(expandedText).toContain(`Hi ${me.givenName}`);
      // Refreshed in place: the same card changed, no new message was added, the button is gone.
      expect(await playground.cardCount()).toBe(before + 1);
      expect(await playground.cardButton(card, moreTitle).count()).toBe(0);
      await playground.screenshot('welcome-card-refreshed');
    });
  });
});

async function expectVisible(locator: import('playwright-core').Locator): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout: 10_000 });
}
