import { Browser } from 'playwright-core';
import { learntEndpoints } from '../../scripts/load-demo-data';
import { demoOrg } from '../../scripts/lib/demo-org';
import { launchBrowser } from './support/browser';
import { e2eEnvironment, personaUrl } from './support/e2e-env';
import { PlaygroundPage, withFailureScreenshot } from './support/playground-page';

/**
 * Checks of the harness itself, which is `npm run dev`'s (scripts/lib/demo-stack.ts): every persona's
 * playground signs in as them and shows their own team with its members (our launcher lifts the
 * playground's 5-user / 1-channel limits and honours team members), the bot knows every persona
 * before anyone types, and channel posts reach the bot. A playground upgrade that breaks one of
 * these fails here first.
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

  it.each(org.personas.map((p) => [p.name, p.key] as const))(
    'serves %s their own playground: signed in, the whole organisation, their team and its members',
    async (_name, key) => {
      const url = personaUrl(e2eEnvironment().playgrounds, key);
      const me = org.person(key);
      const team = org.teamOf(key);
      const response = await fetch(`${url}/_internal/v1/config`);
      const { config } = (await response.json()) as {
        config: {
          currentUser: { name: string };
          users: { aadObjectId: string }[];
          teams: { id: string; name: string; channels: { id: string; name: string }[] }[];
        };
      };
      expect(config.currentUser.name).toBe(me.name);
      expect(config.users.map((u) => u.aadObjectId).sort()).toEqual(
        org.people
          .filter((p) => p !== me)
          .map((p) => p.aadObjectId)
          .sort(),
      );
      expect(config.teams.map((t) => t.name)).toEqual([team.name]);
      expect(config.teams[0].channels).toEqual(team.channels.map(({ id, name }) => expect.objectContaining({ id, name })));

      // The team's roster, as the bot's membership checks read it through the playground's connector.
      const members = (await (await fetch(`${url}/_connector/v3/conversations/${encodeURIComponent(team.id)}/members`)).json()) as {
        id: string;
      }[];
      const expected = team.memberIds ? new Set([...team.memberIds, me.id]) : new Set(org.people.map((p) => p.id));
      expect(members.map((m) => m.id).sort()).toEqual([...expected].sort());
    },
  );

  it('has introduced every persona to the bot before anyone typed: a DM to them goes to their own playground', async () => {
    const { playgrounds, storageConnectionString } = e2eEnvironment();
    const seen = await learntEndpoints(
      { STORAGE_CONNECTION_STRING: storageConnectionString },
      org.personas.map((p) => p.aadObjectId),
    );
    for (const person of org.personas) {
      expect({ who: person.name, serviceUrl: seen.get(person.aadObjectId)?.serviceUrl }).toEqual({
        who: person.name,
        serviceUrl: `${personaUrl(playgrounds, person.key)}/_connector`,
      });
    }
  });

  it('delivers a channel post that @mentions the bot', async () => {
    const playground = await PlaygroundPage.open(browser, personaUrl(e2eEnvironment().playgrounds, org.admin.key));
    try {
      await withFailureScreenshot(playground, 'harness-channel', async () => {
        await playground.openChannel(org.helpDesk.team.name, org.helpDesk.channel.name);
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
});
