import path from 'node:path';
import type { DemoPersonKey } from '../../../scripts/lib/demo-org';
import { repoRoot } from '../../../scripts/lib/paths';

/** Who the French playground signs in as. */
export const FRENCH_PERSON: DemoPersonKey = 'diego';

/** Where screenshots and the processes' logs go (git-ignored). */
export const RESULTS_DIR = path.join(repoRoot, 'test-results');
export const LOG_DIR = path.join(RESULTS_DIR, 'e2e-logs');

/** What the global setup started, handed to the test files through the environment. */
export interface E2eEnvironment {
  /** Each persona's Agents Playground web UI, e.g. { alex: 'http://127.0.0.1:41234', … }. */
  readonly playgrounds: Readonly<Partial<Record<DemoPersonKey, string>>>;
  /** The playground of a person whose Teams is in French (FRENCH_PERSON, locale fr-FR, Europe/Paris). */
  readonly frenchPlayground: string;
  /** The requester's playground (the demo organisation's current user). */
  readonly playgroundUrl: string;
  /** The bot's messaging endpoint. */
  readonly botEndpoint: string;
  readonly storageConnectionString: string;
}

const VARS = {
  playgrounds: 'E2E_PLAYGROUNDS',
  frenchPlayground: 'E2E_FRENCH_PLAYGROUND',
  botEndpoint: 'E2E_BOT_ENDPOINT',
  storageConnectionString: 'E2E_STORAGE_CONNECTION_STRING',
} as const;

export function publishE2eEnvironment(env: Omit<E2eEnvironment, 'playgroundUrl'>): void {
  process.env[VARS.playgrounds] = JSON.stringify(env.playgrounds);
  process.env[VARS.frenchPlayground] = env.frenchPlayground;
  process.env[VARS.botEndpoint] = env.botEndpoint;
  process.env[VARS.storageConnectionString] = env.storageConnectionString;
}

export function e2eEnvironment(): E2eEnvironment {
  const read = (name: string): string => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set: run the browser tests with \`npm run test:e2e\` (its global setup starts everything)`);
    return value;
  };
  const playgrounds = JSON.parse(read(VARS.playgrounds)) as Partial<Record<DemoPersonKey, string>>;
  return {
    playgrounds,
    playgroundUrl: personaUrl(playgrounds, 'alex'),
    frenchPlayground: read(VARS.frenchPlayground),
    botEndpoint: read(VARS.botEndpoint),
    storageConnectionString: read(VARS.storageConnectionString),
  };
}

/** A persona's playground URL. */
export function personaUrl(playgrounds: E2eEnvironment['playgrounds'], key: DemoPersonKey): string {
  const url = playgrounds[key];
  if (!url) throw new Error(`no playground for ${key}: only personas (scripts/lib/demo-org.ts) have one`);
  return url;
}
