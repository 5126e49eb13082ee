/**
 * Typed storage errors. Callers branch on the class (or `code`), never on a status number or a
 * message: the storage layer translates Table Storage's HTTP answers into these.
 */
export abstract class StorageError extends Error {
  abstract readonly code: string;
}

/** Someone else changed (or created) the entity since it was read: re-read and decide again. */
export class ConcurrencyConflictError extends StorageError {
  readonly code = 'STORAGE_CONFLICT';
  constructor(readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'ConcurrencyConflictError';
  }
}

/** A value larger than one Table Storage entity can hold (sizes in bytes of UTF-8). */
export class ValueTooLargeError extends StorageError {
  readonly code = 'STORAGE_VALUE_TOO_LARGE';
  constructor(readonly key: string, readonly size: number, readonly limit: number) {
    super(`Storage: value for "${key}" is ${size} bytes; the limit is ${limit} bytes.`);
    this.name = 'ValueTooLargeError';
  }
}

/** A key Table Storage cannot hold even once encoded (too long). */
export class InvalidKeyError extends StorageError {
  readonly code = 'STORAGE_INVALID_KEY';
  constructor(readonly key: string, reason: string) {
    super(`Storage: key "${key.slice(0, 80)}" cannot be stored: ${reason}.`);
    this.name = 'InvalidKeyError';
  }
}

/** Table Storage could not be reached, answered with a server error after retries, or not in time. */
export class StorageUnavailableError extends StorageError {
  readonly code = 'STORAGE_UNAVAILABLE';
  constructor(
    /** Why, without the "Storage unavailable" prefix (for wrapping it in a longer message). */
    readonly reason: string,
    cause?: unknown,
  ) {
    super(`Storage unavailable: ${reason}`, { cause });
    this.name = 'StorageUnavailableError';
  }
}

/** A storage call, retries included, got no answer within its time budget (see deadline-policy.ts). */
export class StorageTimeoutError extends StorageUnavailableError {
  constructor(
    readonly timeoutMs: number,
    cause?: unknown,
  ) {
    super(`no answer from Table Storage within ${timeoutMs} ms`, cause);
    this.name = 'StorageTimeoutError';
  }
}
