/**
 * The errors of the storage ports. Storage adapters translate their backend's answers (Table
 * Storage's HTTP statuses) into these; callers branch on the class (or `code`), never on a status
 * number or a message.
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

/** Thrown when creating a request whose id exists: the caller reads it back (idempotency). */
export class RequestExistsError extends ConcurrencyConflictError {
  constructor(readonly requestId: string) {
    super(`request ${requestId}`);
    this.name = 'RequestExistsError';
  }
}

/** A value larger than one stored entity can hold (sizes in bytes of UTF-8). */
export class ValueTooLargeError extends StorageError {
  readonly code = 'STORAGE_VALUE_TOO_LARGE';
  constructor(
    readonly key: string,
    readonly size: number,
    readonly limit: number,
  ) {
    super(`Storage: value for "${key}" is ${size} bytes; the limit is ${limit} bytes.`);
    this.name = 'ValueTooLargeError';
  }
}

/** A key storage cannot hold even once encoded (too long). */
export class InvalidKeyError extends StorageError {
  readonly code = 'STORAGE_INVALID_KEY';
  constructor(
    readonly key: string,
    reason: string,
  ) {
    super(`Storage: key "${key.slice(0, 80)}" cannot be stored: ${reason}.`);
    this.name = 'InvalidKeyError';
  }
}

/** Storage could not be reached, answered with a server error after retries, or not in time. */
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

/** A storage call, retries included, got no answer within its time budget (storage/deadline-policy.ts). */
export class StorageTimeoutError extends StorageUnavailableError {
  constructor(
    readonly timeoutMs: number,
    cause?: unknown,
  ) {
    super(`no answer from Table Storage within ${timeoutMs} ms`, cause);
    this.name = 'StorageTimeoutError';
  }
}
