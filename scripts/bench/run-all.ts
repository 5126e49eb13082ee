/**
 * `npm run bench`: runs every benchmark script in scripts/bench/ (except this one), one after the
 * other so they do not disturb each other's timings, and fails if any of them fails.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const here = __dirname;
const tsx = path.resolve(here, '../../node_modules/.bin/tsx');
const self = path.basename(__filename);
const scripts = readdirSync(here)
  .filter((file) => file.endsWith('.ts') && file !== self && !file.endsWith('.d.ts'))
  .sort();

const failed: string[] = [];
for (const script of scripts) {
  process.stdout.write(`\n== ${script}\n`);
  const result = spawnSync(tsx, [path.join(here, script), ...process.argv.slice(2)], { stdio: 'inherit' });
  if (result.status !== 0) failed.push(`${script} (${result.error?.message ?? `exit ${result.status ?? result.signal}`})`);
}

process.stdout.write(`\n${scripts.length - failed.length} of ${scripts.length} benchmark${scripts.length === 1 ? '' : 's'} ran\n`);
if (failed.length > 0) {
  process.stderr.write(`failed: ${failed.join(', ')}\n`);
  process.exitCode = 1;
}
