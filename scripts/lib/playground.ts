import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_ORG_FILE, DemoPersonKey, playgroundConfigAs } from './demo-org';
import { repoRoot } from './paths';
import { describeExit, ManagedProcess, OutputMode, startProcess, waitForLine } from './processes';
import { waitForHttp } from './wait-for-http';

/** The playground's own default port (`--port`, or TEAMSAPPTESTER_PORT). */
export const PLAYGROUND_DEFAULT_PORT = 56150;

export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  readonly botEndpoint: string;
  readonly port: number;
  /** The mock organisation; defaults to the repository's `.m365agentsplayground.yml`. */
  readonly configFile?: string;
  /** Sign in as this demo person instead of the file's current user (writes a variant config). */
  readonly signedInAs?: DemoPersonKey;
  /** The playground's own log (it would otherwise write `./devTools/m365agentsplayground.log`). */
  readonly logFile: string;
  readonly name?: string;
  readonly output?: OutputMode;
  readonly timeoutMs?: number;
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
  for (const name of ['BOT_ENDPOINT', 'TEAMSAPPTESTER_PORT', 'M365_AGENTS_PLAYGROUND_CONVERSATION_ID', 'DEFAULT_CHANNEL_ID']) delete env[name];
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

/** Starts the Agents Playground pointed at a bot and waits until its web UI answers. */
export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  let configFile = options.configFile ?? DEMO_ORG_FILE;
  // Without its file the playground silently falls back to its built-in "My Team" organisation.
  if (!fs.existsSync(configFile)) throw new Error(`playground config ${configFile} does not exist`);
  const toolsDir = makeToolsDir();
  if (options.signedInAs) {
    const variant = path.join(toolsDir, '.m365agentsplayground.yml');
    fs.writeFileSync(variant, playgroundConfigAs(options.signedInAs, configFile));
    configFile = variant;
  }
  fs.mkdirSync(path.dirname(options.logFile), { recursive: true });

  const proc = startProcess({
    name: options.name ?? 'playground',
    command: process.execPath,
    args: [
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
    env: playgroundEnv(toolsDir, configFile, options.logFile),
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
