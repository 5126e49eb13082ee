/**
 * What admins (ADMIN_IDS) do with the catalog between imports: read an entry with its history,
 * change its tier, co-owners and support channel (with the ETag they read, and a history row in the
 * same transaction), and review the "Not my solution" flags makers raise. Authorization comes from
 * the configured admin ids, never from what a card sends. The Teams cards are in
 * src/teams/routes/catalog-admin-routes.ts; the words in locales/<lng>/admin.json.
 */
import { rowOf } from '../../domain/catalog/canonical-columns';
import type { CatalogHistoryEvent } from '../../domain/catalog/catalog-history';
import { withKnownIdentities } from '../../domain/catalog/person-identity';
import { issuesText } from '../../domain/catalog/issue-text';
import { validateRecord } from '../../domain/catalog/record-validation';
import { changedFields, recordOf, withTimestamps } from '../../domain/catalog/solution-record';
import type { PersonRef } from '../../domain/history';
import type { ReviewedFlag } from '../../domain/notifications/catalog-flag';
import type { Solution } from '../../domain/solution';
import type { CatalogStore } from '../../domain/ports/catalog';
import type { Clock } from '../../domain/ports/clock';
import type { SolutionLookup } from '../../domain/ports/catalog';
import { text, type Text } from '../../domain/text';
import { ConcurrencyConflictError } from '../../domain/ports/storage-errors';

export type { ReviewedFlag };

/** The flags store (src/storage/cases/table-catalog-flags.ts). */
export interface CatalogFlagStore {
  listOpen(limit: number): Promise<ReviewedFlag[]>;
  ofSolution(solutionId: string): Promise<ReviewedFlag[]>;
  resolve(solutionId: string, requestId: string, by: PersonRef, note: string, at: string): Promise<boolean>;
}

export interface CatalogEdit {
  readonly tier?: string;
  /** The co-owners as in the catalog file: `Name <email> [id]; email; …` (ids optional). */
  readonly coOwners?: string;
  /** Empty to remove it. */
  readonly supportChannel?: string;
}

export type AdminResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: AdminRefusal; readonly message: Text };

export type AdminRefusal = 'not-admin' | 'not-found' | 'changed' | 'invalid';

export interface FlagReview {
  readonly flags: readonly ReviewedFlag[];
  /** Solution id → name, for the flags whose solution is still in the catalog. */
  readonly names: ReadonlyMap<string, string>;
}

export interface CatalogEntry {
  readonly solution: Solution;
  /** Pass back with an edit: the edit is refused if someone changed the entry since. */
  readonly etag: string;
  readonly history: readonly CatalogHistoryEvent[];
  readonly flags: readonly ReviewedFlag[];
}

export const ADMIN_MESSAGES = {
  notAdmin: text('admin.errors.notAdmin'),
  notFound: text('admin.errors.notFound'),
  changed: text('admin.errors.changed'),
  flagGone: text('admin.errors.flagGone'),
} as const;

const MAX_FLAGS = 100;

export class CatalogAdmin {
  constructor(
    private readonly deps: {
      readonly store: CatalogStore;
      readonly flags: CatalogFlagStore;
      readonly adminIds: ReadonlySet<string>;
      readonly clock: Clock;
      /** Finds an entry by name when no id matches (the catalog's search). */
      readonly search?: Pick<SolutionLookup, 'search'>;
    },
  ) {}

  isAdmin(actor: PersonRef): boolean {
    return this.deps.adminIds.has(actor.aadObjectId.toLowerCase());
  }

  /** An entry by its id, or else the best match of the catalog's search for the words. */
  async lookup(actor: PersonRef, idOrName: string): Promise<AdminResult<CatalogEntry>> {
    if (!this.isAdmin(actor)) return refused('not-admin', ADMIN_MESSAGES.notAdmin);
    const byId = await this.entry(actor, idOrName);
    if (byId.ok || byId.reason !== 'not-found' || !this.deps.search || idOrName.trim() === '') return byId;
    const [best] = await this.deps.search.search(idOrName, 1);
    return best ? this.entry(actor, best.solution.id) : byId;
  }

  async entry(actor: PersonRef, solutionId: string): Promise<AdminResult<CatalogEntry>> {
    if (!this.isAdmin(actor)) return refused('not-admin', ADMIN_MESSAGES.notAdmin);
    return this.read(solutionId);
  }

  private async read(solutionId: string): Promise<AdminResult<CatalogEntry>> {
    const stored = await this.deps.store.get(solutionId.trim());
    if (!stored) return refused('not-found', ADMIN_MESSAGES.notFound);
    const [history, flags] = await Promise.all([
      this.deps.store.history(stored.solution.id),
      this.deps.flags.ofSolution(stored.solution.id),
    ]);
    return { ok: true, value: { solution: stored.solution, etag: stored.etag, history, flags } };
  }

