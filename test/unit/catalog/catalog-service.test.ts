import { formatPeople } from '../../../src/domain/catalog/list-formats';
import { withTimestamps } from '../../../src/domain/catalog/solution-record';
import { CatalogService } from '../../../src/services/catalog/catalog-service';
import { LEE, MEGAN, NESTOR, record, row } from './fixtures';
import { MemoryCatalogStore } from './memory-catalog-store';

const T0 = new Date('2026-01-01T00:00:00Z');
const T1 = new Date('2026-02-01T00:00:00Z');

function setup() {
  const store = new MemoryCatalogStore();
  let now = T0;
  const service = new CatalogService(store, { clock: { now: () => now } });
  return { store, service, later: () => (now = T1) };
}

describe('CatalogService reads', () => {
  it('gets a solution by id, and nothing for an empty or unknown id', async () => {
    const { store, service } = setup();
    store.put(withTimestamps(record(), undefined, T0));
    expect(await service.get('expense-tracker')).toMatchObject({ name: 'Expense Tracker' });
    expect(await service.get('  ')).toBeUndefined();
    expect(await service.get('nope')).toBeUndefined();
    const reads = store.calls.get;
    expect(await service.get('x'.repeat(4000))).toBeUndefined();
    expect(await service.get('../etc/passwd')).toBeUndefined();
    expect(store.calls.get).toBe(reads); // not even asked
  });

  it('lists what a person made and co-owns, sorted, ignoring index rows the solution no longer backs', async () => {
    const { store, service } = setup();
    store.put(withTimestamps(record({ id: 'b', name: 'Budget' }), undefined, T0));
    store.put(withTimestamps(record({ id: 'a', name: 'Approvals', maker: LEE, coOwners: [MEGAN] }), undefined, T0));
    store.put(withTimestamps(record({ id: 'c', name: 'Calendar', maker: NESTOR, coOwners: [] }), undefined, T0));
    store.link(MEGAN.aadObjectId, 'c', 'co-owner'); // left behind by an interrupted write
    store.link(MEGAN.aadObjectId, 'gone', 'maker'); // solution no longer exists

    const mine = await service.solutionsOf(MEGAN.aadObjectId.toUpperCase());
    expect(mine.made.map((s) => s.id)).toEqual(['b']);
    expect(mine.coOwned.map((s) => s.id)).toEqual(['a']);
    expect(store.calls.listAll).toBe(0); // never a scan
    expect(await service.solutionsOf('')).toEqual({ made: [], coOwned: [] });
    expect(await service.solutionsOf('not-a-guid')).toEqual({ made: [], coOwned: [] });
  });

  it('rebuilds the search index only when the catalog version changes (one version read per search)', async () => {
    const { store, service } = setup();
    store.put(withTimestamps(record(), undefined, T0));
    await store.bumpVersion();

    expect((await service.search('expnse'))[0]?.solution.id).toBe('expense-tracker');
    expect((await service.search('tracker'))[0]?.solution.id).toBe('expense-tracker');
    expect(store.calls).toMatchObject({ listAll: 1, readVersion: 2 });

    store.put(withTimestamps(record({ id: 'travel', name: 'Travel Tracker' }), undefined, T0));
    expect((await service.search('travel')).map((m) => m.solution.id)).toEqual([]); // not bumped yet
    await store.bumpVersion();
    expect((await service.search('travel')).map((m) => m.solution.id)).toEqual(['travel']);
    expect(store.calls.listAll).toBe(2);
  });

  it('shares one rebuild between concurrent searches', async () => {
    const { store, service } = setup();
    store.put(withTimestamps(record(), undefined, T0));
    await Promise.all([service.search('expense'), service.search('tracker'), service.search('exp')]);
    expect(store.calls.listAll).toBe(1);
  });

  it('bounds the limit and finds nothing for a blank query', async () => {
    const { store, service } = setup();
    for (let i = 0; i < 60; i++) store.put(withTimestamps(record({ id: `s${i}`, name: `Expense ${i}` }), undefined, T0));
    expect(await service.search('expense', 1000)).toHaveLength(50);
    expect(await service.search('expense')).toHaveLength(8);
    expect(await service.search('   ')).toEqual([]);
  });
});

describe('CatalogService writes', () => {
  it('imports idempotently: added, then unchanged; timestamps only move on a real change', async () => {
    const { store, service, later } = setup();
    const rows = [{ line: 2, values: row() }];
    const first = await service.importRows(rows);
    expect(first.result).toEqual({ added: ['expense-tracker'], updated: [], unchanged: [] });
    expect(store.calls.bumpVersion).toBe(1);

    later();
    const again = await service.importRows(rows);
    expect(again).toMatchObject({ applied: false, plan: { unchanged: [expect.anything()] } });
    expect(store.calls.bumpVersion).toBe(1);

    const changed = await service.importRows([{ line: 2, values: row({ tier: 'Important', co_owners: formatPeople([LEE, NESTOR]) }) }]);
    expect(changed.result.updated).toEqual(['expense-tracker']);
    expect(await service.get('expense-tracker')).toMatchObject({
      tier: 'Important',
      createdAt: T0.toISOString(),
      updatedAt: T1.toISOString(),
    });
  });

  it('writes nothing when a strict import has a rejected row, the valid rows with --partial, nothing on a dry run', async () => {
    const { store, service } = setup();
    const rows = [
      { line: 2, values: row({ id: 'good' }) },
      { line: 3, values: row({ id: 'bad', tier: 'Gold' }) },
    ];
    expect(await service.importRows(rows)).toMatchObject({ applied: false });
    expect(await service.importRows(rows, { partial: true, dryRun: true })).toMatchObject({ applied: false });
    expect(store.calls.save).toBe(0);
    expect(await service.importRows(rows, { partial: true })).toMatchObject({ applied: true, result: { added: ['good'] } });
  });

  it('re-reads and decides again when another writer got there first', async () => {
    const { store, service } = setup();
    let raced = false;
    store.beforeSave = (solution) => {
      if (raced) return;
      raced = true;
      store.put({ ...solution, name: 'Renamed by someone else' });
    };
    const result = await service.upsertMany([record()]);
    expect(result.updated).toEqual(['expense-tracker']);
    expect((await service.get('expense-tracker'))?.name).toBe('Expense Tracker');
    expect(store.calls.save).toBe(2);
  });

  it('bumps the version for the writes that succeeded before reporting a failure', async () => {
    const { store, service } = setup();
    store.beforeSave = (solution) => {
      if (solution.id === 'b') throw new Error('storage down');
    };
    await expect(service.upsertMany([record({ id: 'a' }), record({ id: 'b' })])).rejects.toThrow('storage down');
    expect(store.calls.bumpVersion).toBe(1);
    expect(await service.get('a')).toBeDefined();
  });

  it('exports every solution sorted by id', async () => {
    const { store, service } = setup();
    for (const id of ['c', 'a', 'b']) store.put(withTimestamps(record({ id }), undefined, T0));
    expect((await service.exportAll()).map((s) => s.id)).toEqual(['a', 'b', 'c']);
  });
});
