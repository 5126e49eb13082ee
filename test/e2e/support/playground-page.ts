import fs from 'node:fs';
import path from 'node:path';
import { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { demoOrg } from '../../../scripts/lib/demo-org';
import { RESULTS_DIR } from './e2e-env';

/**
 * Page object for the Microsoft 365 Agents Playground web UI (@microsoft/m365agentsplayground 0.2.x).
 *
 * Selectors, from the most to the least stable:
 * - conversations in the left rail are `role=treeitem` named "Personal Chat", the group chat's name,
 *   and "<team> - <channel>" (e.g. "IT Support - Help Desk");
 * - the composer is a Lexical contenteditable `[data-lexical-editor=true]`: one in a chat; in a
 *   channel the first is "Start a new post" (with a "Post" button), the others are thread replies;
 * - every Adaptive Card is rendered by the adaptivecards SDK as `.ac-adaptiveCard` (the card root),
 *   text as `.ac-textBlock`, and each action as a `<button>` whose accessible name is its title;
 * - in chats each bot message sits in a `.fai-OutputCard` (Fluent AI "Copilot" component);
 * - after an Action.Execute the card shows "Your response was sent to the app"
 *   (`[aria-label="Display Invoked Message"]`);
 * - the log panel on the right lists every activity ("message 200", "invoke 200", ...).
 * The playground cannot switch the signed-in user in its UI: every persona has a playground of
 * their own (scripts/lib/demo-stack.ts), and a page only shows what arrives while it is open (plus
 * what arrived before any page of that playground was open): keep one page per persona open.
 */
export class PlaygroundPage {
  private constructor(
    readonly page: Page,
    private readonly context: BrowserContext,
    readonly url: string,
  ) {}

  /** Opens the playground in a fresh browser context and waits until it is connected to the bot. */
  static async open(browser: Browser, url: string): Promise<PlaygroundPage> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-US' });
    const page = await context.newPage();
    const playground = new PlaygroundPage(page, context, url);
    await page.goto(url);
    await playground.conversation('Personal Chat').waitFor({ timeout: 30_000 });
    await page.locator('[data-lexical-editor=true]').first().waitFor({ timeout: 30_000 });
    // The playground waits (up to 15 s) for the bot's endpoint, then logs "Connected.".
    await playground.logPanel().getByText('Connected.', { exact: true }).first().waitFor({ timeout: 30_000 });
    return playground;
  }

  async close(): Promise<void> {
    await this.context.close();
  }

  // ---- conversations -------------------------------------------------------------------------

  /** A conversation in the left rail by its accessible name. */
  conversation(name: string): Locator {
    return this.page.getByRole('treeitem', { name, exact: true });
  }

  async openPersonalChat(): Promise<void> {
    await this.openConversation('Personal Chat');
  }

  async openGroupChat(name = demoOrg().groupChat.name): Promise<void> {
    await this.openConversation(name);
  }

  /** Opens a channel of the playground's team, e.g. `openChannel('IT Support', 'Help Desk')`. */
  async openChannel(team: string, channel: string): Promise<void> {
    await this.openConversation(`${team} - ${channel}`);
  }

  private async openConversation(name: string): Promise<void> {
    await this.conversation(name).click();
    await this.page.locator('[data-lexical-editor=true]').first().waitFor();
    // Opening a conversation for the first time sends installationUpdate/conversationUpdate to the
    // bot, which may answer (the welcome card in personal chat): let that land first.
    await this.settle();
  }

  // ---- sending -------------------------------------------------------------------------------

  /** Types and sends a message in the open personal or group chat. */
  async sendMessage(text: string): Promise<void> {
    const editor = this.page.locator('[data-lexical-editor=true]').last();
    await editor.click();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
    // Sent: the composer is empty again.
    await this.page.waitForFunction((el) => (el?.textContent ?? '').trim() === '', await editor.elementHandle());
  }

  /**
   * Starts a new post in the open channel. Teams only sends channel messages to a bot that is
   * @mentioned, so the bot is mentioned first unless `mentionBot` is false.
   */
  async postInChannel(text: string, options: { mentionBot?: boolean } = {}): Promise<void> {
    const editor = this.page.locator('[data-lexical-editor=true]').first();
    await editor.click();
    if (options.mentionBot ?? true) {
      const botName = demoOrg().bot.name;
      await this.page.keyboard.type(`@${botName.slice(0, 3)}`);
      await this.page.getByRole('menuitem', { name: botName }).click();
      await this.page.keyboard.type(' ');
    }
    await this.page.keyboard.type(text);
    await this.page.getByRole('button', { name: 'Post', exact: true }).click();
  }

  // ---- cards ---------------------------------------------------------------------------------

  /** All Adaptive Cards of the open conversation, in order (not the cards an Action.ShowCard opens inside one). */
  cards(): Locator {
    return this.page.locator('.ac-adaptiveCard:not(.ac-adaptiveCard .ac-adaptiveCard)');
  }

  /** The latest card whose text contains `text`, waited for (up to `timeoutMs`). */
  async cardWith(text: string | RegExp, timeoutMs = 30_000): Promise<Locator> {
    const card = this.cards().filter({ hasText: text }).last();
    try {
      await card.waitFor({ timeout: timeoutMs });
    } catch {
      const last = (await this.botMessages()).slice(-3).map((t) => `"${t.slice(0, 120)}"`);
      throw new Error(`no card showing ${String(text)} within ${timeoutMs} ms; the last bot messages here: ${last.join(', ') || 'none'}`);
    }
    return card;
  }

  lastCard(): Locator {
    return this.cards().last();
  }

  async cardCount(): Promise<number> {
    return this.cards().count();
  }

  /** Waits for a card after the first `previousCount` ones and returns it (by position). */
  async waitForNewCard(previousCount: number, timeoutMs = 15_000): Promise<Locator> {
    const card = this.cards().nth(previousCount);
    try {
      await card.waitFor({ timeout: timeoutMs });
    } catch {
      const last = (await this.botMessages()).slice(-3).map((text) => `"${text.slice(0, 120)}"`);
      throw new Error(
        `no new Adaptive Card within ${timeoutMs} ms (${previousCount} before); ` +
          `the bot's last messages here: ${last.length > 0 ? last.join(', ') : 'none'}. ` +
          'The bot log is in test-results/e2e-logs/bot.log.',
      );
    }
    return card;
  }

  /** A button (an action) of a card, by its title. */
  cardButton(card: Locator, title: string): Locator {
    return card.getByRole('button', { name: title, exact: true });
  }

  async pressCardButton(card: Locator, title: string): Promise<void> {
    await this.cardButton(card, title).click();
  }

  /**
   * An Action.ShowCard with a form: opens it with `showTitle`, fills its text inputs (by label) and
   * presses its `submitTitle` (the last button of that name: the ShowCard's own may share it). The
   * playground redraws every card of a conversation when a message arrives there (closing the form
   * and dropping what was typed), so it waits for a quiet moment first and starts over if the form
   * was redrawn before it was sent.
   */
  async submitShowCard(card: Locator, showTitle: string, inputs: Record<string, string>, submitTitle: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      await this.quiet();
      await this.cardButton(card, showTitle).first().click();
      for (const [label, value] of Object.entries(inputs)) await this.fillCardInput(card, label, value);
      const kept = await Promise.all(
        Object.entries(inputs).map(
          async ([label, value]) =>
            (await this.cardInput(card, label)
              .inputValue()
              .catch(() => '')) === value,
        ),
      );
      if (kept.every(Boolean)) {
        await this.cardButton(card, submitTitle).last().click();
        return;
      }
      if (attempt === 3) throw new Error(`the "${showTitle}" form was redrawn three times before it could be sent`);
    }
  }

  /** Waits until the log panel has had no new line for `quietMs` (nothing sent or received). */
  async quiet(quietMs = 1500, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last = await this.logPanel().innerText();
    let quietSince = Date.now();
    while (Date.now() < deadline && Date.now() - quietSince < quietMs) {
      await this.page.waitForTimeout(150);
      const now = await this.logPanel().innerText();
      if (now !== last) {
        last = now;
        quietSince = Date.now();
      }
    }
  }

  private cardInput(card: Locator, label: string): Locator {
    const name = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`);
    return card.getByRole('textbox', { name }).last();
  }

  /** Types into a card's text input, found by its label (required inputs add " *" to the name). */
  async fillCardInput(card: Locator, label: string, value: string): Promise<void> {
    await this.cardInput(card, label).fill(value);
  }

  /** Picks an option of an expanded choice set (a radio button), by its title. */
  async chooseCardOption(card: Locator, title: string | RegExp): Promise<void> {
    const radio = card.getByRole('radio', { name: title }).first();
    // Fluent UI radios are styled over the input: click the option like a person, then verify.
    await radio.click({ force: true });
    if (!(await radio.isChecked())) throw new Error(`the option ${String(title)} did not get selected`);
  }

  /** The card's visible text, whitespace collapsed. */
  async cardText(card: Locator): Promise<string> {
    return normalise(await card.innerText());
  }

  /** Waits until the card's text contains `expected`. */
  async waitForCardText(card: Locator, expected: string | RegExp, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let text = '';
    while (Date.now() < deadline) {
      text = await this.cardText(card).catch(() => '');
      if (typeof expected === 'string' ? text.includes(expected) : expected.test(text)) return;
      await this.page.waitForTimeout(100);
    }
    throw new Error(`the card never showed ${String(expected)}; it shows: ${text}`);
  }

  /**
   * After the questionnaire's details: the knowledge base's answers step (issue 16), when the
   * questionnaire offers one (articles, or the solution's known workarounds), passed with "I still need help".
   */
  /** Past the answers step when the questionnaire offers it ("I still need help"); the words default to English. */
  async pastAnswers(
    card: Locator,
    words = { heading: 'These may answer your question', stillNeed: 'I still need help', review: 'Review your request' },
  ): Promise<void> {
    await this.waitForCardText(card, new RegExp(`${escaped(words.heading)}|${escaped(words.review)}`));
    if ((await this.cardText(card)).includes(words.heading)) await this.pressCardButton(card, words.stillNeed);
  }

  /** The texts of the bot's messages in the open chat (cards included), oldest first. */
  async botMessages(): Promise<string[]> {
    return (await this.page.locator('.fai-OutputCard').allInnerTexts()).map(normalise);
  }

  // ---- log panel, screenshots ------------------------------------------------------------------

  /** The playground's log panel (activities in and out, with status codes). */
  logPanel(): Locator {
    return this.page.locator('div[contenteditable=true][spellcheck=false]');
  }

  async logLines(): Promise<string[]> {
    return (await this.logPanel().innerText()).split('\n').filter((line) => line.trim() !== '');
  }

  /** How many log panel lines match `pattern` (e.g. /message 200/: activities the bot accepted). */
  async countLogLines(pattern: RegExp): Promise<number> {
    return (await this.logLines()).filter((line) => pattern.test(line)).length;
  }

  /** Waits until more than `previous` log panel lines match `pattern`. */
  async waitForLogLine(pattern: RegExp, previous: number, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((await this.countLogLines(pattern)) <= previous) {
      if (Date.now() > deadline) throw new Error(`the log panel never showed another ${String(pattern)}`);
      await this.page.waitForTimeout(100);
    }
  }

  /** Saves a full-page screenshot as test-results/<name>.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
    await this.page.screenshot({ path: file, fullPage: true });
    return file;
  }

  /** Waits until no card or bot message has appeared for `quietMs` (at most `timeoutMs`). */
  async settle(quietMs = 1000, timeoutMs = 10_000): Promise<void> {
    const snapshot = async (): Promise<string> => `${await this.cards().count()}/${await this.page.locator('.fai-OutputCard').count()}`;
    const deadline = Date.now() + timeoutMs;
    let last = await snapshot();
    let quietSince = Date.now();
    while (Date.now() < deadline) {
      await this.page.waitForTimeout(100);
      const now = await snapshot();
      if (now !== last) {
        last = now;
        quietSince = Date.now();
      } else if (Date.now() - quietSince >= quietMs) {
        return;
      }
    }
  }
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Runs `fn`; when it throws, saves test-results/<name>-failure.png first, so a red test always
 * comes with a picture of the playground.
 */
export async function withFailureScreenshot<T>(playground: PlaygroundPage, name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    const file = await playground.screenshot(`${name}-failure`).catch(() => undefined);
    if (file && error instanceof Error) {
      const note = `\n(screenshot: ${path.relative(process.cwd(), file)})`;
      if (error.stack?.includes(error.message)) error.stack = error.stack.replace(error.message, error.message + note);
      error.message += note;
    }
    throw error;
  }
}

function escaped(words: string): string {
  return words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