  /** Changes tier, co-owners and/or support channel, validated like an import row, with the ETag read. */
  async edit(actor: PersonRef, solutionId: string, etag: string, edit: CatalogEdit): Promise<AdminResult<CatalogEntry>> {
    if (!this.isAdmin(actor)) return refused('not-admin', ADMIN_MESSAGES.notAdmin);
    const by = { kind: 'admin', aadObjectId: actor.aadObjectId.toLowerCase(), displayName: actor.displayName } as const;
    return this.applyEdit(by, solutionId, etag, edit);
  }

  /**
   * The same edit for a change its caller authorized (a graduation the Power Platform team approved,
   * checked against its roster): validated, with the ETag and a history row naming who decided.
   */
  async applyEdit(by: CatalogHistoryEvent['by'], solutionId: string, etag: string, edit: CatalogEdit): Promise<AdminResult<CatalogEntry>> {
    const stored = await this.deps.store.get(solutionId.trim());
    if (!stored) return refused('not-found', ADMIN_MESSAGES.notFound);
    if (stored.etag !== etag) return refused('changed', ADMIN_MESSAGES.changed);
    const before = recordOf(stored.solution);
    const row = rowOf(before);
    const values = {
      ...row,
      ...(edit.tier !== undefined ? { tier: edit.tier } : {}),
      ...(edit.coOwners !== undefined ? { co_owners: edit.coOwners } : {}),
      ...(edit.supportChannel !== undefined ? { support_channel: edit.supportChannel } : {}),
    };
    const result = validateRecord(values);
    if (!result.ok) return refused('invalid', issuesText(result.issues));
    const after = withKnownIdentities(
      { ...result.record, usage: before.usage, ...(before.manager ? { manager: before.manager } : {}) },
      before,
    );
    const fields = changedFields(before, after);
    if (fields.length === 0) return this.read(solutionId);
    const now = this.deps.clock.now();
    const afterRow = rowOf(after);
    const event: CatalogHistoryEvent = {
      at: now.toISOString(),
      by,
      type: 'edited',
      fields,
      changes: Object.fromEntries(
        (['tier', 'co_owners', 'support_channel'] as const)
          .filter((c) => row[c] !== afterRow[c])
          .map((c) => [c, { from: row[c], to: afterRow[c] }]),
      ),
    };
    try {
      await this.deps.store.save(withTimestamps(after, stored.solution, now), stored, [event]);
    } catch (error) {
      if (error instanceof ConcurrencyConflictError) return refused('changed', ADMIN_MESSAGES.changed);
      throw error;
    }
    await this.deps.store.bumpVersion();
    return this.read(solutionId);
  }

  /** The open "Not my solution" flags, newest first. */
  async openFlags(actor: PersonRef, limit = 50): Promise<AdminResult<ReviewedFlag[]>> {
    if (!this.isAdmin(actor)) return refused('not-admin', ADMIN_MESSAGES.notAdmin);
    return { ok: true, value: await this.deps.flags.listOpen(Math.max(1, Math.min(limit, MAX_FLAGS))) };
  }

  /** The open flags with their solutions' names (for the review card), newest first. */
  async flagReview(actor: PersonRef, limit = 50): Promise<AdminResult<FlagReview>> {
    const open = await this.openFlags(actor, limit);
    if (!open.ok) return open;
    const ids = [...new Set(open.value.map((f) => f.solutionId))];
    const stored = await Promise.all(ids.map((id) => this.deps.store.get(id)));
    const names = new Map(stored.flatMap((s) => (s ? [[s.solution.id, s.solution.name] as const] : [])));
    return { ok: true, value: { flags: open.value, names } };
  }

  /** Takes a flag off the open list with the admin's note (what was done about it). */
  async resolveFlag(actor: PersonRef, solutionId: string, requestId: string, note = ''): Promise<AdminResult<true>> {
    if (!this.isAdmin(actor)) return refused('not-admin', ADMIN_MESSAGES.notAdmin);
    const by = { aadObjectId: actor.aadObjectId.toLowerCase(), displayName: actor.displayName };
    try {
      const done = await this.deps.flags.resolve(solutionId, requestId, by, note.slice(0, 2000), this.deps.clock.now().toISOString());
      return done ? { ok: true, value: true } : refused('not-found', ADMIN_MESSAGES.flagGone);
    } catch (error) {
      if (error instanceof ConcurrencyConflictError) return refused('changed', ADMIN_MESSAGES.flagGone);
      throw error;
    }
  }
}

function refused<T>(reason: AdminRefusal, message: Text): AdminResult<T> {
  return { ok: false, reason, message };
}
