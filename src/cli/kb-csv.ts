/**
 * The kb CLI's CSV form (`import FILE.csv`, `export --format csv --out FILE`): one row per article
 * (domain/knowledge/article-csv-row.ts). Import reports each problem with its row, line and column
 * and imports the other rows; export writes every article, answers with their line breaks quoted.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import type { Article } from '../domain/knowledge/article';
import { importArticleCsv } from '../services/knowledge/article-csv-import';
import { writeArticleCsv } from '../services/knowledge/article-csv';
import type { TableArticleStore } from '../storage/knowledge/table-article-store';
import { EXIT, type CliIo } from './catalog-command';
import { csvHeaderMessage, csvRowMessage } from './kb-messages';

/** A larger file is no knowledge base: 10,000 rows of the largest articles are under 100 MB. */
const MAX_CSV_BYTES = 100 * 1024 * 1024;

export async function runCsvImport(
  file: string,
  articles: () => Promise<TableArticleStore>,
  importer: { aadObjectId: string; displayName: string },
  io: CliIo,
): Promise<number> {
  let text: string;
  try {
    if ((await stat(file)).size > MAX_CSV_BYTES) {
      io.err.write(`kb: ${file} is larger than ${MAX_CSV_BYTES} bytes\n`);
      return EXIT.usage;
    }
    text = await readFile(file, 'utf8');
  } catch (error) {
    io.err.write(`kb: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.usage;
  }
  const report = await importArticleCsv(text, file, await articles(), importer, { now: () => new Date() });
  if (!report.ok) {
    io.err.write(`${file}: ${csvHeaderMessage(report.problem)}\n`);
    return EXIT.rejected;
  }
  for (const p of report.problems) io.err.write(`${file}: ${csvRowMessage(p)}\n`);
  io.out.write(
    `kb import: ${report.created.length} created, ${report.updated.length} updated, ${report.unchanged.length} unchanged, ` +
      `${new Set(report.problems.map((p) => p.row)).size} row(s) with problems\n`,
  );
  return report.problems.length > 0 ? EXIT.rejected : EXIT.ok;
}

export async function runCsvExport(out: string, store: TableArticleStore, io: CliIo): Promise<number> {
  const list: Article[] = [];
  for (const summary of await store.listSummaries()) {
    const stored = await store.get(summary.id);
    if (stored) list.push(stored.article);
  }
  await writeFile(out, writeArticleCsv(list), 'utf8');
  io.out.write(`kb export: ${list.length} article(s) written to ${out}\n`);
  return EXIT.ok;
}
