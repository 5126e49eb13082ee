/**
 * One bot under test in a process of its own (so the load driver, Azurite and the bot do not share
 * an event loop), controlled over IPC by the benchmark:
 *
 *   child → { type: 'ready', url }
 *   parent → { type: 'counts' }            child → { type: 'counts', calls, rssBytes, heapBytes }
 *   parent → { type: 'reset' }             child → { type: 'reset' }  (table-call counts to zero)
 *   parent → { type: 'gc' }                child → { type: 'gc', rssBytes, heapBytes } (after a full GC)
 *   parent → { type: 'stop' }              the bot closes and the process exits
 *
 * argv: 'product' | 'floor'. env: BENCH_STORAGE (connection string), BENCH_PREFIX (table prefix),
 * BENCH_ACCOUNT (the storage account, for counting table calls).
 */
import { loadConfig } from '../../../src/config/load-config';
import { createLogger } from '../../../src/logging/logger';
import { startBot } from '../../../src/start-bot';
import { findFreePort } from '../../lib/ports';
import { startFloorBot } from './floor-bot';
import { countTableCalls } from './table-calls';

type Command = { type: 'counts' | 'reset' | 'gc' | 'stop' };

async function main(): Promise<void> {
  const kind = process.argv[2];
  const connectionString = required('BENCH_STORAGE');
  const prefix = required('BENCH_PREFIX');
  const counter = countTableCalls(required('BENCH_ACCOUNT'), prefix);
  const port = await findFreePort();
  let bot: { url: string; close(): Promise<void> };
  if (kind === 'floor') {
    bot = await startFloorBot(connectionString, prefix, port);
  } else if (kind === 'product') {
    // The real composition in local mode, as `npm run dev` runs it (background jobs included).
    const config = loadConfig({
      STORAGE_CONNECTION_STRING: connectionString,
      TABLE_PREFIX: prefix,
      LOG_LEVEL: 'silent',
      PORT: String(port),
    });
    bot = await startBot(config, createLogger('silent'));
  } else {
    throw new Error(`unknown bot "${kind}" (product or floor)`);
  }
  const memory = () => ({ rssBytes: process.memoryUsage().rss, heapBytes: process.memoryUsage().heapUsed });
  process.on('message', (command: Command) => {
    switch (command.type) {
      case 'counts':
        process.send?.({ type: 'counts', calls: counter.read(), ...memory() });
        break;
      case 'reset':
        counter.reset();
        process.send?.({ type: 'reset' });
        break;
      case 'gc':
        (globalThis as { gc?: () => void }).gc?.();
        process.send?.({ type: 'gc', ...memory() });
        break;
      case 'stop':
        void bot.close().finally(() => process.exit(0));
        break;
    }
  });
  process.send?.({ type: 'ready', url: bot.url });
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench bot failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
