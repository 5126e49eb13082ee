/**
 * `npm run dev`: the local demo. Azurite (tables, data in .azurite/), the bot (`tsx watch
 * src/index.ts`, local mode), and one Microsoft 365 Agents Playground per persona of the demo
 * organisation (`.m365agentsplayground.yml`: requester, maker, co-owner, help desk agent and admin,
 * dedicated team), all against the same bot. At start it loads the demo catalog, registers the help
 * desk and dedicated team channels, and installs the app for every persona so the bot can reach each
 * of them before they type anything. Then it prints one URL per persona and serves an index page
 * that links them. One Ctrl-C stops everything; if one process dies, the others are stopped and the
 * script exits non-zero, naming it.
 *
 *   npm run dev                      everything, data kept in .azurite/
 *   npm run dev -- --no-watch        run the bot without restarting it on changes
 *   npm run dev -- --reset           delete the local data first
 *   npm run dev -- --data-dir DIR    keep the data (and the playgrounds' logs) in DIR instead
 *
 * Ports: PORT (bot, 3978), AZURITE_TABLE_PORT (10002), PLAYGROUND_PORT (56150: the index page; the
 * personas' playgrounds take the next ports, 56151-56155).
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadDemoData } from './load-demo-data';
import { AZURITE_DEFAULT_TABLE_PORT, startAzurite } from './lib/azurite';
import { BOT_DEFAULT_PORT, botEndpoint, botHealthUrl, droppedBotVariables, startBotProcess } from './lib/bot';
import { startDemoGraph } from './lib/graph';
import { demoOrg, DemoPersonKey } from './lib/demo-org';
import { introducePersonas, PersonaPlayground, registerChannels, startPersonaPlaygrounds } from './lib/demo-stack';
import { indexHtml, serveIndexPage } from './lib/index-page';
import { repoRoot } from './lib/paths';
import { GUIDE_TEXT, personaGuide } from './lib/persona-guide';
import { PLAYGROUND_DEFAULT_PORT } from './lib/playground';
import { assertPortsFree, portFromEnv } from './lib/ports';
import { describeExit, ManagedProcess } from './lib/processes';
import { box, paint } from './lib/terminal';
import { waitForHttp } from './lib/wait-for-http';

const NAME_WIDTH = 'demo-data'.length;
/** Playground chatter that says nothing to a developer. */
const PLAYGROUND_NOISE =
  /^(No websocket clients connected|waiting for \d+ resources|wait-on\(\d+\) complete|started web socket client|stopping web socket client|Listening on \d+$|Waiting for connection of endpoint)/;

interface Options {
  readonly watch: boolean;
  readonly reset: boolean;
  readonly dataDir: string;
}

function usage(): string {
  return 'usage: npm run dev [-- --no-watch] [--reset] [--data-dir DIR]';
}

