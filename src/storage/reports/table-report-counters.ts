import { randomUUID } from 'node:crypto';
import { TableClient, TableTransaction } from '@azure/data-tables';
import type { ArticleAnswerCounter, PendingFeed, ReportCounterStore, StoredCounters } from '../../domain/ports/report-counters';
import { MAX_FOLD_ROWS } from '../../domain/ports/report-counters';
import { solutionActivity, type SolutionActivity } from '../../domain/governance/solution-activity';
import type { SolutionActivityReader } from '../../domain/ports/solution-activity';
import { articleFeed } from '../../domain/reports/report-feed';
import { accumulate, addAll, mergeDay, type Counts, type DayCounts, type Tallies } from '../../domain/reports/report-tallies';
import { ALL_PARTITIONS, partitionOfShard, SHARD_COUNT } from '../cases/case-partitions';
import type { DataRow } from '../stored-text';
import { getOrUndefined, listRange, submit } from '../table-calls';
import { backlogEntity, backlogOfRow, COUNTER_ROW, dayCountsEntity, dayCountsOf, dayOfRow, type CounterRow } from './counter-rows';
import { articleFeedRow, feedEntryOf, FEED_ROW } from './feed-rows';

/**
 * Report counters in the Cases table (row kinds: cases/case-partitions.ts). A fold is one
 * transaction per shard: the counter rows it changes (with their ETags, or created) and the deletion
 * of the feed rows it counted, so a feed row is counted exactly once whatever crashes or races.
 */
export class TableReportCounters implements ReportCounterStore, ArticleAnswerCounter, SolutionActivityReader {
  constructor(private readonly table: TableClient) {}

  async pending(shard: number, limit: number): Promise<PendingFeed> {
    const pk = partitionOfShard(shard);
    const rows = await listRange<DataRow>(this.table, { partitionKey: pk, prefix: FEED_ROW.prefix, limit }, `feed ${pk}`);
    return { shard, rows: rows.map((row) => ({ key: row.rowKey, entry: feedEntryOf(row) })) };
  }

  async fold(shard: number, keys: readonly string[], tallies: Tallies): Promise<void> {
    const pk = partitionOfShard(shard);
    const days = [...tallies.days.keys()];
    const hasBacklog = Object.keys(tallies.backlog).length > 0;
    if (keys.length + days.length + (hasBacklog ? 1 : 0) > MAX_FOLD_ROWS)
      throw new RangeError(`a fold of ${keys.length} feed rows is too big`);
    const tx = new TableTransaction();
    const stored = await Promise.all(days.map((day) => this.row(pk, COUNTER_ROW.day(day))));
    days.forEach((day, i) => {
      const before = stored[i];
      const next = mergeDay(before ? dayCountsOf(before) : { counts: {}, labels: {} }, tallies.days.get(day) as DayCounts);
      if (before) tx.updateEntity(dayCountsEntity(pk, day, next), 'Replace', { etag: before.etag });
      else tx.createEntity(dayCountsEntity(pk, day, next));
    });
    if (hasBacklog) {
      const before = await this.row(pk, COUNTER_ROW.open);
      const next = addAll(before ? backlogOfRow(before) : {}, tallies.backlog);
      if (before) tx.updateEntity(backlogEntity(pk, next), 'Replace', { etag: before.etag });
      else tx.createEntity(backlogEntity(pk, next));
    }
    // Deleting with ETag '*' still fails the whole transaction (404) when another fold took the row first.
    for (const key of keys) tx.deleteEntity(pk, key);
    if (tx.actions.length === 0) return;
    await submit(this.table, tx, `fold report feed ${pk}`, { on: ['changed', 'exists', 'gone'], key: `report counters ${pk}` });
  }

  async read(from: string, to: string): Promise<StoredCounters> {
    const perShard = await Promise.all(
      ALL_PARTITIONS.map(async (pk) => {
        const [days, open] = await Promise.all([
          listRange<DataRow>(
            this.table,
            { partitionKey: pk, prefix: COUNTER_ROW.day(from), below: `${COUNTER_ROW.day(to)}~` },
            `counters ${pk}`,
          ),
          this.row(pk, COUNTER_ROW.open),
        ]);
        return { days, open };
      }),
    );
    const days = new Map<string, DayCounts>();
    const backlog: Counts = {};
    let rowsRead = 0;
    for (const shard of perShard) {
      rowsRead += shard.days.length + (shard.open ? 1 : 0);
      for (const row of shard.days) {
        const day = dayOfRow(row);
        const stored = dayCountsOf(row);
        const before = days.get(day);
        // Summed in place: each row is parsed afresh, so nothing stored or cached is changed.
        if (before) accumulate(before, stored);
        else days.set(day, { counts: { ...stored.counts }, labels: { ...stored.labels } });
      }
      if (shard.open) addAll(backlog, backlogOfRow(shard.open));
    }
    return { days, backlog, rowsRead };
  }

  /** Requests and timeouts per solution: the same per-day rows a report reads. */
  async solutionActivity(from: string, to: string): Promise<ReadonlyMap<string, SolutionActivity>> {
    return solutionActivity((await this.read(from, to)).days.values());
  }

  /** A feed row in a random shard: answers spread over the shards like requests do. */
  async recordArticleAnswer(at: Date): Promise<void> {
    const id = randomUUID();
    const pk = partitionOfShard(Math.floor(Math.random() * SHARD_COUNT));
    await this.table.createEntity(articleFeedRow(pk, FEED_ROW.key(at.toISOString(), id, 'a'), articleFeed(at)));
  }

  private row(pk: string, rowKey: string): Promise<CounterRow | undefined> {
    return getOrUndefined<DataRow>(this.table, pk, rowKey, `read ${pk}/${rowKey}`);
  }
}
