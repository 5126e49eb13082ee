/** Catalog files by format: the extension decides (`.csv` or `.json`). */
import type { SolutionRecord } from '../../../domain/catalog/solution-record';
import { readCsv, writeCsv } from './catalog-csv';
import { readJson, writeJson } from './catalog-json';
import type { ParsedCatalogFile } from './parsed-file';

export { CatalogFileError } from './catalog-file-error';
export type { ParsedCatalogFile } from './parsed-file';

export const CATALOG_FORMATS = ['csv', 'json'] as const;
export type CatalogFormat = (typeof CATALOG_FORMATS)[number];

export function formatOf(fileName: string): CatalogFormat | undefined {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return (CATALOG_FORMATS as readonly string[]).includes(extension ?? '') ? (extension as CatalogFormat) : undefined;
}

/** Throws CatalogFileError when the file as a whole cannot be read. */
export function readCatalogFile(text: string, format: CatalogFormat): ParsedCatalogFile {
  return format === 'csv' ? readCsv(text) : readJson(text);
}

export function writeCatalogFile(records: readonly SolutionRecord[], format: CatalogFormat): string {
  return format === 'csv' ? writeCsv(records) : writeJson(records);
}
