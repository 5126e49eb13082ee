import fs from 'node:fs';
import path from 'node:path';
import { Browser } from 'playwright-core';
import { repoRoot } from '../../scripts/lib/paths';
import { launchBrowser } from './support/browser';
import { e2eEnvironment } from './support/e2e-env';
import { PlaygroundPage, withFailureScreenshot } from './support/playground-page';

type Bundle = { readonly [name: string]: string | Bundle };

/** A text of locales/<lng>/<namespace>.json by its dotted path, with `{{…}}` placeholders left out. */
function words(locale: 'en' | 'fr', namespace: string, dotted: string): string {
  const bundle = JSON.parse(fs.readFileSync(path.join(repoRoot, 'locales', locale, `${namespace}.json`), 'utf8')) as Bundle;
  const found = dotted
    .split('.')
    .reduce<string | Bundle | undefined>((at, name) => (typeof at === 'object' ? at[name] : undefined), bundle);
  if (typeof found !== 'string') throw new Error(`locales/${locale}/${namespace}.json has no ${dotted}`);
  // As the page reads a card: French spaces before ":" and inside « » are non-breaking; any run of blanks is one space.
  return found.replace(/\s+/g, ' ');
}

/** The words around a text's first placeholder (what a card shows of it whatever the value). */
function fixedPart(text: string): string {
  return text.split('{{')[0]!.trim();
}

const fr = (namespace: string, dotted: string) => words('fr', namespace, dotted);

/**
 * A person whose Teams is in French (the playground sends locale fr-FR and a Paris clock, as Teams
 * does): the questionnaire, its choices, the routing explanation and the confirmation are French,
 * the French command starts it, and none of the intake cards' English words is left on the card.
 */
describe('intake questionnaire in French in the Agents Playground', () => {
  let browser: Browser;
  let playground: PlaygroundPage;

  beforeAll(async () => {
    browser = await launchBrowser();
    playground = await PlaygroundPage.open(browser, e2eEnvironment().frenchPlayground);
  });

  afterAll(async () => {
    await playground?.close();
    await browser?.close();
  });

  it('completes a help desk question in French and shows the confirmation card in French', async () => {
    await withFailureScreenshot(playground, 'intake-french', async () => {
      await playground.openPersonalChat();
      await playground.settle();
      const before = await playground.cardCount();

      await playground.sendMessage(fr('common', 'commands.newRequest').split('|')[0]!);
      const card = await playground.waitForNewCard(before);
      await playground.waitForCardText(card, fr('cards', 'intake-need.heading'));

      await playground.chooseCardOption(card, fr('labels', 'category.find-or-how-to'));
      await playground.pressCardButton(card, fr('cards', 'intake-need.next'));
      await playground.waitForCardText(card, fr('cards', 'intake-details.heading'));

      await playground.fillCardInput(card, fr('cards', 'intake-details.title'), 'Où est l’application de notes de frais ?');
      await playground.fillCardInput(
        card,
        fr('cards', 'intake-details.description'),
        'Je dois déclarer un déplacement et je ne la trouve pas.',
      );
      await playground.fillCardInput(card, fr('cards', 'intake-details.since'), 'aujourd’hui');
      await playground.chooseCardOption(card, fr('labels', 'impact.me'));
      await playground.chooseCardOption(card, fr('labels', 'urgency.workaround'));
      await playground.pressCardButton(card, fr('cards', 'intake-details.review'));
      await playground.pastAnswers(card, {
        heading: fr('knowledge', 'answers.heading'),
        stillNeed: fr('knowledge', 'answers.needHelp'),
        review: fr('cards', 'intake-review.heading'),
      });
      await playground.waitForCardText(card, fr('cards', 'intake-review.heading'));
      await playground.waitForCardText(card, fixedPart(fr('routing', 'helpDesk.findOrHowTo')));
      await playground.screenshot('intake-french-review');

      await playground.pressCardButton(card, fr('cards', 'intake-review.submit'));
      await playground.waitForCardText(card, /Demande REQ-[0-9A-Z]{8} \(ticket HD-\d{6}\) envoyée/);
      const confirmation = await playground.cardText(card);
      expect(confirmation).toContain('Où est l’application de notes de frais ?');
      expect(confirmation).toContain(fixedPart(fr('cards', 'intake-confirmation.whatNext')));
      for (const [namespace, key] of ENGLISH_ON_THE_WAY) expect(confirmation).not.toContain(fixedPart(words('en', namespace, key)));
      expect(await playground.cardCount()).toBe(before + 1);
      await playground.screenshot('intake-french-confirmation');
    });
  });
});

/** English words the intake's cards would show if a French text were missing or not looked up. */
const ENGLISH_ON_THE_WAY: ReadonlyArray<readonly [string, string]> = [
  ['cards', 'intake-confirmation.heading'],
  ['cards', 'intake-confirmation.whatNext'],
  ['cards', 'intake-confirmation.whoHasIt'],
  ['cards', 'intake-confirmation.severity'],
  ['labels', 'category.find-or-how-to'],
  ['routing', 'helpDesk.findOrHowTo'],
];
