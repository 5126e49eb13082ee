/**
 * The limited connector (limited-connector.ts) in a process of its own. argv: the per-tenant rate.
 * Sends { type: 'ready', url }; answers { type: 'stats' } with { type: 'stats', stats }; exits on 'stop'.
 */
import { startLimitedConnector } from './limited-connector';

async function main(): Promise<void> {
  const connector = await startLimitedConnector(Number(process.argv[2]));
  process.on('message', (command: { type: string }) => {
    if (command.type === 'stats') process.send?.({ type: 'stats', stats: connector.stats() });
    if (command.type === 'stop') void connector.stop().finally(() => process.exit(0));
  });
  process.send?.({ type: 'ready', url: connector.url });
}

main().catch((error: unknown) => {
  process.stderr.write(`limited connector failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
