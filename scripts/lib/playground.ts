import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_ORG_FILE, DemoPersonKey, demoOrg, playgroundConfigAs } from './demo-org';
import { repoRoot } from './paths';
import { describeExit, ManagedProcess, OutputMode, startProcess, waitForLine } from './processes';
import { waitForHttp } from './wait-for-http';

/**
 * The playground's own default port (`--port`, or TEAMSAPPTESTER_PORT): `npm run dev` serves its index
 * page there and gives the personas' playgrounds the ports after it.
 */
export const PLAYGROUND_DEFAULT_PORT = 56150;

export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  readonly botEndpoint: string;
  readonly port: number;
  /**
   * A playground config file to use as it is. Without it, the playground gets the config that
   * scripts/lib/demo-org.ts writes for `signedInAs` from the repository's demo organisation.
   */
  readonly configFile?: string;
  /** The demo person signed in (default: the demo organisation's current user, the requester). */
  readonly signedInAs?: DemoPersonKey;
  /** The playground's own log (it would otherwise write `./devTools/m365agentsplayground.log`). */
  readonly logFile: string;
  readonly name?: string;
  readonly output?: OutputMode;
  readonly timeoutMs?: number;
  /**
   * The signed-in person's Teams language and time zone, as their client would send them in every
   * activity (`locale`, the clientInfo entity); default the playground's en-US and this machine's zone.
   */
  readonly client?: { readonly locale: string; readonly timeZone: string };
}

export interface RunningPlayground {
  /** The port it really listens on (it silently picks a random one when the asked one is taken). */
  readonly port: number;
  /** What to open in a browser. */
  readonly url: string;
  readonly configFile: string;
  readonly logFile: string;
  readonly process: ManagedProcess;
  stop(): Promise<void>;
}

const LAUNCHER = path.join(__dirname, 'playground-launcher.js');

/**
 * A temp folder with a no-op `xdg-open`: the playground opens a browser at start and exits with
 * code 1 when `xdg-open` is missing (headless machines, containers).
 */
function makeToolsDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agents-playground-'));
  fs.mkdirSync(path.join(dir, 'bin'));
  const xdgOpen = path.join(dir, 'bin', 'xdg-open');
  fs.writeFileSync(xdgOpen, '#!/bin/sh\n# no-op: scripts/lib/playground.ts prints the URL instead\nexit 0\n', { mode: 0o755 });
  return dir;
}

/** Builds the playground's environment: only what it needs from ours, plus its own settings. */
function playgroundEnv(toolsDir: string, configFile: string, logFile: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Settings of ours that mean something else to the playground or would leak into it.
  for (const name of ['BOT_ENDPOINT', 'TEAMSAPPTESTER_PORT', 'M365_AGENTS_PLAYGROUND_CONVERSATION_ID', 'DEFAULT_CHANNEL_ID'])
    delete env[name];
  return {
    ...env,
    PATH: `${path.join(toolsDir, 'bin')}${path.delimiter}${env.PATH ?? ''}`,
    // Belt and braces with the no-op xdg-open: the playground skips opening a browser with this.
    TEAMSAPPTESTER_BROWSER: 'none',
    M365_AGENTS_PLAYGROUND_CONFIG_PATH: configFile,
    M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
    M365_AGENTS_PLAYGROUND_ENABLE_EVENTS_RECORDING: 'false',
  };
}

/** The launcher's locale patch reads SUPPORT_BOT_PLAYGROUND_LOCALE; the playground's clientInfo time zone is the process's TZ. */
function clientEnv(client: PlaygroundOptions['client']): NodeJS.ProcessEnv {
  return client ? { SUPPORT_BOT_PLAYGROUND_LOCALE: client.locale, TZ: client.timeZone } : {};
}

/**
 * V8's young generation defaults to 3 × 16 MB semi-spaces; the playground is a small local server,
 * and one persona's playground uses about 110 MB instead of 185 MB with 1 MB (measured on 0.2.28).
 */
const NODE_FLAGS = ['--max-semi-space-size=1'];

/** Starts the Agents Playground pointed at a bot and waits until its web UI answers. */
export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  // Without its file the playground silently falls back to its built-in "My Team" organisation.
  if (options.configFile && !fs.existsSync(options.configFile)) throw new Error(`playground config ${options.configFile} does not exist`);
  if (!options.configFile && !fs.existsSync(DEMO_ORG_FILE)) throw new Error(`the demo organisation ${DEMO_ORG_FILE} does not exist`);
  const toolsDir = makeToolsDir();
  let configFile = options.configFile;
  if (!configFile) {
    configFile = path.join(toolsDir, '.m365agentsplayground.yml');
    fs.writeFileSync(configFile, playgroundConfigAs(options.signedInAs ?? demoOrg().currentUser.key));
  }
  fs.mkdirSync(path.dirname(options.logFile), { recursive: true });

  const proc = startProcess({
    name: options.name ?? 'playground',
    command: process.execPath,
    args: [
      ...NODE_FLAGS,
      LAUNCHER,
      'start',
      '--app-endpoint',
      options.botEndpoint,
      '--port',
      String(options.port),
      '--channel-id',
      'msteams',
      '--disable-telemetry',
    ],
    // Its working folder would also be where it looks for the config and writes devTools/.
    cwd: toolsDir,
    env: { ...playgroundEnv(toolsDir, configFile, options.logFile), ...clientEnv(options.client) },
    output: options.output,
  });
  const cleanup = (): void => fs.rmSync(toolsDir, { recursive: true, force: true });
  void proc.exited.then(cleanup);

  try {
    const timeoutMs = options.timeoutMs ?? 30_000;
    const [, listening] = await waitForLine(proc, /Listening on (\d+)/, timeoutMs);
    const port = Number(listening);
    const url = `http://127.0.0.1:${port}`;
    await waitForHttp(`${url}/`, { timeoutMs, failIfExited: [proc], accept: (status) => status === 200 });
    return {
      port,
      url,
      configFile,
      logFile: options.logFile,
      process: proc,
      stop: async () => {
        await proc.stop();
        cleanup();
      },
    };
  } catch (error) {
    await proc.stop();
    const info = proc.exitInfo();
    const logTail = readTail(options.logFile, 15);
    const detail = info ? ` (it ${describeExit(info)})` : '';
    throw new Error(
      `the Agents Playground did not start${detail}: ${(error as Error).message}` +
        (logTail ? `\n--- last lines of ${path.relative(repoRoot, options.logFile)} ---\n${logTail}` : ''),
    );
  }
}

function readTail(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}
