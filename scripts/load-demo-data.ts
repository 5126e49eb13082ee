/**
 * Loads the demo catalog (scripts/demo-catalog.csv) into the storage of STORAGE_CONNECTION_STRING /
 * STORAGE_ACCOUNT_URL (and TABLE_PREFIX). `npm run dev` runs it once Azurite is up.
 *
 * It goes through exactly what `npm run catalog -- import scripts/demo-catalog.csv` runs, so it is
 * idempotent: a second run changes nothing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EXIT, runCatalogCli, type CliIo } from '../src/cli/catalog-command';
import type { Environment } from '../src/config/load-config';
import { DEMO_CATALOG_FILE, demoCatalogCsv } from './demo-catalog';

export async function loadDemoData(env: Environment, io: CliIo): Promise<number> {
  // The CSV is generated from the demo organisation: refuse to load people the playground lacks.
  if (comparable(readFileSync(DEMO_CATALOG_FILE, 'utf8')) !== comparable(demoCatalogCsv())) {
    io.err.write(
      `${path.relative(process.cwd(), DEMO_CATALOG_FILE)} is out of date with .m365agentsplayground.yml or scripts/demo-catalog.ts: ` +
        'regenerate it with `npx tsx scripts/demo-catalog.ts`.\n',
    );
    return EXIT.usage;
  }
  return runCatalogCli(['import', DEMO_CATALOG_FILE], env, io);
}

/** Git may rewrite line ends and editors may drop the BOM: neither changes the catalog. */
function comparable(csv: string): string {
  return csv.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

if (require.main === module) {
  loadDemoData(process.env, { out: process.stdout, err: process.stderr })
    .then((code) => {
      process.exitCode = code;
    })
    .catch((error: unknown) => {
      process.stderr.write(`load-demo-data: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    });
}
