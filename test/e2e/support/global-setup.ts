import fs from 'node:fs';
import path from 'node:path';
import { loadDemoData } from '../../../scripts/load-demo-data';
import { RunningAzurite, startAzurite } from '../../../scripts/lib/azurite';
import { botEndpoint, botHealthUrl, startBotProcess } from '../../../scripts/lib/bot';
import { startDemoGraph } from '../../../scripts/lib/graph';
import type { GraphStandIn } from '../../support/graph-stand-in';
import { demoOrg, DemoPersonKey } from '../../../scripts/lib/demo-org';
import { introducePersonas, PersonaPlayground, registerChannels, startPersonaPlaygrounds } from '../../../scripts/lib/demo-stack';
import { startPlayground, type RunningPlayground } from '../../../scripts/lib/playground';
import { findFreePort } from '../../../scripts/lib/ports';
import { ManagedProcess } from '../../../scripts/lib/processes';
import { waitForHttp } from '../../../scripts/lib/wait-for-http';
import { FRENCH_PERSON, LOG_DIR, publishE2eEnvironment, RESULTS_DIR } from './e2e-env';

/** What the teardown stops (globalSetup and globalTeardown share this process's globals). */
export interface E2eStack {
  azurite?: RunningAzurite;
  graph?: GraphStandIn;
  bot?: ManagedProcess;
  playgrounds?: PersonaPlayground[];
  french?: RunningPlayground;
}

const STACK_KEY = '__SUPPORT_BOT_E2E_STACK__';

export function e2eStack(): E2eStack {
  const holder = globalThis as unknown as Record<string, E2eStack | undefined>;
  holder[STACK_KEY] ??= {};
  return holder[STACK_KEY];
}

async function distinctFreePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await findFreePort());
  return [...ports];
}

function logFile(name: string): string {
  return path.join(LOG_DIR, `${name}.log`);
}

const quiet = { out: { write: () => true }, err: process.stderr };

/**
 * Starts what `npm run dev` starts, with the same code (scripts/lib/demo-stack.ts), on free ports:
 * Azurite (in memory) with the demo catalog, the bot (local mode, via tsx), one Agents Playground
 * per persona, the help desk and dedicated team channels registered, every persona introduced to the
 * bot. Their output goes to test-results/e2e-logs/ so that the jest output stays readable.
 */
export default async function globalSetup(): Promise<void> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.rmSync(LOG_DIR, { recursive: true, force: true });
  fs.mkdirSync(LOG_DIR, { recursive: true });
  const org = demoOrg();
  const stack = e2eStack();
  const [azuritePort, botPort, frenchPort, ...personaPorts] = await distinctFreePorts(3 + org.personas.length);
  const logs = `see ${path.relative(process.cwd(), LOG_DIR)}/`;

  try {
    stack.azurite = await startAzurite({ port: azuritePort, output: { kind: 'file', file: logFile('azurite') } });
    const storage = stack.azurite.connectionString;
    // People the demo catalog names by email resolve through the Graph stand-in, as in `npm run dev`.
    stack.graph = await startDemoGraph();
    const graphBaseUrl = stack.graph.baseUrl;
    const loaded = await loadDemoData({ STORAGE_CONNECTION_STRING: storage, GRAPH_BASE_URL: graphBaseUrl }, quiet);
    if (loaded !== 0) throw new Error(`loading the demo catalog failed (exit code ${loaded})`);

    const bot = startBotProcess({
      port: botPort,
      storageConnectionString: storage,
      entry: process.env.E2E_BOT_ENTRY,
      nodeEnv: 'test',
      env: {
        ADMIN_IDS: org.admins.map((p) => p.aadObjectId).join(','),
        GRAPH_BASE_URL: graphBaseUrl,
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'debug',
      },
      output: { kind: 'file', file: logFile('bot') },
    });
    stack.bot = bot;
    // Side by side, as in `npm run dev`; both settle before anything is judged, so nothing is left running.
    const [botUp, started, french] = await Promise.allSettled([
      waitForHttp(botHealthUrl(botPort), { timeoutMs: 90_000, failIfExited: [bot], hint: `The bot's output: ${logFile('bot')}` }),
      startPersonaPlaygrounds({
        botEndpoint: botEndpoint(botPort),
        ports: new Map(org.personas.map((p, i) => [p.key, personaPorts[i]])),
        logFile: (person) => logFile(`agents-playground-${person.key}`),
        output: (person) => ({ kind: 'file', file: logFile(`playground-${person.key}`) }),
      }),
      startFrenchPlayground(botEndpoint(botPort), frenchPort!),
    ]);
    if (started.status === 'fulfilled') stack.playgrounds = started.value;
    if (french.status === 'fulfilled') stack.french = french.value;
    if (botUp.status === 'rejected') throw botUp.reason;
    if (started.status === 'rejected') throw started.reason;
    if (french.status === 'rejected') throw french.reason;
    const playgrounds = started.value;
    await registerChannels(storage, playgrounds);
    await introducePersonas(storage, playgrounds);
  } catch (error) {
    await stopStack(stack);
    throw new Error(`browser-test setup failed (${logs}): ${(error as Error).message}`);
  }

  publishE2eEnvironment({
    playgrounds: Object.fromEntries((stack.playgrounds ?? []).map((p) => [p.person.key, p.playground.url])) as Record<
      DemoPersonKey,
      string
    >,
    frenchPlayground: stack.french!.url,
    botEndpoint: botEndpoint(botPort),
    storageConnectionString: stack.azurite.connectionString,
  });
}

/**
 * A person whose Teams is in French (issue 15): Diego (a help desk agent, who has no playground of
 * his own in `npm run dev`, so no English journey shares his remembered language) in a playground
 * whose every activity says fr-FR and whose clock is in Paris.
 */
function startFrenchPlayground(endpoint: string, port: number): Promise<RunningPlayground> {
  return startPlayground({
    botEndpoint: endpoint,
    port,
    signedInAs: FRENCH_PERSON,
    client: { locale: 'fr-FR', timeZone: 'Europe/Paris' },
    name: 'diego-fr',
    logFile: logFile('agents-playground-diego-fr'),
    output: { kind: 'file', file: logFile('playground-diego-fr') },
    timeoutMs: 60_000,
  });
}

export async function stopStack(stack: E2eStack): Promise<void> {
  await Promise.all([...(stack.playgrounds ?? []).map((p) => p.playground.stop()), stack.french?.stop(), stack.bot?.stop()]);
  await Promise.all([stack.azurite?.stop(), stack.graph?.stop()]);
  stack.playgrounds = stack.french = stack.bot = stack.azurite = stack.graph = undefined;
}
