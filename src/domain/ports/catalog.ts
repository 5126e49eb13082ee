/** The solution catalog (storage/catalog/catalog-table-store.ts), and the part of it the intake reads. */
import type { CatalogHistoryEvent } from '../catalog/catalog-history';
import type { CatalogRole } from '../catalog/person-roles';
import type { Solution } from '../solution';
import type { Versioned } from './versioned';

export interface StoredSolution extends Versioned {
  readonly solution: Solution;
}

/** One row of the "solutions of person X" index. */
export interface PersonLink {
  readonly solutionId: string;
  readonly role: CatalogRole;
}

export interface CatalogStore {
  /** Point read by id. */
  get(id: string): Promise<StoredSolution | undefined>;
  /** Every solution: a full read, for exports, import plans and rebuilding the search index. */
  listAll(): Promise<StoredSolution[]>;
  /** The person's index rows: one partition, never a scan. Rows may be stale; callers check. */
  listByPerson(aadObjectId: string): Promise<PersonLink[]>;
  /**
   * Creates the solution (`previous` undefined) or replaces `previous` if nobody changed it since it
   * was read, and keeps the person index in step. Throws ConcurrencyConflictError otherwise.
   */
  save(solution: Solution, previous: StoredSolution | undefined, history?: readonly CatalogHistoryEvent[]): Promise<void>;
  /** The entry's history, oldest first (rows in the solution's own partition). */
  history(id: string): Promise<CatalogHistoryEvent[]>;
  /** A token that changes whenever the catalog changes (the version entity's ETag). */
  readVersion(): Promise<string | undefined>;
  /** Marks the catalog as changed; call after a batch of saves. */
  bumpVersion(): Promise<void>;
}

export interface SolutionMatch {
  readonly solution: Solution;
  readonly score: number;
}

/** The part of the catalog the intake reads. */
export interface SolutionLookup {
  get(id: string): Promise<Solution | undefined>;
  search(query: string, limit?: number): Promise<SolutionMatch[]>;
}
