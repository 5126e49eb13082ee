/**
 * Memory (issue 19): how much the product's resident memory grows over 10,000 new conversations
 * (a "new request" from someone never seen, 32 at a time), measured after a full garbage collection
 * before and after, in the bot's own process. Whatever the bot keeps per person in memory shows here.
 *
 * Goal: RSS growth ≤ 50 MB.
 *
 *   npm run bench -- memory [--conversations 10000] [--users 32]
 */
import { AZURITE_ACCOUNT, startAzurite } from '../lib/azurite';
import { findFreePort } from '../lib/ports';
import { loadDemoData } from '../load-demo-data';
import { messageActivity, newPerson } from './lib/activities';
import { numberArg } from './lib/args';
import { BotChild } from './lib/bot-child';
import { startFastConnector } from './lib/connector';
import { Results } from './lib/goals';
import { drive } from './lib/load-driver';
import { machineLine } from './lib/machine';

const CONVERSATIONS = numberArg('conversations', 10_000);
const USERS = numberArg('users', 32);
const MB = 1024 * 1024;

async function main(): Promise<void> {
  const results = new Results('memory');
  results.note(`memory: ${CONVERSATIONS.toLocaleString('en')} new conversations, ${USERS} at a time, on ${machineLine()}`);
  const azurite = await startAzurite({ port: await findFreePort(), output: { kind: 'silent' } });
  const connector = await startFastConnector();
  let bot: BotChild | undefined;
  try {
    const storage = azurite.connectionString;
    const silent = { write: () => true } as unknown as NodeJS.WriteStream;
    if (
      (await loadDemoData(
        { STORAGE_CONNECTION_STRING: storage, TABLE_PREFIX: 'mem', LOG_LEVEL: 'silent' },
        { out: silent, err: process.stderr },
      )) !== 0
    ) {
      throw new Error('could not load the demo catalog');
    }
    bot = await BotChild.start('product', { storage, prefix: 'mem', account: AZURITE_ACCOUNT });
    let n = 0;
    const newConversation = () => messageActivity(newPerson(n++), connector.url, 'new request');
    // Warm-up: code loaded and compiled, pools and caches at their working size.
    await drive({ url: bot.url, users: USERS, perUser: Math.ceil(2_000 / USERS), activity: newConversation });
    const before = await bot.memoryAfterGc();
    const run = await drive({ url: bot.url, users: USERS, perUser: Math.ceil(CONVERSATIONS / USERS), activity: newConversation });
    if (Object.keys(run.failures).length > 0) throw new Error(`the bot answered ${JSON.stringify(run.failures)}`);
    const after = await bot.memoryAfterGc();
    results.info('RSS before (after a full GC)', before.rssBytes / MB, 'MB');
    results.info('RSS after (after a full GC)', after.rssBytes / MB, 'MB');
    results.info('heap used growth', (after.heapBytes - before.heapBytes) / MB, 'MB');
    results.info('conversations', run.requests, '');
    results.goal(`RSS growth over ${run.requests.toLocaleString('en')} new conversations`, (after.rssBytes - before.rssBytes) / MB, 'MB', {
      op: '<=',
      target: 50,
    });
  } finally {
    await bot?.stop();
    await connector.stop();
    await azurite.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`memory benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
