/**
 * `npm run kb -- import FILE.csv`: each row checked (domain/knowledge/article-csv-row.ts) and
 * imported as a Markdown file is (article-import.ts): created, or updated when it changed, with its
 * history; a second run of the same file changes nothing. A row with problems is reported by its
 * row, its line and the column at fault, and skipped; the other rows are still imported.
 */
import { readArticleRow, type CsvCellProblem } from '../../domain/knowledge/article-csv-row';
import type { PersonRef } from '../../domain/history';
import type { Clock } from '../../domain/ports/clock';
import type { ArticleRepository } from '../../domain/ports/knowledge';
import { readArticleCsv, type CsvHeaderProblem } from './article-csv';
import { importOne } from './article-import';

/** More rows than a knowledge base holds is a wrong file. */
export const MAX_CSV_ROWS = 10_000;

export type CsvRowProblem = { readonly row: number; readonly line: number } & (
  | CsvCellProblem
  | { readonly code: 'cell-count'; readonly found: number; readonly expected: number }
  | { readonly code: 'duplicate-id'; readonly id: string; readonly earlierRow: number }
);

export type CsvImportReport =
  | { readonly ok: false; readonly problem: CsvHeaderProblem | { readonly code: 'too-many-rows'; readonly limit: number } }
  | {
      readonly ok: true;
      readonly created: string[];
      readonly updated: string[];
      readonly unchanged: string[];
      readonly problems: CsvRowProblem[];
    };

export async function importArticleCsv(
  text: string,
  file: string,
  articles: ArticleRepository,
  author: PersonRef,
  clock: Clock,
): Promise<CsvImportReport> {
  const read = readArticleCsv(text);
  if (!read.ok) return read;
  if (read.rows.length > MAX_CSV_ROWS) return { ok: false, problem: { code: 'too-many-rows', limit: MAX_CSV_ROWS } };
  const report = {
    ok: true as const,
    created: [] as string[],
    updated: [] as string[],
    unchanged: [] as string[],
    problems: [] as CsvRowProblem[],
  };
  const seen = new Map<string, number>();
  for (const { row, line, cells, cellCount } of read.rows) {
    if (cellCount) {
      report.problems.push({ row, line, code: 'cell-count', ...cellCount });
      continue;
    }
    const parsed = readArticleRow(cells);
    if (!parsed.ok) {
      report.problems.push(...parsed.problems.map((p) => ({ row, line, ...p })));
      continue;
    }
    const earlierRow = seen.get(parsed.content.id);
    if (earlierRow !== undefined) {
      report.problems.push({ row, line, code: 'duplicate-id', id: parsed.content.id, earlierRow });
      continue;
    }
    seen.set(parsed.content.id, row);
    const outcome = await importOne(parsed.content, parsed.status, `${file}#${row}`, articles, author, clock.now());
    report[outcome].push(parsed.content.id);
  }
  return report;
}
