/**
 * The solution catalog use cases: look a solution up, search it by what the user remembers of its
 * name, list a person's solutions, and import / export the whole catalog.
 */
import { idProblem, isGuid } from '../../domain/catalog/field-rules';
import { planImport, recordsToWrite, type ImportPlan } from '../../domain/catalog/import-plan';
import { attentionOf, lookupKeysOf, withFindings, withKnownIdentities, type AttentionItem } from '../../domain/catalog/person-identity';
import type { PeopleDirectory } from '../../domain/ports/people-directory';
import type { SyncReport } from '../../domain/catalog/sync-report';
import { roleOf } from '../../domain/catalog/person-roles';
import { validateRows, type RowsResult, type SourceRow } from '../../domain/catalog/row-validation';
import { changedFields, recordOf, withTimestamps, type SolutionRecord } from '../../domain/catalog/solution-record';
import type { Solution } from '../../domain/solution';
import { ConcurrencyConflictError } from '../../domain/ports/storage-errors';
import { type Clock, systemClock } from '../../domain/ports/clock';
import type { CatalogStore, SolutionLookup, SolutionMatch, StoredSolution } from '../../domain/ports/catalog';
import { runPool } from './run-pool';
import { SearchIndexCache } from './search-index-cache';

export interface PersonSolutions {
  readonly made: Solution[];
  readonly coOwned: Solution[];
}

export interface UpsertResult {
  readonly added: readonly string[];
  readonly updated: readonly string[];
  readonly unchanged: readonly string[];
}

export interface ImportOptions {
  /** Write the valid rows even when some are rejected (otherwise any rejection writes nothing). */
  readonly partial?: boolean;
  /** Plan only: write nothing. */
  readonly dryRun?: boolean;
}

/** A person of an imported row the bot cannot reach (not found, disabled, not looked up): imported, to fix. */
export interface LineAttention extends AttentionItem {
  readonly line: number;
}

export interface ImportReport {
  readonly plan: ImportPlan;
  /** People of the imported rows who need an admin's attention, by line. */
  readonly attention: readonly LineAttention[];
  /** Values left out of imported rows (usage figures that could not be read), by line. */
  readonly warnings: readonly { readonly line: number; readonly id: string; readonly messages: readonly string[] }[];
  /** Whether anything was written. */
  readonly applied: boolean;
  readonly result: UpsertResult;
}

export interface CatalogServiceOptions {
  readonly clock?: Clock;
  /** Parallel writes during an import (Table Storage takes thousands of writes a second). */
  readonly concurrency?: number;
  /**
   * Microsoft Graph, to find the object ids of people named by email or UPN (at import, and before
   * the first message to someone still unknown). None: such people stay pending, and unreachable.
   */
  readonly directory?: PeopleDirectory;
  /** Budget of the directory look-ups of one import (default 60 s). */
  readonly importLookupMs?: number;
  /** Where the scheduled sync keeps its last result (for `lastSync`). */
  readonly syncStatus?: { read(): Promise<SyncReport | undefined> };
}

const DEFAULT_SEARCH_LIMIT = 8;
const MAX_SEARCH_LIMIT = 50;
/** Attempts per solution when another writer changes it between our read and our write. */
const SAVE_ATTEMPTS = 3;

export class CatalogService implements SolutionLookup {
  private readonly searchIndex: SearchIndexCache;
  private readonly clock: Clock;
  private readonly concurrency: number;

  constructor(
    private readonly store: CatalogStore,
    private readonly options: CatalogServiceOptions = {},
  ) {
    this.searchIndex = new SearchIndexCache(store);
    this.clock = options.clock ?? systemClock;
    this.concurrency = options.concurrency ?? 16;
  }

  /** Undefined for an id no solution can have (card data is untrusted: no storage call for it). */
  async get(id: string): Promise<Solution | undefined> {
    const trimmed = id.trim();
    if (trimmed === '' || idProblem(trimmed) !== undefined) return undefined;
    return (await this.store.get(trimmed))?.solution;
  }

  /** Best matches first; an empty or meaningless query finds nothing. */
  async search(query: string, limit = DEFAULT_SEARCH_LIMIT): Promise<SolutionMatch[]> {
    if (query.trim() === '') return [];
    const index = await this.searchIndex.current();
    const bounded = Math.max(0, Math.min(Math.floor(limit), MAX_SEARCH_LIMIT));
    return index.search(query, bounded).map((hit) => ({ solution: hit.item, score: hit.score }));
  }

  /** The solutions the person made and co-owns, each sorted by name. Reads only their partition. */
  async solutionsOf(aadObjectId: string): Promise<PersonSolutions> {
    const person = aadObjectId.trim().toLowerCase();
    if (!isGuid(person)) return { made: [], coOwned: [] };
    const links = await this.store.listByPerson(person);
    const stored = await Promise.all(links.map((link) => this.store.get(link.solutionId)));
    const made: Solution[] = [];
    const coOwned: Solution[] = [];
    for (const entry of stored) {
      if (!entry) continue;
      // The solution is the truth; an index row left behind by an interrupted write is ignored.
      const role = roleOf(entry.solution, person);
      if (role === 'maker') made.push(entry.solution);
      else if (role === 'co-owner') coOwned.push(entry.solution);
    }
    return { made: made.sort(byName), coOwned: coOwned.sort(byName) };
  }

