import { ConcurrencyConflictError, InvalidKeyError, ValueTooLargeError } from '../../src/domain/ports/storage-errors';
import type { TableClient } from '@azure/data-tables';
import { encodeKey } from '../../src/storage/table-keys';
import { MAX_STATE_VALUE_BYTES, TableStateStore } from '../../src/storage/table-state-store';
import { fill, KOREAN, EMOJI } from '../support/large-text';
import { freshTables } from '../support/test-storage';

describe('TableStateStore (botbuilder Storage contract on Azurite)', () => {
  let store: TableStateStore;
  let table: TableClient;

  beforeAll(async () => {
    const tables = await freshTables();
    table = tables.client('botState');
    store = new TableStateStore(table);
  });

  it('reads back what it wrote, with an eTag, and omits missing keys', async () => {
    await store.write({ 'conv/1': { count: 1, nested: { list: [1, 2, 3] } } });
    const items = await store.read(['conv/1', 'conv/missing']);
    expect(Object.keys(items)).toEqual(['conv/1']);
    expect(items['conv/1']).toMatchObject({ count: 1, nested: { list: [1, 2, 3] } });
    expect(typeof items['conv/1'].eTag).toBe('string');
  });

  it('overwrites without an eTag or with "*"', async () => {
    await store.write({ 'k/overwrite': { v: 1 } });
    await store.write({ 'k/overwrite': { v: 2 } });
    await store.write({ 'k/overwrite': { v: 3, eTag: '*' } });
    expect((await store.read(['k/overwrite']))['k/overwrite'].v).toBe(3);
  });

  it('accepts a write carrying the current eTag and rejects a stale one', async () => {
    await store.write({ 'k/etag': { v: 1 } });
    const first = (await store.read(['k/etag']))['k/etag'];
    const second = (await store.read(['k/etag']))['k/etag'];

    await store.write({ 'k/etag': { ...first, v: 2 } });
    await expect(store.write({ 'k/etag': { ...second, v: 3 } })).rejects.toBeInstanceOf(ConcurrencyConflictError);
    await expect(store.write({ 'k/etag': { ...second, v: 3 } })).rejects.toThrow('Storage: error writing "k/etag" due to eTag conflict.');
    expect((await store.read(['k/etag']))['k/etag'].v).toBe(2);
  });

  it('lets exactly one of two concurrent writers with the same eTag win', async () => {
    await store.write({ 'k/race': { v: 0 } });
    const read = (await store.read(['k/race']))['k/race'];
    const results = await Promise.allSettled([
      store.write({ 'k/race': { ...read, v: 'a' } }),
      store.write({ 'k/race': { ...read, v: 'b' } }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(ConcurrencyConflictError);
  });

  it("recreates an item deleted since it was read (as botbuilder's in-memory storage does)", async () => {
    await store.write({ 'k/deleted': { v: 1 } });
    const read = (await store.read(['k/deleted']))['k/deleted'];
    await store.delete(['k/deleted']);
    await store.write({ 'k/deleted': { ...read, v: 2 } });
    expect((await store.read(['k/deleted']))['k/deleted'].v).toBe(2);
  });

  it('deletes, and ignores keys that do not exist', async () => {
    await store.write({ 'k/del': { v: 1 } });
    await store.delete(['k/del', 'k/never-existed']);
    expect(await store.read(['k/del'])).toEqual({});
  });

  it.each([
    ['slashes and backslashes', 'msteams/bot/conversations/a:1\\b'],
    ['hash and question mark', 'team#1?channel'],
    ['percent and tilde', '100% ~done~'],
    ['control characters', 'line\nbreak\ttab\u0001'],
    ['non-ASCII', 'équipe/팀/lag'],
  ])('round-trips keys with %s', async (_label, key) => {
    await store.write({ [key]: { key } });
    const items = await store.read([key]);
    expect(items[key]).toMatchObject({ key });
  });

  it('rejects a key that is too long for Table Storage, with a clear error', async () => {
    const key = 'x'.repeat(600);
    await expect(store.write({ [key]: { v: 1 } })).rejects.toBeInstanceOf(InvalidKeyError);
  });

  it('splits values larger than one property across several and reads them back intact', async () => {
    // Surrogate pairs straddle the 32,000-character chunk boundaries.
    const big = '😀'.repeat(70_000);
    await store.write({ 'k/big': { big } });
    expect((await store.read(['k/big']))['k/big'].big).toBe(big);
  });

  it.each([
    ['Korean', KOREAN],
    ['emoji', EMOJI],
  ])('round-trips %s text filling the largest value an entity holds', async (label, unit) => {
    // 3 bytes per UTF-16 code unit for Korean, 2 for emoji: the JSON's UTF-8 ends just under the limit.
    const text = fill(unit, MAX_STATE_VALUE_BYTES - 64);
    const key = `k/max/${label}`;
    await store.write({ [key]: { text } });
    const stored = await table.getEntity<{ chunks: number; d0: unknown }>(encodeKey(key), 'state');
    expect(stored.chunks).toBe(11);
    expect(stored.d0).toBeInstanceOf(Uint8Array);
    expect((await store.read([key]))[key].text === text).toBe(true);
  });

  it('reads values written in the old string-chunk format, and replaces them with the current one', async () => {
    // Before binary storage: JSON split into string chunks of UTF-16 code units, never inside a surrogate pair.
    const json = JSON.stringify({ note: `${KOREAN}${EMOJI}`.repeat(40) });
    const cut = json.indexOf('💻') + 2;
    await table.createEntity({ partitionKey: encodeKey('k/old'), rowKey: 'state', chunks: 2, d0: json.slice(0, cut), d1: json.slice(cut) });

    const old = (await store.read(['k/old']))['k/old'];
    expect(old.note).toBe(`${KOREAN}${EMOJI}`.repeat(40));
    await store.write({ 'k/old': { ...old, note: 'rewritten 한국어' } });
    expect((await store.read(['k/old']))['k/old'].note).toBe('rewritten 한국어');
    expect((await table.getEntity<{ d0: unknown; d1?: unknown }>(encodeKey('k/old'), 'state')).d1).toBeUndefined();
  });

  it('rejects a value larger than an entity can hold, and keeps the previous value', async () => {
    await store.write({ 'k/huge': { v: 'small' } });
    const huge = 'x'.repeat(MAX_STATE_VALUE_BYTES);
    await expect(store.write({ 'k/huge': { huge } })).rejects.toBeInstanceOf(ValueTooLargeError);
    await expect(store.write({ 'k/huge': { huge } })).rejects.toThrow(/limit is 720896 bytes/);
    const korean = fill(KOREAN, MAX_STATE_VALUE_BYTES - 10);
    await expect(store.write({ 'k/huge': { korean: `${korean}한국어` } })).rejects.toBeInstanceOf(ValueTooLargeError);
    expect((await store.read(['k/huge']))['k/huge'].v).toBe('small');
  });
});
