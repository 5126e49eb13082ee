/**
 * Report counters (domain/reports/): the feed entries changes leave in their shard, and the per-day
 * counters the report aggregator folds them into (storage/reports/table-report-counters.ts).
 */
import type { FeedEntry } from '../reports/report-feed';
import type { Counts, DayCounts, Tallies } from '../reports/report-tallies';

export interface PendingFeed {
  readonly shard: number;
  /** The feed rows' keys, in key order, with their entries. */
  readonly rows: ReadonlyArray<{ readonly key: string; readonly entry: FeedEntry }>;
}

/** Counters of a period, all shards summed, and how many rows the read cost. */
export interface StoredCounters {
  readonly days: Map<string, DayCounts>;
  readonly backlog: Counts;
  readonly rowsRead: number;
}

export interface ReportCounterStore {
  /** The oldest feed entries waiting in a shard, at most `limit`. */
  pending(shard: number, limit: number): Promise<PendingFeed>;
  /**
   * Adds `tallies` to the shard's counters and deletes the feed rows `keys`, in one transaction (a
   * row counted is a row deleted). ConcurrencyConflictError when a counter or feed row changed since
   * it was read, so nothing is counted twice; the caller reads again.
   */
  fold(shard: number, keys: readonly string[], tallies: Tallies): Promise<void>;
  /** Every shard's counters for the days from `from` to `to` (inclusive), and the open backlog. */
  read(from: string, to: string): Promise<StoredCounters>;
}

/** For the knowledge base: a question answered by an article, before any request was made. */
export interface ArticleAnswerCounter {
  recordArticleAnswer(at: Date): Promise<void>;
}

/** At most this many rows a fold writes (a transaction holds 100). */
export const MAX_FOLD_ROWS = 99;
