/** Questionnaires in progress (storage/intake/table-intake-store.ts). */
import type { IntakeDraft } from '../intake/intake-draft';
import type { Versioned } from './versioned';

/** Drafts one prune reads at most. */
export const PRUNE_LIMIT = 20;

export interface StoredIntake extends Versioned {
  readonly draft: IntakeDraft;
}

export interface IntakeRepository {
  /** Throws ConcurrencyConflictError when a draft with this id exists. */
  create(draft: IntakeDraft): Promise<StoredIntake>;
  /** Only drafts of `requesterId` are reachable: the partition is the requester. */
  get(requesterId: string, id: string): Promise<StoredIntake | undefined>;
  /** Throws ConcurrencyConflictError when someone saved since `stored` was read. */
  update(stored: StoredIntake, draft: IntakeDraft): Promise<StoredIntake>;
  /** Deletes the draft as `stored` read it (nothing if it changed or went since). */
  discard(stored: StoredIntake): Promise<void>;
  /** The requester's drafts (one partition, at most `limit`): to resume the open one. */
  listOf(requesterId: string, limit?: number): Promise<StoredIntake[]>;
  /**
   * Deletes the requester's drafts for which `disposable` is true; returns how many. Only drafts last
   * saved before `idleBefore` are read (none younger can be disposable), and at most `limit` of them
   * (default PRUNE_LIMIT): a start never reads every old draft; the rest go at the next start.
   */
  prune(requesterId: string, disposable: (draft: IntakeDraft) => boolean, window: PruneWindow): Promise<number>;
}

export interface PruneWindow {
  readonly idleBefore: Date;
  readonly limit?: number;
}
