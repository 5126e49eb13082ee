/**
 * The catalog as CSV (RFC 4180): quoted fields may hold commas, quotes and line breaks; UTF-8 with
 * or without a byte-order mark. Written with a BOM and CRLF line ends, as Excel expects, and with
 * cells that a spreadsheet would run as formulas neutralised (formula-cells.ts).
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { CANONICAL_COLUMNS, rowOf } from '../../../domain/catalog/canonical-columns';
import { normaliseNewlines } from '../../../domain/catalog/field-rules';
import { mapHeader } from '../../../domain/catalog/header-mapping';
import type { SourceRow } from '../../../domain/catalog/row-validation';
import type { SolutionRecord } from '../../../domain/catalog/solution-record';
import { CatalogFileError } from './catalog-file-error';
import { neutraliseCell, restoreCell } from './formula-cells';
import type { ParsedCatalogFile } from './parsed-file';

interface CsvRecord {
  record: string[];
  info: { lines: number };
}

export function readCsv(text: string): ParsedCatalogFile {
  // One newline convention, so csv-parse's line count is exact and values compare equal.
  const normalized = normaliseNewlines(text.replace(/^\uFEFF/, ''));
  let records: CsvRecord[];
  try {
    records = parse(normalized, { info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as CsvRecord[];
  } catch (error) {
    const e = error as Error & { lines?: number };
    throw new CatalogFileError(`not valid CSV: ${e.message.replace(/ at line \d+.*$/s, '')}`, e.lines);
  }
  const [header, ...body] = records;
  if (header === undefined) throw new CatalogFileError('the file is empty');
  const mapped = mapHeader(header.record);
  if (!mapped.ok) throw new CatalogFileError(mapped.problem, startLine(header));

  const rows: SourceRow[] = [];
  for (const entry of body) {
    const cells = entry.record;
    // Spreadsheets leave rows of empty cells behind: they are blank lines, not records.
    if (cells.every((cell) => cell.trim() === '')) continue;
    const problems =
      cells.length === header.record.length ? [] : [`the row has ${cells.length} fields; the header has ${header.record.length}`];
    rows.push({ line: startLine(entry), values: mapped.mapping.rowValues(cells.map(restoreCell)), problems });
  }
  return { source: mapped.mapping.source, ignoredColumns: mapped.mapping.ignored, rows };
}

/** csv-parse reports the line where a record ends; the line breaks inside its fields say where it began. */
function startLine(entry: CsvRecord): number {
  const inner = entry.record.reduce((count, cell) => count + (cell.match(/\n/g)?.length ?? 0), 0);
  return entry.info.lines - inner;
}

export function writeCsv(records: readonly SolutionRecord[]): string {
  const rows = records.map((record) =>
    Object.fromEntries(Object.entries(rowOf(record)).map(([column, value]) => [column, neutraliseCell(value)])),
  );
  return stringify(rows, {
    header: true,
    columns: [...CANONICAL_COLUMNS],
    bom: true,
    record_delimiter: 'windows',
    // Line breaks inside a value are \n, which is not the record delimiter: quote them explicitly.
    quoted_match: /[\r\n]/,
  });
}
