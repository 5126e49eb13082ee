import { TableClient } from '@azure/data-tables';
import { withTimestamps } from '../../src/domain/catalog/solution-record';
import type { Solution } from '../../src/domain/solution';
import { CatalogTableStore } from '../../src/storage/catalog/catalog-table-store';
import { PersonIndex } from '../../src/storage/catalog/person-index';
import { ConcurrencyConflictError } from '../../src/domain/ports/storage-errors';
import type { TableService } from '../../src/storage/table-service';
import { LEE, MEGAN, NESTOR, record } from '../unit/catalog/fixtures';
import { freshTables, testConnectionString } from '../support/test-storage';

const T0 = new Date('2026-01-01T00:00:00Z');
const solution = (overrides: Parameters<typeof record>[0] = {}): Solution => withTimestamps(record(overrides), undefined, T0);

/** A table client that records every request it sends (method and decoded URL). */
function recordingClient(tables: TableService, key: 'catalogSolutions' | 'catalogPeople' | 'catalogMeta', log: string[]): TableClient {
  return TableClient.fromConnectionString(testConnectionString(), tables.tableName(key), {
    allowInsecureConnection: true,
    additionalPolicies: [
      {
        position: 'perCall',
        policy: {
          name: 'record-requests',
          sendRequest: (request, next) => {
            log.push(`${request.method} ${decodeURIComponent(request.url)}`);
            return next(request);
          },
        },
      },
    ],
  });
}

async function indexRows(tables: TableService): Promise<string[]> {
  const rows: string[] = [];
  for await (const row of tables.client('catalogPeople').listEntities<{ role: string }>())
    rows.push(`${row.partitionKey}/${row.rowKey}=${row.role}`);
  return rows.sort();
}

