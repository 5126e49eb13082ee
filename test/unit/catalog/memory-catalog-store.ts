import type { CatalogHistoryEvent } from '../../../src/domain/catalog/catalog-history';
import { peopleOf } from '../../../src/domain/catalog/person-roles';
import type { Solution } from '../../../src/domain/solution';
import type { CatalogStore, PersonLink, StoredSolution } from '../../../src/domain/ports/catalog';
import { ConcurrencyConflictError } from '../../../src/domain/ports/storage-errors';

/** CatalogStore in memory, with ETags and call counts, for service tests. */
export class MemoryCatalogStore implements CatalogStore {
  readonly solutions = new Map<string, StoredSolution>();
  /** person → solution id → role; may hold stale rows (tests add them). */
  readonly people = new Map<string, Map<string, PersonLink['role']>>();
  readonly calls = { get: 0, listAll: 0, listByPerson: 0, save: 0, readVersion: 0, bumpVersion: 0 };
  version = 0;
  private etags = 0;
  /** Called before a save commits: tests simulate a concurrent writer here. */
  beforeSave?: (solution: Solution) => void;

  async get(id: string): Promise<StoredSolution | undefined> {
    this.calls.get++;
    return this.solutions.get(id);
  }

  async listAll(): Promise<StoredSolution[]> {
    this.calls.listAll++;
    return [...this.solutions.values()];
  }

  async listByPerson(aadObjectId: string): Promise<PersonLink[]> {
    this.calls.listByPerson++;
    return [...(this.people.get(aadObjectId) ?? new Map())].map(([solutionId, role]) => ({ solutionId, role }));
  }

  readonly events = new Map<string, CatalogHistoryEvent[]>();

  async history(id: string): Promise<CatalogHistoryEvent[]> {
    return [...(this.events.get(id) ?? [])];
  }

  async save(solution: Solution, previous: StoredSolution | undefined, history: readonly CatalogHistoryEvent[] = []): Promise<void> {
    this.events.set(solution.id, [...(this.events.get(solution.id) ?? []), ...history]);
    this.calls.save++;
    this.beforeSave?.(solution);
    const current = this.solutions.get(solution.id);
    if (current?.etag !== previous?.etag) throw new ConcurrencyConflictError(`solution ${solution.id}`);
    this.put(solution);
  }

  /** Writes directly, as another writer would. */
  put(solution: Solution): void {
    this.solutions.set(solution.id, { solution, etag: `etag-${++this.etags}` });
    for (const [person, role] of peopleOf(solution)) this.link(person, solution.id, role);
  }

  link(person: string, solutionId: string, role: PersonLink['role']): void {
    const rows = this.people.get(person) ?? new Map();
    rows.set(solutionId, role);
    this.people.set(person, rows);
  }

  async readVersion(): Promise<string | undefined> {
    this.calls.readVersion++;
    return this.version === 0 ? undefined : `v${this.version}`;
  }

  async bumpVersion(): Promise<void> {
    this.calls.bumpVersion++;
    this.version++;
  }
}
