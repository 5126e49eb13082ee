/**
 * `npm run dev`: Azurite (tables, data in .azurite/), the bot (`tsx watch src/index.ts`, local mode)
 * and the Microsoft 365 Agents Playground pointed at it, with the demo organisation of
 * `.m365agentsplayground.yml`. One Ctrl-C stops all three; if one of them dies, the others are
 * stopped and the script exits non-zero, naming it.
 *
 *   npm run dev                      sign in to the playground as Alex Wilber (the requester)
 *   npm run dev -- --as adele        sign in as another demo person (alex, megan, lee, nestor,
 *                                    adele, diego, isaiah, patti)
 *   npm run dev -- --no-watch        run the bot without restarting it on changes
 *   npm run dev -- --reset           delete the local Azurite data first
 *
 * Ports: PORT (bot, 3978), AZURITE_TABLE_PORT (10002), PLAYGROUND_PORT (56150).
 */
import fs from 'node:fs';
import path from 'node:path';
import { AZURITE_DEFAULT_TABLE_PORT, startAzurite } from './lib/azurite';
import { BOT_DEFAULT_PORT, botEndpoint, botHealthUrl, droppedBotVariables, startBotProcess } from './lib/bot';
import { demoOrg, DemoPersonKey, isDemoPersonKey } from './lib/demo-org';
import { startDemoGraph } from './lib/graph';
import { localBin, repoRoot } from './lib/paths';
import { PLAYGROUND_DEFAULT_PORT, startPlayground } from './lib/playground';
import { assertPortsFree, portFromEnv } from './lib/ports';
import { describeExit, ManagedProcess, startProcess } from './lib/processes';
import { box, paint } from './lib/terminal';
import { waitForHttp } from './lib/wait-for-http';

const AZURITE_DIR = path.join(repoRoot, '.azurite');
const PLAYGROUND_LOG = path.join(AZURITE_DIR, 'agents-playground.log');
const DEMO_DATA_SCRIPT = path.join(repoRoot, 'scripts', 'load-demo-data.ts');
const NAME_WIDTH = 'playground'.length;
/** Playground chatter that says nothing to a developer. */
const PLAYGROUND_NOISE = /^(No websocket clients connected|waiting for \d+ resources|wait-on\(\d+\) complete|started web socket client|stopping web socket client)/;

interface Options {
  readonly signedInAs: DemoPersonKey;
  readonly watch: boolean;
  readonly reset: boolean;
}

function usage(): string {
  return 'usage: npm run dev [-- --as <alex|megan|lee|nestor|adele|diego|isaiah|patti>] [--no-watch] [--reset]';
}

