/**
 * `npm run kb -- import FOLDER` and `npm run kb -- export FOLDER`: the knowledge base as a folder of
 * Markdown files with front matter (src/domain/knowledge/article-file.ts), one file per article.
 * Import reports every problem as `file:line: message` and imports the other files; a second run
 * of the same folder changes nothing. Separate from the entry point so tests run it in-process.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../config/config-error';
import type { Environment } from '../config/load-config';
import { formatArticleFile, MAX_FILE_CHARS } from '../domain/knowledge/article-file';
import { StorageError } from '../domain/ports/storage-errors';
import { importArticles } from '../services/knowledge/article-import';
import { TableArticleStore } from '../storage/knowledge/table-article-store';
import { EXIT, type CliIo } from './catalog-command';
import { runCsvExport, runCsvImport } from './kb-csv';
import { problemMessage } from './kb-messages';
import { openCatalog } from './open-catalog';

const USAGE = `Usage:
  npm run kb -- import FOLDER     create or update the articles of FOLDER/*.md (front matter + Markdown answer)
  npm run kb -- import FILE.csv   create or update the articles of a CSV file (one row per article)
  npm run kb -- export FOLDER     write every article to FOLDER/<id>.md
  npm run kb -- export --format csv --out FILE.csv   write every article to one CSV file
Storage: STORAGE_CONNECTION_STRING or STORAGE_ACCOUNT_URL, and TABLE_PREFIX, as for the bot.
`;

/** Who the history names for imported articles. */
const IMPORTER = { aadObjectId: '00000000-0000-0000-0000-00000000cb00', displayName: 'npm run kb' };
/** More files than a knowledge base holds is a wrong folder. */
const MAX_FILES = 10_000;

export async function runKbCli(argv: readonly string[], env: Environment, io: CliIo): Promise<number> {
  const [verb, folder, ...rest] = argv;
  if (verb === undefined || verb === '--help' || verb === 'help') {
    io.out.write(USAGE);
    return EXIT.ok;
  }
  const csvOut = verb === 'export' ? csvExportTarget(argv.slice(1)) : undefined;
  if ((verb !== 'import' && verb !== 'export') || !folder || (rest.length > 0 && csvOut === undefined)) {
    io.err.write(USAGE);
    return EXIT.usage;
  }
  try {
    if (csvOut !== undefined) return await runCsvExport(csvOut, await openArticles(env), io);
    if (verb === 'import' && folder.toLowerCase().endsWith('.csv'))
      return await runCsvImport(folder, () => openArticles(env), IMPORTER, io);
    return verb === 'import' ? await runImport(folder, env, io) : await runExport(folder, env, io);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.err.write(`kb: ${error.message}\n`);
      return EXIT.config;
    }
    if (error instanceof StorageError) {
      io.err.write(`kb: ${error.message}\n`);
      return EXIT.storage;
    }
    throw error;
  }
}

/** `--format csv --out FILE` (either order): the file; undefined for anything else. */
function csvExportTarget(args: readonly string[]): string | undefined {
  if (args.length !== 4) return undefined;
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i += 2) options.set(args[i]!, args[i + 1]!);
  return options.size === 2 && options.get('--format') === 'csv' && options.get('--out') ? options.get('--out') : undefined;
}

async function openArticles(env: Environment): Promise<TableArticleStore> {
  const { tables } = await openCatalog(env);
  return new TableArticleStore(tables.client('knowledge'));
}

async function runImport(folder: string, env: Environment, io: CliIo): Promise<number> {
  let names: string[];
  try {
    names = (await readdir(folder)).filter((n) => n.endsWith('.md')).sort();
  } catch (error) {
    io.err.write(`kb: cannot read ${folder}: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.usage;
  }
  if (names.length > MAX_FILES) {
    io.err.write(`kb: ${folder} has ${names.length} Markdown files; at most ${MAX_FILES}\n`);
    return EXIT.usage;
  }
  const files = await Promise.all(
    names.map(async (name) => {
      const text = await readFile(path.join(folder, name), 'utf8');
      // Past the limit the parser refuses it by its length: no need to keep all of a huge file.
      return { name, text: text.length > MAX_FILE_CHARS ? text.slice(0, MAX_FILE_CHARS + 1) : text };
    }),
  );
  const report = await importArticles(files, await openArticles(env), IMPORTER, { now: () => new Date() });
  for (const p of report.problems) io.err.write(`${path.join(folder, p.file)}:${p.line}: ${problemMessage(p)}\n`);
  io.out.write(
    `kb import: ${report.created.length} created, ${report.updated.length} updated, ${report.unchanged.length} unchanged, ` +
      `${new Set(report.problems.map((p) => p.file)).size} file(s) with problems\n`,
  );
  return report.problems.length > 0 ? EXIT.rejected : EXIT.ok;
}

async function runExport(folder: string, env: Environment, io: CliIo): Promise<number> {
  const articles = await openArticles(env);
  const summaries = await articles.listSummaries();
  await mkdir(folder, { recursive: true });
  let written = 0;
  for (const summary of summaries) {
    const stored = await articles.get(summary.id);
    if (!stored) continue;
    await writeFile(path.join(folder, `${summary.id}.md`), formatArticleFile(stored.article), 'utf8');
    written++;
  }
  io.out.write(`kb export: ${written} article(s) written to ${folder}\n`);
  return EXIT.ok;
}
