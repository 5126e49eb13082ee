/** Entry point of `npx tsx src/cli/outbox.ts stuck|failed|uncertain|health|resend|dismiss` (see outbox-command.ts). */
import { runOutboxCli } from './outbox-command';

runOutboxCli(process.argv.slice(2), process.env, { out: process.stdout, err: process.stderr })
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    process.stderr.write(`outbox: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  });