  /** Every solution, sorted by id (a stable order for exports). */
  async exportAll(): Promise<Solution[]> {
    return (await this.store.listAll()).map((s) => s.solution).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /**
   * Validates the rows of a file and compares them with the stored catalog: the dry-run diff. People
   * named by email keep the object ids the catalog already knows; the others are looked up in the
   * directory (one batched pass for the whole file).
   */
  async planImport(rows: readonly SourceRow[]): Promise<ImportPlan> {
    const existing = new Map((await this.store.listAll()).map((s) => [s.solution.id, recordOf(s.solution)] as const));
    const validated = validateRows(rows);
    const known = validated.accepted.map((row) => ({ ...row, record: withKnownIdentities(row.record, existing.get(row.record.id)) }));
    const resolved = await this.withDirectory(
      known.map((row) => row.record),
      this.options.importLookupMs ?? 60_000,
    );
    const result: RowsResult = { accepted: known.map((row, i) => ({ ...row, record: resolved[i]! })), rejected: validated.rejected };
    return planImport(result, existing);
  }

  /**
   * Plans, then (unless dry run, or strict with rejected rows) writes the added and updated records.
   * Idempotent: importing the same file again changes nothing. A person who cannot be found does not
   * reject the row: the row is imported and the person listed in `attention`.
   */
  async importRows(rows: readonly SourceRow[], options: ImportOptions = {}): Promise<ImportReport> {
    const plan = await this.planImport(rows);
    const imported = [...plan.added, ...plan.updated, ...plan.unchanged].sort((a, b) => a.line - b.line);
    const attention = imported.flatMap((row) => attentionOf(row.record).map((item) => ({ line: row.line, ...item })));
    const warnings = imported
      .filter((row) => row.warnings?.length)
      .map((row) => ({ line: row.line, id: row.record.id, messages: row.warnings ?? [] }));
    const records = options.dryRun ? [] : recordsToWrite(plan, options.partial ?? false);
    if (records.length === 0) return { plan, attention, warnings, applied: false, result: { added: [], updated: [], unchanged: [] } };
    const result = await this.upsertMany(records);
    return { plan, attention, warnings, applied: true, result };
  }

  /** The records with their unknown people looked up (unchanged without a directory). */
  private async withDirectory<R extends SolutionRecord>(records: readonly R[], timeoutMs: number): Promise<R[]> {
    const directory = this.options.directory;
    const keys = [...new Set(records.flatMap(lookupKeysOf).map((k) => k.toLowerCase()))];
    if (!directory || keys.length === 0) return [...records];
    const answers = await directory.lookup(keys, { timeoutMs });
    const at = this.clock.now().toISOString();
    return records.map((record) => withFindings(record, answers, at));
  }

  /**
   * Before the first message to someone the catalog knows only by email (routing needs object ids):
   * looks the solution's unknown people up, keeps what was learnt with the solution (ETag; a lost
   * race is simply not saved), and returns the solution as routing should see it. Never throws for
   * the directory; the budget is short because a person is waiting for the answer.
   */
  async withKnownPeople(solution: Solution, timeoutMs = 2_000): Promise<Solution> {
    if (!this.options.directory || lookupKeysOf(solution).length === 0) return solution;
    const [resolved] = await this.withDirectory([solution], timeoutMs);
    if (!resolved || changedFields(recordOf(solution), recordOf(resolved)).length === 0) return solution;
    try {
      const stored = await this.store.get(solution.id);
      if (stored && changedFields(recordOf(stored.solution), recordOf(solution)).length === 0) {
        await this.store.save(withTimestamps(recordOf(resolved), stored.solution, this.clock.now()), stored);
        await this.store.bumpVersion();
      }
    } catch (error) {
      if (!(error instanceof ConcurrencyConflictError)) throw error;
    }
    return resolved;
  }

  /** The last scheduled sync's result (time, counts, rejected rows by line, people to look at). */
  async lastSync(): Promise<SyncReport | undefined> {
    return this.options.syncStatus?.read();
  }

  /** People the catalog names whom the bot cannot reach: not found, disabled, or not looked up yet. */
  async peopleNeedingAttention(): Promise<AttentionItem[]> {
    return (await this.exportAll()).flatMap((solution) => attentionOf(solution));
  }

  /**
   * Creates or updates each record (timestamps set here), leaving unchanged ones untouched, then
   * bumps the catalog version once so every instance's search index picks the changes up.
   */
  async upsertMany(records: readonly SolutionRecord[]): Promise<UpsertResult> {
    const outcomes = await runPool(records, this.concurrency, (record) => this.upsertOne(record).catch((error: unknown) => ({ error })));
    const result = { added: [] as string[], updated: [] as string[], unchanged: [] as string[] };
    let failure: { error: unknown } | undefined;
    records.forEach((record, i) => {
      const outcome = outcomes[i]!;
      if (typeof outcome === 'string') result[outcome].push(record.id);
      else failure ??= outcome;
    });
    // Bump even when some writes failed: the ones that succeeded must reach every search index.
    if (result.added.length + result.updated.length > 0) await this.store.bumpVersion();
    if (failure) throw failure.error;
    return result;
  }

  private async upsertOne(record: SolutionRecord): Promise<keyof UpsertResult> {
    for (let attempt = 1; ; attempt++) {
      const previous: StoredSolution | undefined = await this.store.get(record.id);
      if (previous && changedFields(recordOf(previous.solution), record).length === 0) return 'unchanged';
      try {
        await this.store.save(withTimestamps(record, previous?.solution, this.clock.now()), previous);
        return previous ? 'updated' : 'added';
      } catch (error) {
        // Someone else wrote it since our read: read again and decide again.
        if (!(error instanceof ConcurrencyConflictError) || attempt >= SAVE_ATTEMPTS) throw error;
      }
    }
  }
}

function byName(a: Solution, b: Solution): number {
  return a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1);
}
