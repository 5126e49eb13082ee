/**
 * How the stores call Table Storage and read its answers, in one place. A store says what an answer
 * means to it ("a missing row is fine", "someone changed it first") by name; this module turns Table
 * Storage's HTTP statuses into the ports' errors (domain/ports/storage-errors.ts): a conflict the
 * caller re-reads and decides again on, or StorageUnavailableError for everything else (the user is
 * told storage is down; the SDK has retried what it could, within the deadline).
 */
import type { TableClient, TableTransaction, TableTransactionResponse } from '@azure/data-tables';
import { ConcurrencyConflictError, StorageUnavailableError, type StorageError } from '../domain/ports/storage-errors';

/** The answers a conditional call can get that mean "not as you read it". */
const STATUS = {
  /** 404: the row is not there (never was, or deleted since it was read). */
  gone: 404,
  /** 409: the row exists already (a create, or a transaction creating it). */
  exists: 409,
  /** 412: the row changed since it was read (its ETag is stale). */
  changed: 412,
} as const;

export type StatusName = keyof typeof STATUS;

export function statusOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null ? (error as { statusCode?: number }).statusCode : undefined;
}

/** Whether the call failed with one of these answers. */
export function isStatus(error: unknown, ...names: readonly StatusName[]): boolean {
  const status = statusOf(error);
  return status !== undefined && names.some((name) => STATUS[name] === status);
}

/** The error's text for logs and messages: the SDK's message and its HTTP status, if any. */
export function describe(error: unknown): string {
  if (error instanceof StorageUnavailableError) return error.reason;
  if (error instanceof Error) {
    const status = statusOf(error);
    return status ? `${error.message} (HTTP ${status})` : error.message;
  }
  return String(error);
}

/** Storage could not do `what` (unreachable, a server error after retries, no answer in time…). */
export function unavailable(what: string, error: unknown): StorageUnavailableError {
  return new StorageUnavailableError(`${what}: ${describe(error)}`, error);
}

/** When a failed write means "someone else got there first": on which answers, and the key to name. */
export interface ConflictOn {
  readonly on: readonly StatusName[];
  readonly key: string;
}

/** The ports' error for a failed call: ConcurrencyConflictError on the answers `conflict` names, else unavailable. */
export function translate(error: unknown, what: string, conflict?: ConflictOn): StorageError {
  if (conflict && isStatus(error, ...conflict.on)) return new ConcurrencyConflictError(conflict.key);
  return unavailable(what, error);
}

/**
 * A point read: the row (and `decode` of it, decoded inside the call so that an unreadable row is
 * reported like a failed read), or undefined when there is no such row.
 */
export async function getOrUndefined<T extends object, R = T & { etag: string }>(
  table: TableClient,
  partitionKey: string,
  rowKey: string,
  what: string,
  decode?: (row: T & { etag: string }) => R,
): Promise<R | undefined> {
  try {
    const row = await table.getEntity<T>(partitionKey, rowKey);
    return decode ? decode(row) : (row as unknown as R);
  } catch (error) {
    if (isStatus(error, 'gone')) return undefined;
    throw unavailable(what, error);
  }
}

/**
 * Deletes a row (only the version read, with `etag`); a row already gone, or on the `ignore` answers,
 * is not an error. True when this call deleted it.
 */
export async function deleteRow(
  table: TableClient,
  partitionKey: string,
  rowKey: string,
  what: string,
  options: { readonly etag?: string; readonly ignore?: readonly StatusName[] } = {},
): Promise<boolean> {
  try {
    await table.deleteEntity(partitionKey, rowKey, options.etag ? { etag: options.etag } : undefined);
    return true;
  } catch (error) {
    if (isStatus(error, ...(options.ignore ?? ['gone']))) return false;
    throw unavailable(what, error);
  }
}

/** One entity-group transaction; a failure is translated (see `translate`). */
export async function submit(
  table: TableClient,
  tx: TableTransaction,
  what: string,
  conflict?: ConflictOn,
): Promise<TableTransactionResponse> {
  try {
    return await table.submitTransaction(tx.actions);
  } catch (error) {
    throw translate(error, what, conflict);
  }
}

/** Rows of one partition in RowKey order: a prefix range (or up to `below`), never a scan. */
export interface RangeQuery {
  readonly partitionKey: string;
  readonly prefix: string;
  /** The exclusive upper bound, when it is not the end of the prefix. */
  readonly below?: string;
  /** Only rows after this key (a continuation: the last row of the previous page). */
  readonly after?: string;
  /** A further condition on the rows' properties (OData). */
  readonly where?: string;
  readonly select?: string[];
  /** At most this many rows (default: all of them). */
  readonly limit?: number;
}

export async function listRange<T extends object>(
  table: TableClient,
  query: RangeQuery,
  what: string,
): Promise<Array<T & { etag: string }>> {
  const { partitionKey, prefix, limit } = query;
  const lower = query.after !== undefined ? `RowKey gt '${quoted(query.after)}'` : `RowKey ge '${quoted(prefix)}'`;
  const filter = `PartitionKey eq '${quoted(partitionKey)}' and ${lower} and RowKey lt '${quoted(query.below ?? prefixEnd(prefix))}'${query.where ? ` and ${query.where}` : ''}`;
  const rows: Array<T & { etag: string }> = [];
  try {
    const pages = table.listEntities<T>({ queryOptions: { filter, ...(query.select ? { select: query.select } : {}) } });
    for await (const page of pages.byPage({ maxPageSize: Math.min(limit ?? 1000, 1000) })) {
      rows.push(...(page as Array<T & { etag: string }>));
      if (limit !== undefined && rows.length >= limit) break;
    }
  } catch (error) {
    throw unavailable(what, error);
  }
  return limit === undefined ? rows : rows.slice(0, limit);
}

/** A value inside an OData string literal: a single quote is written twice. */
function quoted(value: string): string {
  return value.replace(/'/g, "''");
}

/** The upper bound of a prefix range: `~` sorts after every other printable ASCII character. */
export function prefixEnd(prefix: string): string {
  return `${prefix}~`;
}
