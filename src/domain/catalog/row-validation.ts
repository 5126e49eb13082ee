/**
 * Validation of a whole file's rows: each row on its own, then the rules across rows (an id may
 * appear once). Every rejected row keeps the line where it starts, for the report.
 */
import type { RowValues } from './canonical-columns';
import { validateRecord } from './record-validation';
import type { SolutionRecord } from './solution-record';

export interface SourceRow {
  /** Physical line (1-based) where the row starts in the file. */
  readonly line: number;
  readonly values: RowValues;
  /** Problems found while reading the row (wrong number of fields, a JSON value that is not text…). */
  readonly problems?: readonly string[];
}

export interface AcceptedRow {
  readonly line: number;
  readonly record: SolutionRecord;
  /** Values left out of the record (usage figures it could not read); the row is still imported. */
  readonly warnings?: readonly string[];
}

export interface RejectedRow {
  readonly line: number;
  readonly id: string | undefined;
  readonly reasons: readonly string[];
}

export interface RowsResult {
  readonly accepted: readonly AcceptedRow[];
  readonly rejected: readonly RejectedRow[];
}

export function validateRows(rows: readonly SourceRow[]): RowsResult {
  const checked = rows.map((row) => {
    const result = validateRecord(row.values);
    const reasons = [...(row.problems ?? []), ...(result.ok ? [] : result.issues.map((issue) => issue.message))];
    const id = result.ok ? result.record.id : (result.id ?? (row.values.id?.trim() || undefined));
    const warnings = result.ok ? result.warnings : [];
    return { row, id, record: result.ok && reasons.length === 0 ? result.record : undefined, reasons, warnings };
  });

  // Which copy of a duplicated id is right is anybody's guess: every copy is rejected.
  const lines = new Map<string, number[]>();
  for (const { row, id } of checked) if (id !== undefined) lines.set(id, [...(lines.get(id) ?? []), row.line]);

  const accepted: AcceptedRow[] = [];
  const rejected: RejectedRow[] = [];
  for (const { row, id, record, reasons, warnings } of checked) {
    const others = id === undefined ? [] : (lines.get(id) ?? []).filter((line) => line !== row.line);
    const all = others.length > 0 ? [...reasons, `duplicate id "${id}" in the file (also on line ${others.join(', ')})`] : reasons;
    if (record && all.length === 0) accepted.push({ line: row.line, record, ...(warnings.length > 0 ? { warnings } : {}) });
    else rejected.push({ line: row.line, id, reasons: all });
  }
  return { accepted, rejected };
}
