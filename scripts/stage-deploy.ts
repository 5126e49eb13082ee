/**
 * `npx tsx scripts/stage-deploy.ts [--out DIR] [--no-install]`: the folder the web app runs as it
 * is, by default `.deploy/`. The Agents Toolkit's deploy (m365agents.yml) zip-deploys it; by hand,
 * zip its contents and use `az webapp deploy` (infra/README.md).
 *
 * It holds the built code, the card templates, package.json and package-lock.json, and the
 * production dependencies (`npm ci --omit=dev`): the web app does not build
 * (SCM_DO_BUILD_DURING_DEPLOYMENT=false) and starts `node dist/index.js`.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const ROOT_DIR = path.resolve(__dirname, '..');
export const DEFAULT_STAGE_DIR = path.join(ROOT_DIR, '.deploy');

/** What the running app reads, besides node_modules: the code and the cards it loads at run time. */
export const STAGED_ENTRIES = ['dist', 'cards', 'package.json', 'package-lock.json'] as const;

/** Copies the entries into a fresh `outDir`; throws naming what is missing (nothing is copied then). */
export function stageFiles(rootDir: string, outDir: string): string[] {
  const missing = STAGED_ENTRIES.filter((entry) => !existsSync(path.join(rootDir, entry)));
  if (missing.length > 0) {
    const hint = missing.includes('dist') ? ' (run `npm run build` first)' : '';
    throw new Error(`stage-deploy: missing ${missing.join(', ')} in ${rootDir}${hint}`);
  }
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  for (const entry of STAGED_ENTRIES) cpSync(path.join(rootDir, entry), path.join(outDir, entry), { recursive: true });
  return [...STAGED_ENTRIES];
}

function main(argv: readonly string[]): number {
  let outDir = DEFAULT_STAGE_DIR;
  let install = true;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out' && argv[i + 1] !== undefined) outDir = path.resolve(argv[++i]);
    else if (argv[i] === '--no-install') install = false;
    else {
      console.error(`stage-deploy: unknown argument ${argv[i]}\nusage: npx tsx scripts/stage-deploy.ts [--out DIR] [--no-install]`);
      return 2;
    }
  }
  try {
    stageFiles(ROOT_DIR, outDir);
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
  if (install) {
    const npm = spawnSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund'], {
      cwd: outDir,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    if (npm.status !== 0) {
      console.error(`stage-deploy: npm ci --omit=dev failed in ${outDir}`);
      return 1;
    }
  }
  console.log(
    `stage-deploy: ${path.relative(process.cwd(), outDir) || outDir} is ready (${STAGED_ENTRIES.join(', ')}${install ? ', node_modules' : ''})`,
  );
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
