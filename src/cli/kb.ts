/** Entry point of `npm run kb` (see kb-command.ts, or run it with --help). */
import { runKbCli } from './kb-command';

runKbCli(process.argv.slice(2), process.env, { out: process.stdout, err: process.stderr })
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    process.stderr.write(`kb: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  });
