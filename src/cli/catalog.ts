/** Entry point of `npm run catalog` (see catalog-usage.ts, or run it with --help). */
import { runCatalogCli } from './catalog-command';

runCatalogCli(process.argv.slice(2), process.env, { out: process.stdout, err: process.stderr })
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    process.stderr.write(`catalog: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  });
