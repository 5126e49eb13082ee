/**
 * The solution catalog on Table Storage (entities: see catalog-entities.ts). Every write carries an ETag or is a create that fails on an
 * existing row: two admins importing at once can never silently overwrite each other.
 */
import { odata, TableClient, TableTransaction, type TableEntityResult } from '@azure/data-tables';
import type { CatalogHistoryEvent } from '../../domain/catalog/catalog-history';
import { jsonProperties, readJson } from '../stored-text';
import { peopleOf } from '../../domain/catalog/person-roles';
import type { Solution } from '../../domain/solution';
import type { CatalogStore, PersonLink, StoredSolution } from '../../domain/ports/catalog';
import { ConcurrencyConflictError } from '../../domain/ports/storage-errors';
import { isStatus, submit, translate, unavailable } from '../table-calls';
import type { TableService } from '../table-service';
import { decodeKey } from '../table-keys';
import {
  fromSolutionEntity,
  isCatalogRole,
  keyOf,
  SOLUTION_ROW,
  toSolutionEntity,
  VERSION_KEY,
  type PersonIndexEntity,
  type SolutionEntity,
  type VersionEntity,
} from './catalog-entities';
import { PersonIndex } from './person-index';

export interface CatalogTables {
  readonly solutions: TableClient;
  readonly people: TableClient;
  readonly meta: TableClient;
}

export interface CatalogTableStoreOptions {
  /** Called for a stored row that is not a valid solution (skipped by listAll). */
  readonly onInvalidRow?: (id: string, problems: readonly string[]) => void;
}

const VERSION_ATTEMPTS = 10;
/** History rows sit next to the solution row; listAll reads RowKey "solution" only. */
const HISTORY_PREFIX = 'hist|';

function randomSuffix(): string {
  return Math.random().toString(36).slice(2, 8);
}

export class CatalogTableStore implements CatalogStore {
  private readonly index: PersonIndex;

  constructor(
    private readonly tables: CatalogTables,
    private readonly options: CatalogTableStoreOptions = {},
  ) {
    this.index = new PersonIndex(tables.people);
  }

  static on(tables: TableService, options: CatalogTableStoreOptions = {}): CatalogTableStore {
    return new CatalogTableStore(
      { solutions: tables.client('catalogSolutions'), people: tables.client('catalogPeople'), meta: tables.client('catalogMeta') },
      options,
    );
  }

  async get(id: string): Promise<StoredSolution | undefined> {
    let entity: TableEntityResult<SolutionEntity>;
    try {
      entity = await this.tables.solutions.getEntity<SolutionEntity>(keyOf(id), SOLUTION_ROW);
    } catch (error) {
      if (isStatus(error, 'gone')) return undefined;
      throw unavailable(`read solution "${id}"`, error);
    }
    return this.stored(entity);
  }

  async listAll(): Promise<StoredSolution[]> {
    const all: StoredSolution[] = [];
    try {
      const query = this.tables.solutions.listEntities<SolutionEntity>({ queryOptions: { filter: odata`RowKey eq ${SOLUTION_ROW}` } });
      for await (const entity of query) {
        const stored = this.stored(entity);
        if (stored) all.push(stored);
      }
    } catch (error) {
      throw unavailable('read the catalog', error);
    }
    return all;
  }

  async listByPerson(aadObjectId: string): Promise<PersonLink[]> {
    const links: PersonLink[] = [];
    try {
      const query = this.tables.people.listEntities<PersonIndexEntity>({
        queryOptions: { filter: odata`PartitionKey eq ${keyOf(aadObjectId.toLowerCase())}` },
      });
      for await (const row of query) if (isCatalogRole(row.role)) links.push({ solutionId: decodeKey(row.rowKey), role: row.role });
    } catch (error) {
      throw unavailable('read the person index', error);
    }
    return links;
  }

  /** History rows (`hist|{time}|{n}`) of the entry, oldest first: its own partition, one range. */
  async history(id: string): Promise<CatalogHistoryEvent[]> {
    const events: CatalogHistoryEvent[] = [];
    try {
      const filter = odata`PartitionKey eq ${keyOf(id)} and RowKey ge ${HISTORY_PREFIX} and RowKey lt ${`${HISTORY_PREFIX}~`}`;
      for await (const row of this.tables.solutions.listEntities({ queryOptions: { filter } }))
        events.push(readJson<CatalogHistoryEvent>(row, 'data'));
    } catch (error) {
      throw unavailable(`read the history of solution "${id}"`, error);
    }
    return events;
  }

