/** A catalog file that cannot be read at all (bad header, broken quoting, not JSON…): nothing is imported. */
export class CatalogFileError extends Error {
  readonly code = 'CATALOG_FILE_INVALID';

  constructor(
    readonly reason: string,
    /** Physical line of the problem, when known. */
    readonly line?: number,
  ) {
    super(line === undefined ? reason : `line ${line}: ${reason}`);
    this.name = 'CatalogFileError';
  }
}
