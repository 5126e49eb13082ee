/**
 * Folds the report feed (rows changes leave in their shard) into per-day counters, one shard lease
 * at a time (`report-counters-s07`): with several instances each shard is folded by one of them. A
 * fold counts a batch and deletes it in one transaction (ReportCounterStore.fold), so a crash leaves
 * the batch to count again and a race makes one of the two folds fail and read again: every entry is
 * counted once. Nothing else is kept: the feed itself is the checkpoint.
 */
import type { Clock } from '../../domain/ports/clock';
import type { LeaseStore } from '../../domain/ports/leases';
import { MAX_FOLD_ROWS, type PendingFeed, type ReportCounterStore } from '../../domain/ports/report-counters';
import { ConcurrencyConflictError } from '../../domain/ports/storage-errors';
import { emptyTallies, tally, type Tallies } from '../../domain/reports/report-tallies';
import { ShardLeases } from '../jobs/shard-leases';

export const REPORT_COUNTERS_JOB = 'report-counters';
const BATCH = 90;

export interface ReportAggregatorDeps {
  readonly store: ReportCounterStore;
  readonly leases: LeaseStore;
  readonly clock: Clock;
  readonly owner: string;
  readonly shards: readonly number[];
  /** At most this many folds per shard in one run (default 50), so one busy shard cannot hold a run. */
  readonly foldsPerRun?: number;
}

/** The longest prefix of a batch whose fold fits one transaction, and its tallies. */
export function foldable(feed: PendingFeed): { keys: string[]; tallies: Tallies } {
  const tallies = emptyTallies();
  const keys: string[] = [];
  for (const row of feed.rows) {
    const trial = tally(row.entry, cloneTallies(tallies));
    const size = keys.length + 1 + trial.days.size + (Object.keys(trial.backlog).length > 0 ? 1 : 0);
    if (size > MAX_FOLD_ROWS && keys.length > 0) break;
    tally(row.entry, tallies);
    keys.push(row.key);
  }
  return { keys, tallies };
}

function cloneTallies(t: Tallies): Tallies {
  const days = new Map([...t.days].map(([day, d]) => [day, { counts: { ...d.counts }, labels: { ...d.labels } }]));
  return { days, backlog: { ...t.backlog } };
}

export class ReportAggregator {
  readonly leases: ShardLeases;

  constructor(private readonly deps: ReportAggregatorDeps) {
    this.leases = new ShardLeases(deps.leases, deps.clock, { job: REPORT_COUNTERS_JOB, owner: deps.owner, shards: deps.shards });
  }

  /** One pass over the shards this instance holds; how many feed entries were counted. */
  async runOnce(): Promise<number> {
    await this.leases.refresh();
    let counted = 0;
    for (const shard of this.leases.held()) counted += await this.foldShard(shard);
    return counted;
  }

  /** Folds a shard's feed until it is empty (or the run's share is used); the entries counted. */
  async foldShard(shard: number): Promise<number> {
    let counted = 0;
    for (let i = 0; i < (this.deps.foldsPerRun ?? 50) && this.leases.holds(shard); i++) {
      const feed = await this.deps.store.pending(shard, BATCH);
      if (feed.rows.length === 0) break;
      const { keys, tallies } = foldable(feed);
      try {
        await this.deps.store.fold(shard, keys, tallies);
        counted += keys.length;
      } catch (error) {
        // Another fold got there first (a lease taken over mid-run): read the feed again.
        if (!(error instanceof ConcurrencyConflictError)) throw error;
      }
    }
    return counted;
  }
}