function parseArgs(argv: readonly string[]): Options {
  let watch = true;
  let reset = false;
  let dataDir = path.join(repoRoot, '.azurite');
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-watch') watch = false;
    else if (arg === '--reset') reset = true;
    else if (arg === '--data-dir') {
      const dir = argv[++i];
      if (!dir) throw new Error(`--data-dir needs a folder\n${usage()}`);
      dataDir = path.resolve(dir);
    } else if (arg === '--as') {
      throw new Error('--as is gone: every persona now has their own playground, all started by `npm run dev` (it prints their URLs).');
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${usage()}\n`);
      process.exit(0);
    } else throw new Error(`unknown argument "${arg}"\n${usage()}`);
  }
  return { watch, reset, dataDir };
}

const say = (text: string): void => {
  process.stdout.write(`${paint('bold', 'dev'.padEnd(NAME_WIDTH))} │ ${text}\n`);
};
const fail = (text: string): void => {
  process.stderr.write(
    `${paint('red', 'dev'.padEnd(NAME_WIDTH), process.stderr.isTTY === true)} │ ${paint('red', text, process.stderr.isTTY === true)}\n`,
  );
};
const prefixed = (name: string) => ({
  write: (chunk: string): boolean => {
    for (const line of chunk.replace(/\n$/, '').split('\n')) process.stdout.write(`${paint('green', name.padEnd(NAME_WIDTH))} │ ${line}\n`);
    return true;
  },
});

// Everything we started, in start order.
const running: ManagedProcess[] = [];
const closers: (() => Promise<void>)[] = [];
let shuttingDown = false;
let firstSignalAt = 0;

async function stopAll(): Promise<void> {
  await Promise.all(closers.map((close) => close().catch(() => undefined)));
  // Playgrounds and bot first (the bot finishes its in-flight turns), then the storage they use.
  await Promise.all(running.filter((p) => p.name !== 'azurite').map((p) => p.stop()));
  await Promise.all(running.filter((p) => p.name === 'azurite').map((p) => p.stop()));
}

async function shutdown(code: number, why: string): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  (code === 0 ? say : fail)(why);
  await stopAll();
  say(code === 0 ? 'stopped.' : `stopped (exit code ${code}).`);
  process.exit(code);
}

function onSignal(signal: NodeJS.Signals): void {
  const now = Date.now();
  if (!shuttingDown) {
    firstSignalAt = now;
    void shutdown(0, `${signal}: stopping the playgrounds, the bot and Azurite…`);
  } else if (now - firstSignalAt > 1000) {
    // A second Ctrl-C (not an echo of the first) kills at once.
    fail('second signal: killing everything now');
    for (const p of running) void p.stop({ signal: 'SIGKILL', graceMs: 0 });
    setTimeout(() => process.exit(130), 300);
  }
}

/** A child that dies on its own takes the others down: nothing is left half-running. */
function supervise(proc: ManagedProcess): void {
  running.push(proc);
  void proc.exited.then((info) => {
    if (!shuttingDown) void shutdown(1, `${proc.name} ${describeExit(info)} — stopping the others`);
  });
}

async function main(): Promise<void> {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);
  const started = Date.now();
  const options = parseArgs(process.argv.slice(2));
  const org = demoOrg();
  const indexPort = portFromEnv(process.env, 'PLAYGROUND_PORT', PLAYGROUND_DEFAULT_PORT);
  const personaPorts = new Map<DemoPersonKey, number>(org.personas.map((p, i) => [p.key, indexPort + 1 + i]));
  const ports = {
    bot: portFromEnv(process.env, 'PORT', BOT_DEFAULT_PORT),
    azurite: portFromEnv(process.env, 'AZURITE_TABLE_PORT', AZURITE_DEFAULT_TABLE_PORT),
  };
  if (indexPort + org.personas.length > 65535)
    throw new Error(`PLAYGROUND_PORT must leave room for ${org.personas.length} more ports after it`);

  await assertPortsFree([
    { port: ports.bot, envVar: 'PORT', what: 'the bot' },
    { port: ports.azurite, envVar: 'AZURITE_TABLE_PORT', what: 'Azurite tables' },
    { port: indexPort, envVar: 'PLAYGROUND_PORT', what: 'the demo index page' },
    ...org.personas.map((p) => ({ port: personaPorts.get(p.key) as number, envVar: 'PLAYGROUND_PORT', what: `${p.name}'s playground` })),
  ]);
  const dropped = droppedBotVariables();
  if (dropped.length > 0) say(`ignoring ${dropped.join(', ')} from your environment: npm run dev always runs the bot in local mode`);

  const dataDir = options.dataDir;
  const relative = path.relative(repoRoot, dataDir);
  const shownDataDir = relative && !relative.startsWith('..') ? relative : dataDir;
  if (options.reset && fs.existsSync(dataDir)) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    say(`deleted ${shownDataDir}/ (--reset)`);
  }

  say(`starting Azurite (tables on 127.0.0.1:${ports.azurite}, data in ${shownDataDir}/)`);
  const azurite = await startAzurite({
    port: ports.azurite,
    location: dataDir,
    output: { kind: 'prefix', colour: 'yellow', width: NAME_WIDTH },
  });
  supervise(azurite.process);
  const storage = azurite.connectionString;
  // People the demo catalog names by email resolve through a local Graph stand-in (loopback only).
  const graph = await startDemoGraph();
  say(`Microsoft Graph stand-in on ${graph.baseUrl} (the demo organisation)`);
  const adminIds = process.env.ADMIN_IDS || org.admins.map((p) => p.aadObjectId).join(',');

  // The catalog, the bot and the playgrounds start side by side: on two cores that is the fastest.
  const catalog = (async () => {
    say('loading the demo catalog (scripts/demo-catalog.csv)');
    const code = await loadDemoData(
      { STORAGE_CONNECTION_STRING: storage, GRAPH_BASE_URL: graph.baseUrl },
      { out: prefixed('demo-data'), err: prefixed('demo-data') },
    );
    if (code !== 0) throw new Error(`loading the demo catalog failed (exit code ${code})`);
  })();
  say(`starting the bot on 127.0.0.1:${ports.bot}${options.watch ? ' (restarts when src/ or cards/ change)' : ''}`);
  const bot = startBotProcess({
    port: ports.bot,
    storageConnectionString: storage,
    watch: options.watch,
    env: { ADMIN_IDS: adminIds, GRAPH_BASE_URL: graph.baseUrl },
    output: { kind: 'prefix', colour: 'cyan', width: NAME_WIDTH },
  });
  supervise(bot);
  const botUp = waitForHttp(botHealthUrl(ports.bot), {
    timeoutMs: 120_000,
    failIfExited: [bot],
    hint: options.watch
      ? 'Look at the bot lines above: under `tsx watch` a bot that crashed at start waits for a file change.'
      : 'Look at the bot lines above.',
  });
  say(
    `starting ${org.personas.length} Agents Playgrounds on 127.0.0.1:${indexPort + 1}-${indexPort + org.personas.length}, one per persona`,
  );
  const playgroundsUp = startPersonaPlaygrounds({
    botEndpoint: botEndpoint(ports.bot),
    ports: personaPorts,
    logFile: (person) => path.join(dataDir, `agents-playground-${person.key}.log`),
    output: () => ({ kind: 'prefix', colour: 'magenta', width: NAME_WIDTH, hide: PLAYGROUND_NOISE }),
  }).then((playgrounds) => {
    for (const p of playgrounds) supervise(p.playground.process);
    return playgrounds;
  });
  const [, , playgrounds] = await Promise.all([catalog, botUp, playgroundsUp]);
  if (shuttingDown) return;

  say(
    `registering ${org.helpDesk.team.name} › ${org.helpDesk.channel.name} and ${org.dedicatedTeamQueue.team.name} › ${org.dedicatedTeamQueue.channel.name}; installing the app for every persona`,
  );
  await registerChannels(storage, playgrounds);
  await introducePersonas(storage, playgrounds);
  if (shuttingDown) return;

  const index = await serveIndexPage(
    indexPort,
    indexHtml(playgrounds.map((p) => ({ guide: personaGuide(p.person), url: p.playground.url }))),
  );
  closers.push(index.close);
  printSummary({
    index: index.url,
    playgrounds,
    botPort: ports.bot,
    azuritePort: ports.azurite,
    dataDir: shownDataDir,
    seconds: (Date.now() - started) / 1000,
  });
}

