import { TableClient, TableEntity } from '@azure/data-tables';
import type { StoreItems, TurnStateStore } from '../domain/ports/turn-state';
import { ConcurrencyConflictError, InvalidKeyError, ValueTooLargeError } from '../domain/ports/storage-errors';
import { MAX_PART_BYTES, textFromParts, textToParts } from './stored-text';
import { encodeKey, fitsInKey } from './table-keys';
import { isStatus, unavailable } from './table-calls';

/**
 * The bot's turn state (the TurnStateStore port: botbuilder's in-memory storage contract, which teams-ai
 * takes as its `storage`) over one table.
 *
 * One entity per key (PartitionKey = encoded key). The JSON is stored as its UTF-8 bytes (Edm.Binary, see
 * stored-text.ts for why), split across up to MAX_CHUNKS properties `d0`, `d1`… of at most 64 KiB each
 * (`chunks` says how many); larger values are rejected with ValueTooLargeError. Entities written before
 * held the same JSON as string chunks (32,000 UTF-16 code units each): they still read back.
 */
// 11 × 64 KiB is 939,008 characters of base64: the request body stays under 1 MiB, the entity limit
// (Azurite measures the body; Azure the stored bytes, which are fewer).
const MAX_CHUNKS = 11;
const ROW = 'state';

export const MAX_STATE_VALUE_BYTES = MAX_CHUNKS * MAX_PART_BYTES;

interface StateEntity extends TableEntity {
  chunks: number;
  /** Bytes; a string in entities written before binary storage. */
  [chunk: `d${number}`]: Uint8Array | string;
}

export class TableStateStore implements TurnStateStore {
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
          if (!isStatus(error, 'gone')) throw unavailable(what(key), error);
        }
      }),
    );
  }

  // The key's partition is computed inside the try on purpose, as before: a key too long to store is
  // reported by read and delete like any failed call (only write names it InvalidKeyError).
  private async readOne(key: string): Promise<object | undefined> {
    try {
      const entity = await this.table.getEntity<StateEntity>(partitionOf(key), ROW);
      const json = textFromParts(Array.from({ length: entity.chunks }, (_, i) => entity[`d${i}`]));
      return { ...(JSON.parse(json) as object), eTag: entity.etag };
    } catch (error) {
      if (isStatus(error, 'gone')) return undefined;
      throw unavailable(what(key), error);
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
      // 412: changed since read. 404 with an eTag: deleted since read; botbuilder's in-memory storage would then accept
      // the write, so create it, and a 409 there means another writer re-created it first.
      if (isStatus(error, 'changed')) throw new ConcurrencyConflictError(key);
      if (isStatus(error, 'gone') && eTag !== undefined) {
        try {
          await this.table.createEntity(entity);
          return;
        } catch (createError) {
          if (isStatus(createError, 'exists')) throw new ConcurrencyConflictError(key);
          throw unavailable(what(key), createError);
        }
      }
      throw unavailable(what(key), error);
    }
  }
}

function partitionOf(key: string): string {
  const encoded = encodeKey(key);
  if (!fitsInKey(encoded)) throw new InvalidKeyError(key, 'longer than 1 KiB once encoded');
  return encoded;
}

function toEntity(key: string, json: string): StateEntity {
  const parts = textToParts(json);
  if (parts.length > MAX_CHUNKS) throw new ValueTooLargeError(key, Buffer.byteLength(json, 'utf8'), MAX_STATE_VALUE_BYTES);
  const entity: StateEntity = { partitionKey: partitionOf(key), rowKey: ROW, chunks: parts.length };
  parts.forEach((part, i) => (entity[`d${i}`] = part));
  return entity;
}

/** How a failed call about a key is named in errors. */
function what(key: string): string {
  return `state "${key}"`;
}
