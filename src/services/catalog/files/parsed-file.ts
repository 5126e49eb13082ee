import type { FileSource } from '../../../domain/catalog/header-mapping';
import type { SourceRow } from '../../../domain/catalog/row-validation';

/** A catalog file read into rows of canonical values, not validated yet. */
export interface ParsedCatalogFile {
  readonly source: FileSource;
  /** Columns that feed nothing (reported, not an error). */
  readonly ignoredColumns: readonly string[];
  readonly rows: readonly SourceRow[];
}
