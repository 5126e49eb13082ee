import { Browser } from 'playwright-core';
import { demoOrg } from '../../scripts/lib/demo-org';
import { RunningPlayground } from '../../scripts/lib/playground';
import { launchBrowser } from './support/browser';
import { e2eEnvironment } from './support/e2e-env';
import { startPlaygroundAs } from './support/personas';
import { PlaygroundPage, withFailureScreenshot } from './support/playground-page';

/**
 * Checks of the harness itself: the demo organisation reaches the playground (our launcher lifts
 * its 5-user / 1-channel limits), channel posts reach the bot, and a second playground can sign in
 * as another person. A playground upgrade that breaks one of these fails here first.
 */
describe('Agents Playground harness', () => {
  const org = demoOrg();
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('serves the demo organisation: all people, the team and its channels', async () => {
    const response = await fetch(`${e2eEnvironment().playgroundUrl}/_internal/v1/config`);
    const { config } = (await response.json()) as {
      config: { currentUser: { name: string }; users: { aadObjectId: string }[]; teams: { name: string; channels: { id: string; name: string }[] }[] };
    };
    expect(config.currentUser.name).toBe(org.requester.name);
    expect(config.users.map((u) => u.aadObjectId).sort()).toEqual(org.people.filter((p) => p !== org.currentUser).map((p) => p.aadObjectId).sort());
    expect(config.teams[0].name).toBe(org.team.name);
    expect(config.teams[0].channels).toEqual(org.team.channels.map(({ id, name }) => expect.objectContaining({ id, name })));

    const playground = await PlaygroundPage.open(browser, e2eEnvironment().playgroundUrl);
    try {
      for (const channel of org.team.channels) await playground.conversation(`${org.team.name} - ${channel.name}`).waitFor();
      await playground.conversation(org.groupChat.name).waitFor();
    } finally {
      await playground.close();
    }
  });

  it('delivers a channel post that @mentions the bot', async () => {
    const playground = await PlaygroundPage.open(browser, e2eEnvironment().playgroundUrl);
    try {
      await withFailureScreenshot(playground, 'harness-channel', async () => {
        await playground.openChannel(org.team.helpDesk.name);
        // The log panel records "message 200" when the bot accepted the activity.
        const delivered = await playground.countLogLines(/message 200/);
        await playground.postInChannel('harness check');
        await playground.waitForLogLine(/message 200/, delivered);
        await playground.screenshot('harness-help-desk-channel');
      });
    } finally {
      await playground.close();
    }
  });

  it('signs in as another demo person in a second playground', async () => {
    const adele = org.person('adele');
    let second: RunningPlayground | undefined;
    let playground: PlaygroundPage | undefined;
    try {
      second = await startPlaygroundAs('adele');
      playground = await PlaygroundPage.open(browser, second.url);
      await playground.page.getByRole('img', { name: adele.name }).first().waitFor();
      await playground.openPersonalChat();
      const before = await playground.cardCount();
      await playground.sendMessage('hi');
      await playground.waitForCardText(await playground.waitForNewCard(before), `Hi ${adele.givenName}`);
      await playground.screenshot('harness-signed-in-as-adele');
    } finally {
      await playground?.close();
      await second?.stop();
    }
  });
});
