/**
 * Where the scheduled catalog sync reads the CoE Starter Kit export from: a file in a blob container,
 * or the Dataverse Web API. Implemented in src/storage/catalog-sources/.
 */
export interface CatalogSourceFile {
  /** The file's name (or the URL read), for the report; its extension decides the format. */
  readonly name: string;
  readonly format: 'csv' | 'json';
  readonly text: string;
}

export interface CatalogSource {
  /** What is read, in words, for the status ("blob catalog/coe-apps.csv"). */
  readonly description: string;
  /** Throws CatalogSourceError when the source cannot be read (missing, refused, unreachable). */
  read(): Promise<CatalogSourceFile>;
}

export class CatalogSourceError extends Error {
  readonly code = 'CATALOG_SOURCE_UNAVAILABLE';
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'CatalogSourceError';
  }
}