  async save(solution: Solution, previous: StoredSolution | undefined, history: readonly CatalogHistoryEvent[] = []): Promise<void> {
    const next = peopleOf(solution);
    const removed = previous ? [...peopleOf(previous.solution).keys()].filter((person) => !next.has(person)) : [];
    const removedEtags = await Promise.all(removed.map((person) => this.index.etagOf(person, solution.id)));
    await Promise.all([...next].map(([person, role]) => this.index.touch(person, solution, role)));

    const entity = toSolutionEntity(solution);
    try {
      if (history.length > 0) await this.writeWithHistory(entity, previous?.etag, history);
      else await this.writeSolution(entity, previous?.etag);
    } catch (error) {
      // A create that meets a row `get` cannot read (edited by hand) replaces it, still conditionally.
      const invalid = !previous && error instanceof ConcurrencyConflictError ? await this.invalidRowEtag(solution.id) : undefined;
      if (invalid === undefined) throw error;
      await this.writeSolution(entity, invalid);
    }

    await Promise.all(
      removed.map((person, i) => {
        const etag = removedEtags[i];
        return etag === undefined ? undefined : this.index.remove(person, solution.id, etag);
      }),
    );
  }

  async readVersion(): Promise<string | undefined> {
    try {
      return (await this.tables.meta.getEntity<VersionEntity>(VERSION_KEY.partitionKey, VERSION_KEY.rowKey)).etag;
    } catch (error) {
      if (isStatus(error, 'gone')) return undefined;
      throw unavailable('read the catalog version', error);
    }
  }

  /** Read-compare-write with the version's ETag; on a race, read again (each bump must count). */
  async bumpVersion(): Promise<void> {
    for (let attempt = 0; attempt < VERSION_ATTEMPTS; attempt++) {
      let current: TableEntityResult<VersionEntity> | undefined;
      try {
        current = await this.tables.meta.getEntity<VersionEntity>(VERSION_KEY.partitionKey, VERSION_KEY.rowKey);
      } catch (error) {
        if (!isStatus(error, 'gone')) throw unavailable('read the catalog version', error);
      }
      const next: VersionEntity = { ...VERSION_KEY, revision: (current?.revision ?? 0) + 1, changedAt: new Date().toISOString() };
      try {
        if (current) await this.tables.meta.updateEntity(next, 'Replace', { etag: current.etag });
        else await this.tables.meta.createEntity(next);
        return;
      } catch (error) {
        if (!isStatus(error, 'changed', 'exists', 'gone')) throw unavailable('bump the catalog version', error);
      }
    }
    throw new ConcurrencyConflictError('catalog version');
  }

  /** Creates (no ETag) or replaces the version read (ETag); ConcurrencyConflictError on a race. */
  private async writeSolution(entity: SolutionEntity, etag: string | undefined): Promise<void> {
    try {
      if (etag) await this.tables.solutions.updateEntity(entity, 'Replace', { etag });
      else await this.tables.solutions.createEntity(entity);
    } catch (error) {
      // 412: changed since read; 404: deleted since read; 409: created by someone else meanwhile.
      const id = decodeKey(entity.partitionKey);
      throw translate(error, `save solution "${id}"`, { on: ['changed', 'gone', 'exists'], key: `solution ${id}` });
    }
  }

  /** The solution and its history rows in one entity-group transaction (same partition), with the ETag. */
  private async writeWithHistory(entity: SolutionEntity, etag: string | undefined, history: readonly CatalogHistoryEvent[]): Promise<void> {
    const tx = new TableTransaction();
    if (etag) tx.updateEntity(entity, 'Replace', { etag });
    else tx.createEntity(entity);
    history.forEach((event, i) =>
      tx.createEntity({
        partitionKey: entity.partitionKey,
        rowKey: `${HISTORY_PREFIX}${event.at}|${String(i).padStart(2, '0')}|${randomSuffix()}`,
        ...jsonProperties('data', event),
      }),
    );
    await submit(this.tables.solutions, tx, `save solution "${decodeKey(entity.partitionKey)}"`, {
      on: ['changed', 'gone', 'exists'],
      key: `solution ${decodeKey(entity.partitionKey)}`,
    });
  }

  /** The ETag of a stored row that is not a valid solution, or undefined (absent or valid). */
  private async invalidRowEtag(id: string): Promise<string | undefined> {
    try {
      const raw = await this.tables.solutions.getEntity<SolutionEntity>(keyOf(id), SOLUTION_ROW);
      return fromSolutionEntity(raw).solution ? undefined : raw.etag;
    } catch (error) {
      if (isStatus(error, 'gone')) return undefined;
      throw unavailable(`read solution "${id}"`, error);
    }
  }

  private stored(entity: TableEntityResult<SolutionEntity>): StoredSolution | undefined {
    const { solution, problems } = fromSolutionEntity(entity);
    if (solution) return { solution, etag: entity.etag };
    this.options.onInvalidRow?.(decodeKey(entity.partitionKey), problems);
    return undefined;
  }
}