function parseArgs(argv: readonly string[]): Options {
  let signedInAs: DemoPersonKey = demoOrg().currentUser.key;
  let watch = true;
  let reset = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--as') {
      const key = (argv[++i] ?? '').toLowerCase();
      if (!isDemoPersonKey(key)) throw new Error(`--as needs a demo person's first name (got "${argv[i] ?? ''}")\n${usage()}`);
      signedInAs = key;
    } else if (arg === '--no-watch') watch = false;
    else if (arg === '--reset') reset = true;
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${usage()}\n`);
      process.exit(0);
    } else throw new Error(`unknown argument "${arg}"\n${usage()}`);
  }
  return { signedInAs, watch, reset };
}

const say = (text: string): void => {
  process.stdout.write(`${paint('bold', 'dev'.padEnd(NAME_WIDTH))} │ ${text}\n`);
};
const fail = (text: string): void => {
  process.stderr.write(`${paint('red', 'dev'.padEnd(NAME_WIDTH), process.stderr.isTTY === true)} │ ${paint('red', text, process.stderr.isTTY === true)}\n`);
};

// Everything we started, in start order.
const running: ManagedProcess[] = [];
let shuttingDown = false;
let firstSignalAt = 0;

async function stopAll(): Promise<void> {
  // Playground and bot first (the bot finishes its in-flight turns), then the storage they use.
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
    void shutdown(0, `${signal}: stopping the playground, the bot and Azurite…`);
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
  const options = parseArgs(process.argv.slice(2));
  const org = demoOrg();
  const ports = {
    bot: portFromEnv(process.env, 'PORT', BOT_DEFAULT_PORT),
    azurite: portFromEnv(process.env, 'AZURITE_TABLE_PORT', AZURITE_DEFAULT_TABLE_PORT),
    playground: portFromEnv(process.env, 'PLAYGROUND_PORT', PLAYGROUND_DEFAULT_PORT),
  };

  await assertPortsFree([
    { port: ports.bot, envVar: 'PORT', what: 'the bot' },
    { port: ports.azurite, envVar: 'AZURITE_TABLE_PORT', what: 'Azurite tables' },
    { port: ports.playground, envVar: 'PLAYGROUND_PORT', what: 'the Agents Playground' },
  ]);
  const dropped = droppedBotVariables();
  if (dropped.length > 0) say(`ignoring ${dropped.join(', ')} from your environment: npm run dev always runs the bot in local mode`);

  if (options.reset && fs.existsSync(AZURITE_DIR)) {
    fs.rmSync(AZURITE_DIR, { recursive: true, force: true });
    say('deleted .azurite/ (--reset)');
  }

  say(`starting Azurite (tables on 127.0.0.1:${ports.azurite}, data in .azurite/)`);
  const azurite = await startAzurite({
    port: ports.azurite,
    location: AZURITE_DIR,
    output: { kind: 'prefix', colour: 'yellow', width: NAME_WIDTH },
  });
  supervise(azurite.process);

  // People the demo catalog names by email resolve through a local Graph stand-in (loopback only).
  const graph = await startDemoGraph();
  say(`Microsoft Graph stand-in on ${graph.baseUrl} (the demo organisation)`);
  const botEnv: NodeJS.ProcessEnv = {
    ADMIN_IDS: process.env.ADMIN_IDS || org.admin.aadObjectId,
    GRAPH_BASE_URL: graph.baseUrl,
  };

  if (fs.existsSync(DEMO_DATA_SCRIPT)) {
    say('loading the demo data (scripts/load-demo-data.ts)');
    const loader = startProcess({
      name: 'demo-data',
      command: localBin('tsx'),
      args: [DEMO_DATA_SCRIPT],
      cwd: repoRoot,
      env: { ...process.env, NODE_ENV: 'development', STORAGE_CONNECTION_STRING: azurite.connectionString, ...botEnv },
      output: { kind: 'prefix', colour: 'green', width: NAME_WIDTH },
    });
    running.push(loader);
    const info = await loader.exited;
    running.splice(running.indexOf(loader), 1);
    if (shuttingDown) return;
    if (info.code !== 0) return shutdown(1, `demo-data ${describeExit(info)}: scripts/load-demo-data.ts failed`);
  }

  say(`starting the bot on 127.0.0.1:${ports.bot}${options.watch ? ' (restarts when src/ or cards/ change)' : ''}`);
  const bot = startBotProcess({
    port: ports.bot,
    storageConnectionString: azurite.connectionString,
    watch: options.watch,
    env: botEnv,
    output: { kind: 'prefix', colour: 'cyan', width: NAME_WIDTH },
  });
  supervise(bot);
  await waitForHttp(botHealthUrl(ports.bot), {
    timeoutMs: 90_000,
    failIfExited: [bot],
    hint: options.watch
      ? 'Look at the bot lines above: under `tsx watch` a bot that crashed at start waits for a file change.'
      : 'Look at the bot lines above.',
  });
  if (shuttingDown) return;

  say(`starting the Agents Playground on 127.0.0.1:${ports.playground}`);
  const playground = await startPlayground({
    botEndpoint: botEndpoint(ports.bot),
    port: ports.playground,
    signedInAs: options.signedInAs,
    logFile: PLAYGROUND_LOG,
    output: { kind: 'prefix', colour: 'magenta', width: NAME_WIDTH, hide: PLAYGROUND_NOISE },
  });
  supervise(playground.process);
  if (shuttingDown) return;

  const me = org.person(options.signedInAs);
  const tty = process.stdout.isTTY === true;
  const lines = [
    paint('bold', 'Support intake bot: local run', tty),
    '',
    `Open the Agents Playground:  ${paint('green', playground.url, tty)}`,
    `Signed in as:                ${me.name} (${me.role})`,
    `Admin (ADMIN_IDS):           ${org.admin.name}`,
    `Team:                        ${org.team.name}: ${org.team.channels.map((c) => c.name).join(', ')}`,
    '',
    `Bot:      ${botEndpoint(ports.bot)} (local mode: no authentication)`,
    `Azurite:  http://127.0.0.1:${ports.azurite} (data in .azurite/, reset with --reset)`,
    `Logs:     playground log in ${path.relative(repoRoot, PLAYGROUND_LOG)}`,
    '',
    `Say "hi" in Personal Chat. Another person: npm run dev -- --as adele`,
    paint('bold', 'Ctrl-C stops everything.', tty),
  ];
  if (playground.port !== ports.playground) {
    lines.splice(3, 0, paint('yellow', `(port ${ports.playground} was taken at the last moment; using ${playground.port})`, tty));
  }
  process.stdout.write(`\n${box(lines)}\n\n`);
}

main().catch((error: unknown) => {
  void shutdown(1, error instanceof Error ? error.message : String(error));
});