function printSummary(run: {
  index: string;
  playgrounds: readonly PersonaPlayground[];
  botPort: number;
  azuritePort: number;
  dataDir: string;
  seconds: number;
}): void {
  const org = demoOrg();
  const tty = process.stdout.isTTY === true;
  const guides = run.playgrounds.map((p) => ({ guide: personaGuide(p.person), url: p.playground.url }));
  const nameWidth = Math.max(...guides.map((g) => g.guide.person.name.length));
  const roleWidth = Math.max(...guides.map((g) => g.guide.role.length));
  const host = (team: string): string => run.playgrounds.find((p) => p.team.name === team)?.person.givenName ?? '?';
  const lines = [
    paint('bold', GUIDE_TEXT.title, tty),
    '',
    `${GUIDE_TEXT.openIndex}  ${paint('green', run.index, tty)}  (links every persona's playground)`,
    '',
    ...guides.map(
      ({ guide, url }) => `  ${guide.person.name.padEnd(nameWidth)}  ${guide.role.padEnd(roleWidth)}  ${paint('green', url, tty)}`,
    ),
    '',
    `Help desk channel:     ${org.helpDesk.team.name} › ${org.helpDesk.channel.name} (in ${host(org.helpDesk.team.name)}'s playground)`,
    `Dedicated team:        ${org.dedicatedTeamQueue.team.name} › ${org.dedicatedTeamQueue.channel.name} (in ${host(org.dedicatedTeamQueue.team.name)}'s playground)`,
    `Bot:                   ${botEndpoint(run.botPort)} (local mode: no authentication)`,
    `Azurite:               http://127.0.0.1:${run.azuritePort} (data in ${run.dataDir}/, reset with --reset)`,
    `Playground logs:       ${run.dataDir}/agents-playground-<name>.log`,
    '',
    GUIDE_TEXT.firstStep,
    `${paint('bold', GUIDE_TEXT.ctrlC, tty)} (ready in ${run.seconds.toFixed(1)} s)`,
  ];
  process.stdout.write(`\n${box(lines)}\n\n`);
}

main().catch((error: unknown) => {
  void shutdown(1, error instanceof Error ? error.message : String(error));
});
