import { TableClient, TableEntity } from '@azure/data-tables';
import { ConcurrencyConflictError, InvalidKeyError, StorageUnavailableError, ValueTooLargeError } from './storage-errors';
import { encodeKey, fitsInKey } from './table-keys';
import { describe, statusOf } from './table-service';

/** Items as botbuilder's `Storage` sees them: JSON objects with an optional `eTag`. */
export type StoreItems = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * A key-value store over one table with the same contract as botbuilder's in-memory storage, so it plugs
 * into teams-ai as its `storage` (structurally: this layer does not import botbuilder):
 * - `read` returns stored items with their current `eTag`; missing keys are absent;
 * - `write` with no eTag or `*` overwrites; with an eTag it succeeds only if nobody wrote since, and
 *   otherwise throws ConcurrencyConflictError;
 * - `delete` removes unconditionally and ignores missing keys.
 *
 * One entity per key (PartitionKey = encoded key). The JSON is split across up to MAX_CHUNKS string
 * properties because one property holds at most 64 KiB; larger values are rejected with ValueTooLargeError.
 */
const CHUNK_CHARS = 32_000; // 64,000 bytes in UTF-16, under the 64 KiB property limit
const MAX_CHUNKS = 15; // stays under the 1 MiB entity limit with room for keys and metadata
const ROW = 'state';

export const MAX_STATE_VALUE_CHARS = CHUNK_CHARS * MAX_CHUNKS;

interface StateEntity extends TableEntity {
  chunks: number;
  [chunk: `d${number}`]: string;
}

export class TableStateStore {
  constructor(private readonly table: TableClient) {}

  async read(keys: string[]): Promise<StoreItems> {
    const found = await Promise.all(keys.map(async (key) => [key, await this.readOne(key)] as const));
    const items: StoreItems = {};
    for (const [key, value] of found) if (value !== undefined) items[key] = value;
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await Promise.all(Object.entries(changes).map(([key, value]) => this.writeOne(key, value)));
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(
      keys.map(async (key) => {
        try {
          await this.table.deleteEntity(partitionOf(key), ROW);
        } catch (error) {
          if (statusOf(error) !== 404) throw unavailable(key, error);
        }
      }),
    );
  }

  private async readOne(key: string): Promise<object | undefined> {
    try {
      const entity = await this.table.getEntity<StateEntity>(partitionOf(key), ROW);
      let json = '';
      for (let i = 0; i < entity.chunks; i++) json += entity[`d${i}`] ?? '';
      return { ...(JSON.parse(json) as object), eTag: entity.etag };
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw unavailable(key, error);
    }
  }

  private async writeOne(key: string, value: unknown): Promise<void> {
    if (value === null || typeof value !== 'object') throw new TypeError(`Storage: value for "${key}" must be an object`);
    const { eTag, ...data } = value as { eTag?: string };
    const entity = toEntity(key, JSON.stringify(data));
    try {
      if (eTag === undefined || eTag === '*') {
        await this.table.upsertEntity(entity, 'Replace');
      } else {
        await this.table.updateEntity(entity, 'Replace', { etag: eTag });
      }
    } catch (error) {
      const status = statusOf(error);
      // 412: changed since read. 404 with an eTag: deleted since read; botbuilder's in-memory storage would then accept
      // the write, so create it, and a 409 there means another writer re-created it first.
      if (status === 412) throw new ConcurrencyConflictError(key);
      if (status === 404 && eTag !== undefined) {
        try {
          await this.table.createEntity(entity);
          return;
        } catch (createError) {
          if (statusOf(createError) === 409) throw new ConcurrencyConflictError(key);
          throw unavailable(key, createError);
        }
      }
      throw unavailable(key, error);
    }
  }
}

function partitionOf(key: string): string {
  const encoded = encodeKey(key);
  if (!fitsInKey(encoded)) throw new InvalidKeyError(key, 'longer than 1 KiB once encoded');
  return encoded;
}

function toEntity(key: string, json: string): StateEntity {
  if (json.length > MAX_STATE_VALUE_CHARS) throw new ValueTooLargeError(key, json.length, MAX_STATE_VALUE_CHARS);
  const entity: StateEntity = { partitionKey: partitionOf(key), rowKey: ROW, chunks: 0 };
  let start = 0;
  do {
    let end = Math.min(start + CHUNK_CHARS, json.length);
    // Never split a surrogate pair: each property must be valid UTF-16 on its own.
    if (end < json.length && isHighSurrogate(json.charCodeAt(end - 1))) end -= 1;
    entity[`d${entity.chunks}`] = json.slice(start, end);
    entity.chunks += 1;
    start = end;
  } while (start < json.length);
  if (entity.chunks > MAX_CHUNKS) throw new ValueTooLargeError(key, json.length, MAX_STATE_VALUE_CHARS);
  return entity;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function unavailable(key: string, error: unknown): StorageUnavailableError {
  return new StorageUnavailableError(`state "${key}": ${describe(error)}`, error);
}
