/**
 * The knowledge base as CSV (RFC 4180, with the catalog's parser and writer: csv-parse and
 * csv-stringify): quoted cells hold commas, quotes and line breaks, so an answer's paragraphs and
 * lists survive; UTF-8 with or without a byte-order mark. Written with a BOM and CRLF line ends, as
 * Excel expects, and with cells a spreadsheet would run as formulas neutralised (a Markdown list
 * item starts with "-": formula-cells.ts adds and removes exactly one quote, so import(export(x)) is x).
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import {
  ARTICLE_CSV_COLUMNS,
  articleRow,
  columnNamed,
  REQUIRED_CSV_COLUMNS,
  type ArticleCsvColumn,
} from '../../domain/knowledge/article-csv-row';
import type { Article } from '../../domain/knowledge/article';
import { neutraliseCell, restoreCell } from '../catalog/files/formula-cells';

/** A data row: its number (1 is the first row after the header), the file line it starts on, its cells by column. */
export interface CsvArticleRow {
  readonly row: number;
  readonly line: number;
  readonly cells: Partial<Record<ArticleCsvColumn, string>>;
  /** The row has more or fewer cells than the header. */
  readonly cellCount?: { readonly found: number; readonly expected: number };
}

export type CsvHeaderProblem =
  | { readonly code: 'not-csv'; readonly detail: string; readonly line?: number }
  | { readonly code: 'empty' }
  | { readonly code: 'unknown-column'; readonly column: string }
  | { readonly code: 'duplicate-column'; readonly column: string }
  | { readonly code: 'missing-column'; readonly column: string };

export type CsvRead = { readonly ok: true; readonly rows: CsvArticleRow[] } | { readonly ok: false; readonly problem: CsvHeaderProblem };

interface CsvRecord {
  record: string[];
  info: { lines: number };
}

export function readArticleCsv(text: string): CsvRead {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let records: CsvRecord[];
  try {
    records = parse(normalized, { info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as CsvRecord[];
  } catch (error) {
    const e = error as Error & { lines?: number };
    return {
      ok: false,
      problem: { code: 'not-csv', detail: e.message.replace(/ at line \d+.*$/s, ''), ...(e.lines ? { line: e.lines } : {}) },
    };
  }
  const [header, ...body] = records;
  if (header === undefined) return { ok: false, problem: { code: 'empty' } };
  const columns: ArticleCsvColumn[] = [];
  for (const cell of header.record) {
    const column = columnNamed(cell);
    if (!column) return { ok: false, problem: { code: 'unknown-column', column: cell.slice(0, 60) } };
    if (columns.includes(column)) return { ok: false, problem: { code: 'duplicate-column', column } };
    columns.push(column);
  }
  const missing = REQUIRED_CSV_COLUMNS.find((c) => !columns.includes(c));
  if (missing) return { ok: false, problem: { code: 'missing-column', column: missing } };
  const rows = body
    .filter((entry) => !entry.record.every((cell) => cell.trim() === ''))
    .map((entry, i): CsvArticleRow => {
      const cells: Partial<Record<ArticleCsvColumn, string>> = {};
      columns.forEach((column, c) => (cells[column] = restoreCell(entry.record[c] ?? '')));
      const found = entry.record.length;
      return {
        row: i + 1,
        line: startLine(entry),
        cells,
        ...(found !== columns.length ? { cellCount: { found, expected: columns.length } } : {}),
      };
    });
  return { ok: true, rows };
}

/** csv-parse reports the line where a record ends; the line breaks inside its cells say where it began. */
function startLine(entry: CsvRecord): number {
  const inner = entry.record.reduce((count, cell) => count + (cell.match(/\n/g)?.length ?? 0), 0);
  return entry.info.lines - inner;
}

export function writeArticleCsv(articles: readonly Article[]): string {
  return writeCsvRows(articles.map(articleRow));
}

/** Rows of cells by column, as the file holds them (also what the round-trip test writes). */
export function writeCsvRows(rows: ReadonlyArray<Readonly<Record<ArticleCsvColumn, string>>>): string {
  return stringify(
    rows.map((row) => Object.fromEntries(ARTICLE_CSV_COLUMNS.map((c) => [c, neutraliseCell(row[c])]))),
    {
      header: true,
      columns: [...ARTICLE_CSV_COLUMNS],
      bom: true,
      record_delimiter: 'windows',
      // Line breaks inside a value are \n, which is not the record delimiter: quote them explicitly.
      quoted_match: /[\r\n]/,
    },
  );
}
