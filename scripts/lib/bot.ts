import path from 'node:path';
import { localBin, repoRoot } from './paths';
import { ManagedProcess, OutputMode, startProcess } from './processes';

/** The bot's default port (PORT). */
export const BOT_DEFAULT_PORT = 3978;

/**
 * Variables that would take the bot out of local mode or away from the local Azurite: the dev
 * script and the browser tests always run the bot locally, whatever the shell exports.
 */
const NOT_INHERITED = [
  'BOT_ID',
  'BOT_PASSWORD',
  'BOT_TYPE',
  'BOT_TENANT_ID',
  'CLIENT_ID',
  'CLIENT_SECRET',
  'TENANT_ID',
  'STORAGE_ACCOUNT_URL',
  'BIND_ADDRESS',
  'TABLE_PREFIX',
];

export interface BotProcessOptions {
  readonly port: number;
  readonly storageConnectionString: string;
  /** Extra variables (ADMIN_IDS, LOG_LEVEL, ...). */
  readonly env?: NodeJS.ProcessEnv;
  /** Restart on changes under src/ and cards/ (`tsx watch`). */
  readonly watch?: boolean;
  /** Entry file, default src/index.ts (run with tsx, so .ts or .js). */
  readonly entry?: string;
  readonly nodeEnv?: 'development' | 'test';
  readonly name?: string;
  readonly output?: OutputMode;
}

/** Names of inherited variables that were dropped, to warn about them. */
export function droppedBotVariables(env: NodeJS.ProcessEnv = process.env): string[] {
  return NOT_INHERITED.filter((name) => env[name] !== undefined && env[name] !== '');
}

export function botEndpoint(port: number): string {
  return `http://127.0.0.1:${port}/api/messages`;
}

export function botHealthUrl(port: number): string {
  return `http://127.0.0.1:${port}/healthz`;
}

/** Starts the bot in local mode (no BOT_ID: 127.0.0.1 only, no Bot Framework auth). */
export function startBotProcess(options: BotProcessOptions): ManagedProcess {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of NOT_INHERITED) delete env[name];
  Object.assign(env, {
    NODE_ENV: options.nodeEnv ?? 'development',
    PORT: String(options.port),
    STORAGE_CONNECTION_STRING: options.storageConnectionString,
    ...options.env,
  });
  const entry = path.resolve(repoRoot, options.entry ?? 'src/index.ts');
  const args = options.watch ? ['watch', '--clear-screen=false', '--include', path.join(repoRoot, 'cards'), entry] : [entry];
  return startProcess({
    name: options.name ?? 'bot',
    command: localBin('tsx'),
    args,
    cwd: repoRoot,
    env,
    output: options.output,
  });
}
