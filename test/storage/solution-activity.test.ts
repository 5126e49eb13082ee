/** Per-solution requests and timeouts read back from the report counters of several shards and days. */
import type { FeedEntry } from '../../src/domain/reports/report-feed';
import { emptyTallies, tally } from '../../src/domain/reports/report-tallies';
import { TableReportCounters } from '../../src/storage/reports/table-report-counters';
import { freshTables } from '../support/test-storage';

const dims = (solutionId: string) =>
  ({ tier: 'Productivity', category: 'solution-problem', severity: 'C', solutionId, solutionName: solutionId }) as const;
const submitted = (solutionId: string, at: string): FeedEntry => ({
  dims: dims(solutionId),
  facts: [{ fact: 'request-submitted', at, route: 'maker' }],
});
const timedOut = (solutionId: string, at: string): FeedEntry => ({
  dims: dims(solutionId),
  facts: [{ fact: 'request-handed-on', at, to: 'co-owners', timedOut: 'maker' }],
});

describe('solution activity from the report counters', () => {
  it('sums each solution over the shards and the days of the window, and nothing outside it', async () => {
    const counters = new TableReportCounters((await freshTables()).client('cases'));
    const inShard = (shard: number, entries: FeedEntry[]) => {
      const t = emptyTallies();
      for (const e of entries) tally(e, t);
      return counters.fold(shard, [], t);
    };
    await inShard(0, [
      submitted('a', '2026-11-20T10:00:00Z'),
      submitted('a', '2026-11-21T10:00:00Z'),
      timedOut('a', '2026-11-21T11:00:00Z'),
    ]);
    await inShard(7, [submitted('a', '2026-11-22T10:00:00Z'), timedOut('b', '2026-11-22T10:00:00Z')]);
    await inShard(15, [submitted('a', '2026-11-01T10:00:00Z'), timedOut('b', '2026-11-24T10:00:00Z')]); // outside
    const found = await counters.solutionActivity('2026-11-17', '2026-11-23');
    expect(Object.fromEntries(found)).toEqual({ a: { requests: 3, timeouts: 1 }, b: { requests: 0, timeouts: 1 } });
  });
});
