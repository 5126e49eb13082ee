/** Entry point of `npm run report` (see report-command.ts, or run it with --help). */
import { runReportCli } from './report-command';

runReportCli(process.argv.slice(2), process.env, { out: process.stdout, err: process.stderr })
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    process.stderr.write(`report: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  });
