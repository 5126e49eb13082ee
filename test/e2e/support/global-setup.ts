import fs from 'node:fs';
import path from 'node:path';
import { RunningAzurite, startAzurite } from '../../../scripts/lib/azurite';
import { botEndpoint, botHealthUrl, startBotProcess } from '../../../scripts/lib/bot';
import { demoOrg } from '../../../scripts/lib/demo-org';
import { RunningPlayground, startPlayground } from '../../../scripts/lib/playground';
import { findFreePort } from '../../../scripts/lib/ports';
import { ManagedProcess } from '../../../scripts/lib/processes';
import { waitForHttp } from '../../../scripts/lib/wait-for-http';
import { LOG_DIR, publishE2eEnvironment, RESULTS_DIR } from './e2e-env';

/** What the teardown stops (globalSetup and globalTeardown share this process's globals). */
export interface E2eStack {
  azurite?: RunningAzurite;
  bot?: ManagedProcess;
  playground?: RunningPlayground;
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

/**
 * Starts Azurite (in memory), the bot (local mode, via tsx) and the Agents Playground on free ports.
 * Their output goes to test-results/e2e-logs/ so that the jest output stays readable.
 */
export default async function globalSetup(): Promise<void> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.rmSync(LOG_DIR, { recursive: true, force: true });
  fs.mkdirSync(LOG_DIR, { recursive: true });
  const stack = e2eStack();
  const [azuritePort, botPort, playgroundPort] = await distinctFreePorts(3);
  const logs = `see ${path.relative(process.cwd(), LOG_DIR)}/`;

  try {
    stack.azurite = await startAzurite({ port: azuritePort, output: { kind: 'file', file: logFile('azurite') } });

    const bot = startBotProcess({
      port: botPort,
      storageConnectionString: stack.azurite.connectionString,
      entry: process.env.E2E_BOT_ENTRY,
      nodeEnv: 'test',
      env: { ADMIN_IDS: demoOrg().admin.aadObjectId, LOG_LEVEL: process.env.LOG_LEVEL ?? 'debug' },
      output: { kind: 'file', file: logFile('bot') },
    });
    stack.bot = bot;
    await waitForHttp(botHealthUrl(botPort), { timeoutMs: 60_000, failIfExited: [bot], hint: `The bot's output: ${logFile('bot')}` });

    stack.playground = await startPlayground({
      botEndpoint: botEndpoint(botPort),
      port: playgroundPort,
      logFile: logFile('agents-playground'),
      output: { kind: 'file', file: logFile('playground') },
    });
  } catch (error) {
    await stopStack(stack);
    throw new Error(`browser-test setup failed (${logs}): ${(error as Error).message}`);
  }

  publishE2eEnvironment({
    playgroundUrl: stack.playground.url,
    botEndpoint: botEndpoint(botPort),
    storageConnectionString: stack.azurite.connectionString,
  });
}

export async function stopStack(stack: E2eStack): Promise<void> {
  await Promise.all([stack.playground?.stop(), stack.bot?.stop()]);
  await stack.azurite?.stop();
  stack.playground = stack.bot = stack.azurite = undefined;
}
