import { learntEndpoints, registerDemoChannels } from '../load-demo-data';
import { demoOrg, type DemoPerson, type DemoPersonKey, type DemoTeam } from './demo-org';
import type { OutputMode } from './processes';
import { RunningPlayground, startPlayground } from './playground';

/**
 * The demo's people, each in their own Microsoft 365 Agents Playground, all against one bot: used by
 * `npm run dev` and by the browser tests' global setup.
 *
 * The playground delivers proactive messages only to its own signed-in user, so every persona has a
 * playground; the bot learns where each person is from their own activities. To know a persona before
 * they type anything (the maker's first DM goes to the maker's playground, not to whichever one spoke
 * last), each playground "installs the app" for its persona at start, as Teams does when the app is
 * installed for someone: the playground's own installation request, which sends the bot an
 * installationUpdate and a conversationUpdate from that persona's personal chat.
 */

export interface PersonaPlayground {
  readonly person: DemoPerson;
  /** The team this persona's playground shows. */
  readonly team: DemoTeam;
  readonly playground: RunningPlayground;
}

export interface PersonaPlaygroundOptions {
  readonly botEndpoint: string;
  /** A port per persona (every persona of the demo organisation must have one). */
  readonly ports: ReadonlyMap<DemoPersonKey, number>;
  readonly logFile: (person: DemoPerson) => string;
  readonly output: (person: DemoPerson) => OutputMode;
  readonly timeoutMs?: number;
}

/** Starts every persona's playground at once; if one fails, the others are stopped. */
export async function startPersonaPlaygrounds(options: PersonaPlaygroundOptions): Promise<PersonaPlayground[]> {
  const org = demoOrg();
  const started = await Promise.allSettled(
    org.personas.map(async (person): Promise<PersonaPlayground> => {
      const port = options.ports.get(person.key);
      if (port === undefined) throw new Error(`no port for ${person.name}`);
      const playground = await startPlayground({
        botEndpoint: options.botEndpoint,
        port,
        signedInAs: person.key,
        name: person.key,
        logFile: options.logFile(person),
        output: options.output(person),
        timeoutMs: options.timeoutMs ?? 60_000,
      });
      return { person, team: org.teamOf(person.key), playground };
    }),
  );
  const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  const ok = started.filter((r): r is PromiseFulfilledResult<PersonaPlayground> => r.status === 'fulfilled').map((r) => r.value);
  if (failed) {
    await Promise.all(ok.map((p) => p.playground.stop()));
    throw failed.reason;
  }
  return ok;
}

/** The Bot Connector URL a playground gives the bot (its activities' serviceUrl). */
export function connectorUrl(playground: RunningPlayground): string {
  return `${playground.url}/_connector`;
}

function hostOf(playgrounds: readonly PersonaPlayground[], team: DemoTeam): PersonaPlayground {
  const host = playgrounds.find((p) => p.team.id === team.id);
  if (!host) throw new Error(`no persona's playground shows ${team.name}`);
  return host;
}

/** Registers the help desk and dedicated team channels where their teams are shown (see load-demo-data). */
export async function registerChannels(storageConnectionString: string, playgrounds: readonly PersonaPlayground[]): Promise<void> {
  const org = demoOrg();
  await registerDemoChannels(
    { STORAGE_CONNECTION_STRING: storageConnectionString },
    {
      helpDesk: connectorUrl(hostOf(playgrounds, org.helpDesk.team).playground),
      dedicatedTeam: connectorUrl(hostOf(playgrounds, org.dedicatedTeamQueue.team).playground),
    },
  );
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Installs the app in every persona's personal chat (the playground's own request, as its page sends
 * when the chat is first opened) and waits until the bot has learnt each persona's endpoint. The
 * bot answers with its welcome card, which waits in the playground until the persona's page opens.
 */
export async function introducePersonas(
  storageConnectionString: string,
  playgrounds: readonly PersonaPlayground[],
  timeoutMs = 30_000,
): Promise<void> {
  await Promise.all(
    playgrounds.map(async ({ person, playground }) => {
      const url = `${playground.url}/_debug/conversation/${encodeURIComponent(person.personalChatId)}/installation`;
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${person.name}'s playground answered ${response.status} to the app's installation`);
    }),
  );
  const env = { STORAGE_CONNECTION_STRING: storageConnectionString };
  const deadline = Date.now() + timeoutMs;
  let waiting: readonly PersonaPlayground[] = playgrounds;
  while (waiting.length > 0) {
    const seen = await learntEndpoints(
      env,
      waiting.map((p) => p.person.aadObjectId),
    );
    waiting = waiting.filter((p) => seen.get(p.person.aadObjectId)?.serviceUrl !== connectorUrl(p.playground));
    if (waiting.length === 0) return;
    if (Date.now() > deadline) {
      throw new Error(
        `the bot did not learn where ${waiting.map((p) => p.person.name).join(', ')} ${waiting.length === 1 ? 'is' : 'are'} within ${Math.round(timeoutMs / 1000)} s ` +
          "(the installation activities did not reach it: look at the bot's log)",
      );
    }
    await sleep(250);
  }
}