describe('CatalogTableStore on Azurite', () => {
  let tables: TableService;
  let store: CatalogTableStore;

  beforeEach(async () => {
    tables = await freshTables();
    store = CatalogTableStore.on(tables);
  });

  it('creates a solution with its person index rows, and reads it back with an ETag', async () => {
    const s = solution({ coOwners: [LEE, NESTOR] });
    await store.save(s, undefined);
    const stored = await store.get(s.id);
    expect(stored?.solution).toEqual(s);
    expect(stored?.etag).toEqual(expect.any(String));
    expect(await indexRows(tables)).toEqual(
      [
        `${MEGAN.aadObjectId}/expense-tracker=maker`,
        `${LEE.aadObjectId}/expense-tracker=co-owner`,
        `${NESTOR.aadObjectId}/expense-tracker=co-owner`,
      ].sort(),
    );
    expect(await store.get('missing')).toBeUndefined();
  });

  it('refuses a stale write (412) and a second create (409), keeping the stored version', async () => {
    await store.save(solution(), undefined);
    const first = (await store.get('expense-tracker'))!;
    await store.save({ ...first.solution, name: 'Renamed' }, first);

    await expect(store.save({ ...first.solution, name: 'Stale' }, first)).rejects.toBeInstanceOf(ConcurrencyConflictError);
    await expect(store.save(solution({ name: 'Duplicate' }), undefined)).rejects.toBeInstanceOf(ConcurrencyConflictError);
    expect((await store.get('expense-tracker'))?.solution.name).toBe('Renamed');
  });

  it('lets exactly one of two concurrent writers with the same ETag win', async () => {
    await store.save(solution(), undefined);
    const read = (await store.get('expense-tracker'))!;
    const results = await Promise.allSettled([
      store.save({ ...read.solution, name: 'A' }, read),
      store.save({ ...read.solution, name: 'B' }, read),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrencyConflictError);
  });

  it('keeps the person index in step: removed people lose their row, roles follow the solution', async () => {
    await store.save(solution({ coOwners: [LEE, NESTOR] }), undefined);
    const v1 = (await store.get('expense-tracker'))!;
    await store.save({ ...v1.solution, maker: LEE, coOwners: [MEGAN] }, v1);
    expect(await indexRows(tables)).toEqual(
      [`${MEGAN.aadObjectId}/expense-tracker=co-owner`, `${LEE.aadObjectId}/expense-tracker=maker`].sort(),
    );
    expect(await store.listByPerson(NESTOR.aadObjectId)).toEqual([]);
    expect(await store.listByPerson(LEE.aadObjectId.toUpperCase())).toEqual([{ solutionId: 'expense-tracker', role: 'maker' }]);
  });

  it('never deletes an index row that another writer touched after it was read', async () => {
    const index = new PersonIndex(tables.client('catalogPeople'));
    const s = solution();
    await index.touch(LEE.aadObjectId, s, 'co-owner');
    const etag = (await index.etagOf(LEE.aadObjectId, s.id))!;
    await index.touch(LEE.aadObjectId, s, 'co-owner'); // a later version of the solution still names Lee
    await index.remove(LEE.aadObjectId, s.id, etag);
    expect(await index.etagOf(LEE.aadObjectId, s.id)).toBeDefined();
  });

  it("reads a person's solutions from their partition only", async () => {
    await store.save(solution({ id: 'a', coOwners: [LEE] }), undefined);
    await store.save(solution({ id: 'b', maker: NESTOR, coOwners: [MEGAN] }), undefined);
    await store.save(solution({ id: 'c', maker: LEE, coOwners: [] }), undefined);

    const log: string[] = [];
    const recording = new CatalogTableStore({
      solutions: recordingClient(tables, 'catalogSolutions', log),
      people: recordingClient(tables, 'catalogPeople', log),
      meta: recordingClient(tables, 'catalogMeta', log),
    });
    const links = await recording.listByPerson(MEGAN.aadObjectId);
    expect(links.sort((x, y) => x.solutionId.localeCompare(y.solutionId))).toEqual([
      { solutionId: 'a', role: 'maker' },
      { solutionId: 'b', role: 'co-owner' },
    ]);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatch(
      new RegExp(`^GET .*/${tables.tableName('catalogPeople')}\\(\\)\\?.*\\$filter=PartitionKey eq '${MEGAN.aadObjectId}'`),
    );
  });

  it('bumps the version entity with its ETag: every bump counts, even concurrent ones', async () => {
    expect(await store.readVersion()).toBeUndefined();
    await store.bumpVersion();
    const v1 = await store.readVersion();
    await Promise.all(Array.from({ length: 6 }, () => store.bumpVersion()));
    const v2 = await store.readVersion();
    expect(v1).toEqual(expect.any(String));
    expect(v2).not.toBe(v1);
    const entity = await tables.client('catalogMeta').getEntity<{ revision: number }>('catalog', 'version');
    expect(entity.revision).toBe(7);
  });

  it('lists every solution and skips (and reports) a row that is not a valid solution', async () => {
    const problems: string[] = [];
    const reporting = CatalogTableStore.on(tables, { onInvalidRow: (id) => problems.push(id) });
    await reporting.save(solution({ id: 'good' }), undefined);
    await tables.client('catalogSolutions').createEntity({ partitionKey: 'broken', rowKey: 'solution', name: 'No tier' });
    expect((await reporting.listAll()).map((s) => s.solution.id)).toEqual(['good']);
    expect(await reporting.get('broken')).toBeUndefined();
    expect(problems).toEqual(['broken', 'broken']);
  });

  it('lets an import repair a row that is not a valid solution (conditionally, like any write)', async () => {
    await tables.client('catalogSolutions').createEntity({ partitionKey: 'expense-tracker', rowKey: 'solution', name: 'No tier' });
    expect(await store.get('expense-tracker')).toBeUndefined();
    await store.save(solution(), undefined);
    expect((await store.get('expense-tracker'))?.solution.tier).toBe('Productivity');
    // A valid row is never overwritten by a create.
    await expect(store.save(solution({ name: 'Other' }), undefined)).rejects.toBeInstanceOf(ConcurrencyConflictError);
  });

  it('round-trips ids with every character the id rule allows, and non-ASCII text', async () => {
    const s = solution({ id: 'Équipe.HR+v2:app@x_1-é', name: 'Feuille de temps – équipe 😀', workarounds: 'line 1\nline 2' });
    await store.save(s, undefined);
    expect((await store.get(s.id))?.solution).toEqual(s);
    expect((await store.listByPerson(MEGAN.aadObjectId)).map((l) => l.solutionId)).toEqual([s.id]);
  });
});
