/**
 * What importing a file would change: every row classified as added, updated (with the fields that
 * change), unchanged or rejected. Pure: the service computes it against the stored catalog and
 * applies it; `--dry-run` only prints it.
 */
import type { RejectedRow, RowsResult } from './row-validation';
import { changedFields, type RecordField, type SolutionRecord } from './solution-record';

export interface PlannedRow {
  readonly line: number;
  readonly record: SolutionRecord;
  readonly warnings?: readonly string[];
}

export interface PlannedUpdate extends PlannedRow {
  readonly changed: readonly RecordField[];
}

export interface ImportPlan {
  readonly added: readonly PlannedRow[];
  readonly updated: readonly PlannedUpdate[];
  readonly unchanged: readonly PlannedRow[];
  readonly rejected: readonly RejectedRow[];
}

export function planImport(rows: RowsResult, existing: ReadonlyMap<string, SolutionRecord>): ImportPlan {
  const added: PlannedRow[] = [];
  const updated: PlannedUpdate[] = [];
  const unchanged: PlannedRow[] = [];
  for (const { line, record, warnings } of rows.accepted) {
    const extra = warnings?.length ? { warnings } : {};
    const before = existing.get(record.id);
    if (before === undefined) {
      added.push({ line, record, ...extra });
      continue;
    }
    const changed = changedFields(before, record);
    if (changed.length === 0) unchanged.push({ line, record, ...extra });
    else updated.push({ line, record, changed, ...extra });
  }
  return { added, updated, unchanged, rejected: rows.rejected };
}

/** The records an import writes: all changes, or none when a strict import has rejected rows. */
export function recordsToWrite(plan: ImportPlan, partial: boolean): SolutionRecord[] {
  if (plan.rejected.length > 0 && !partial) return [];
  return [...plan.added, ...plan.updated].map((row) => row.record);
}
