/**
 * When a "new request" also tidies the requester's partition (IntakeRepository.prune: one query, at
 * most PRUNE_LIMIT drafts). Pruning at every start cost a table call per start that almost always
 * found nothing: no draft can be disposable before it has been idle for a day. So this instance
 * prunes a person's partition at their first start it sees, then again once `everyMs` has passed or
 * at every `everyStarts`-th start, whichever comes first. The partition stays bounded: each start
 * adds one draft, and a prune every `everyStarts` (< PRUNE_LIMIT) starts removes up to PRUNE_LIMIT
 * disposable ones, so pruning keeps ahead of the drafts that become disposable whatever the rate.
 * Memory is bounded too: at most `maxPeople` people are remembered (the oldest go first), and a
 * person forgotten is pruned at their next start, which only prunes sooner.
 */
import { PRUNE_LIMIT } from '../../domain/ports/intake';

export interface PruneScheduleOptions {
  readonly everyMs?: number;
  readonly everyStarts?: number;
  readonly maxPeople?: number;
}

export const PRUNE_EVERY_MS = 60 * 60_000;
/** Half of PRUNE_LIMIT: each prune can remove twice the drafts started since the previous one. */
export const PRUNE_EVERY_STARTS = Math.max(1, Math.floor(PRUNE_LIMIT / 2));

export class PruneSchedule {
  private readonly people = new Map<string, { at: number; starts: number }>();
  private readonly everyMs: number;
  private readonly everyStarts: number;
  private readonly maxPeople: number;

  constructor(options: PruneScheduleOptions = {}) {
    this.everyMs = options.everyMs ?? PRUNE_EVERY_MS;
    this.everyStarts = options.everyStarts ?? PRUNE_EVERY_STARTS;
    this.maxPeople = options.maxPeople ?? 10_000;
  }

  /** Counts a start of `requesterId` at `now`; true when this one should prune. */
  due(requesterId: string, now: Date): boolean {
    const id = requesterId.toLowerCase();
    const at = now.getTime();
    const seen = this.people.get(id);
    // A clock that went backwards (another instance's, a test's) counts as time passed: prune.
    if (seen && at >= seen.at && at - seen.at < this.everyMs && seen.starts + 1 < this.everyStarts) {
      seen.starts += 1;
      return false;
    }
    this.people.delete(id);
    if (this.people.size >= this.maxPeople) {
      const oldest = this.people.keys().next().value;
      if (oldest !== undefined) this.people.delete(oldest);
    }
    this.people.set(id, { at, starts: 0 });
    return true;
  }

  /** How many people are remembered (for tests of the bound). */
  get size(): number {
    return this.people.size;
  }
}
