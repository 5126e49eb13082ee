/**
 * 100,000 tickets' worth of report counters, made fast: each ticket (and its request) is made by the
 * product's own functions (openTicketFor, the ticket feed of its opening and of its resolution), its
 * feed entries are folded in memory with the aggregator's own tally, and the per-day counter rows
 * (`cnt|{day}`, `cnt-open`) are written per shard as the aggregator leaves them (counter-rows.ts), in
 * transactions of up to 100 rows per partition. The last `unfoldedShare` of the tickets keep their
 * feed rows instead (what the aggregator has not folded yet). The tickets' own rows are not written:
 * a report never reads them (scripts/bench/list-views.ts seeds those).
 */
import { randomUUID } from 'node:crypto';
import { ticketEvent } from '../../../src/domain/history';
import type { SupportRequest } from '../../../src/domain/intake/support-request';
import { ticketFeed } from '../../../src/domain/reports/report-feed';
import { addAll, emptyTallies, mergeDay, tally, type Tallies } from '../../../src/domain/reports/report-tallies';
import type { Severity } from '../../../src/domain/severity';
import { DEFAULT_SLA_CONFIG } from '../../../src/domain/sla';
import { formatTicketNumber } from '../../../src/domain/ticket-number';
import { openTicketFor } from '../../../src/services/tickets/ticket-opening';
import { partitionOfShard, SHARD_COUNT, shardOf } from '../../../src/storage/cases/case-partitions';
import { backlogEntity, dayCountsEntity } from '../../../src/storage/reports/counter-rows';
import { articleFeedRow, FEED_ROW } from '../../../src/storage/reports/feed-rows';
import { asClosed, random, requestOf, type TransactionTarget } from './ticket-seed';

const SEVERITIES: readonly Severity[] = ['A', 'B', 'B', 'B', 'C', 'C', 'C', 'C', 'C', 'C'];
const DAY = 86_400_000;
const SOLUTIONS = 2_000;
const AGENT = { kind: 'user', role: 'agent', aadObjectId: 'a9e17000-0000-4000-8000-000000000000', displayName: 'Agent 0' } as const;

export interface CounterSeed {
  readonly tickets: number;
  readonly counterRows: number;
  readonly feedRows: number;
}

/** Seeds `count` tickets created over the 700 days before `end`; `openShare` of them still open. */
export async function seedCounters(
  table: TransactionTarget,
  count: number,
  options: { end: Date; openShare: number; unfoldedShare: number; concurrency?: number },
): Promise<CounterSeed> {
  const rnd = random(17);
  const shards: Tallies[] = Array.from({ length: SHARD_COUNT }, () => emptyTallies());
  const feed = new Map<string, Record<string, unknown>[]>();
  const folded = Math.floor(count * (1 - options.unfoldedShare));
  for (let n = 1; n <= count; n++) {
    const id = randomUUID();
    const createdAt = new Date(options.end.getTime() - 12 * 3_600_000 - Math.floor(rnd() * 700 * DAY));
    const severity = SEVERITIES[Math.floor(rnd() * SEVERITIES.length)]!;
    const requester = { aadObjectId: `5e9e0000-0000-4000-8000-${String(n % 5000).padStart(12, '0')}`, displayName: 'R' };
    const request = withSolution(requestOf(id, requester, severity, createdAt, n), Math.floor(rnd() * SOLUTIONS));
    const opened = openTicketFor(request, formatTicketNumber(n), DEFAULT_SLA_CONFIG, createdAt);
    const entries = [ticketFeed(undefined, opened.ticket, opened.history)];
    if (rnd() >= options.openShare) {
      const closed = asClosed(opened.ticket, createdAt);
      const resolved = ticketEvent('resolved', AGENT, new Date(closed.resolvedAt!), { resolution: 'Fixed.' });
      entries.push(ticketFeed(opened.ticket, closed, [resolved]));
    }
    const shard = shardOf(id);
    const pk = partitionOfShard(shard);
    if (n <= folded) {
      for (const entry of entries) tally(entry, shards[shard]!);
    } else {
      const rows = feed.get(pk) ?? [];
      entries.forEach((entry, i) => rows.push(articleFeedRow(pk, FEED_ROW.key(entry.facts[0]!.at, id, `t${i}`), entry)));
      feed.set(pk, rows);
    }
  }
  const batches: Record<string, unknown>[][] = [];
  let counterRows = 0;
  shards.forEach((t, shard) => {
    const pk = partitionOfShard(shard);
    const rows: Record<string, unknown>[] = [...t.days].map(([day, counts]) =>
      dayCountsEntity(pk, day, mergeDay({ counts: {}, labels: {} }, counts)),
    );
    if (Object.keys(t.backlog).length > 0) rows.push(backlogEntity(pk, addAll({}, t.backlog)));
    counterRows += rows.length;
    for (let i = 0; i < rows.length; i += 100) batches.push(rows.slice(i, i + 100));
  });
  let feedRows = 0;
  for (const rows of feed.values()) {
    feedRows += rows.length;
    for (let i = 0; i < rows.length; i += 100) batches.push(rows.slice(i, i + 100));
  }
  let at = 0;
  await Promise.all(
    Array.from({ length: options.concurrency ?? 8 }, async () => {
      while (at < batches.length) {
        const batch = batches[at++]!;
        await table.submitTransaction(batch.map((row) => ['create', row]));
      }
    }),
  );
  return { tickets: count, counterRows, feedRows };
}

/** Most requests name one of the catalog's solutions (the busiest-solutions figure counts them). */
function withSolution(request: SupportRequest, n: number): SupportRequest {
  const id = `sol-${String(n).padStart(5, '0')}`;
  const maker = {
    aadObjectId: `3a4e0000-0000-4000-8000-${String(n % 500).padStart(12, '0')}`,
    displayName: `Maker ${n % 500}`,
    email: `maker${n % 500}@contoso.example`,
  };
  const tier = n % 10 === 0 ? 'Critical' : n % 3 === 0 ? 'Important' : 'Productivity';
  return {
    ...request,
    category: 'solution-problem',
    solution: { id, name: `Solution ${n}`, kind: 'canvas-app', environment: 'Default', tier, maker, coOwners: [] },
  };
}
