import path from 'node:path';
import { repoRoot } from '../../../scripts/lib/paths';

/** Where screenshots and the processes' logs go (git-ignored). */
export const RESULTS_DIR = path.join(repoRoot, 'test-results');
export const LOG_DIR = path.join(RESULTS_DIR, 'e2e-logs');

/** What the global setup started, handed to the test files through the environment. */
export interface E2eEnvironment {
  /** The Agents Playground's web UI, e.g. http://127.0.0.1:41234. */
  readonly playgroundUrl: string;
  /** The bot's messaging endpoint (to start more playgrounds, e.g. as another person). */
  readonly botEndpoint: string;
  readonly storageConnectionString: string;
}

const VARS = {
  playgroundUrl: 'E2E_PLAYGROUND_URL',
  botEndpoint: 'E2E_BOT_ENDPOINT',
  storageConnectionString: 'E2E_STORAGE_CONNECTION_STRING',
} as const;

export function publishE2eEnvironment(env: E2eEnvironment): void {
  for (const [key, name] of Object.entries(VARS)) process.env[name] = env[key as keyof E2eEnvironment];
}

export function e2eEnvironment(): E2eEnvironment {
  const read = (name: string): string => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set: run the browser tests with \`npm run test:e2e\` (its global setup starts everything)`);
    return value;
  };
  return {
    playgroundUrl: read(VARS.playgroundUrl),
    botEndpoint: read(VARS.botEndpoint),
    storageConnectionString: read(VARS.storageConnectionString),
  };
}
