import type { TableClient } from '@azure/data-tables';
import { requestEvent, type HistoryActor } from '../../src/domain/history';
import type { SupportRequest } from '../../src/domain/intake/support-request';
import { ConcurrencyConflictError } from '../../src/domain/ports/storage-errors';
import { reportFigures } from '../../src/domain/reports/report-figures';
import { lastWeeks } from '../../src/domain/reports/report-period';
import { DEFAULT_SLA_CONFIG } from '../../src/domain/sla';
import { applyAgentCommand } from '../../src/domain/tickets/ticket-changes';
import { foldable, ReportAggregator } from '../../src/services/reports/report-aggregator';
import { openTicketFor } from '../../src/services/tickets/ticket-opening';
import { ALL_PARTITIONS, SHARD_COUNT, shardOf } from '../../src/storage/cases/case-partitions';
import type { TableService } from '../../src/storage/table-service';
import { TableCaseStore } from '../../src/storage/cases/table-case-store';
import { TableLeaseStore } from '../../src/storage/leases/table-lease-store';
import { TableRequestChanges } from '../../src/storage/outbox/table-request-changes';
import { TableReportCounters } from '../../src/storage/reports/table-report-counters';
import { TableTicketNumbers } from '../../src/storage/tickets/table-ticket-numbers';
import { TableTicketStore } from '../../src/storage/tickets/table-ticket-store';
import { listRange } from '../../src/storage/table-calls';
import { freshTables } from '../support/test-storage';
import { helpDeskRequest } from '../support/ticket-fixtures';

const MEGAN = { aadObjectId: '79a4d994-151f-4573-9813-92f75a1223df', displayName: 'Megan Bowen' };
const AGENT = { kind: 'user' as const, role: 'agent' as const, aadObjectId: 'agent-1', displayName: 'Isaiah Langer' };
const INTAKE: HistoryActor = { kind: 'system', component: 'intake' };
const T0 = new Date('2026-11-23T10:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const ALL_SHARDS = Array.from({ length: SHARD_COUNT }, (_, i) => i);

describe('report counters in Table Storage', () => {
  let cases: TableClient;
  let tables: TableService;
  let leases: TableLeaseStore;
  let counters: TableReportCounters;

  beforeAll(async () => {
    tables = await freshTables();
    cases = tables.client('cases');
    leases = new TableLeaseStore(tables.client('leases'));
    counters = new TableReportCounters(cases);
  });

  const submitted = (r: SupportRequest) =>
    requestEvent('submitted', INTAKE, new Date(r.createdAt), { category: r.category, severity: r.severity });

  async function openTicket(options: Parameters<typeof helpDeskRequest>[0]) {
    const request = helpDeskRequest({ at: T0, ...options });
    const number = await new TableTicketNumbers(cases).allocate(request.id);
    const opened = openTicketFor(request, number, DEFAULT_SLA_CONFIG, T0);
    await new TableCaseStore(cases).create({ ...request, ticketNumber: number }, [submitted(request)], opened.outbox, opened);
    return request.id;
  }

  async function agent(id: string, command: Parameters<typeof applyAgentCommand>[1], when: Date) {
    const tickets = TableTicketStore.on(tables);
    const stored = (await tickets.get(id))!;
    const change = applyAgentCommand(stored.ticket, command, AGENT, when);
    await tickets.update(stored, change.next, change.events, []);
  }

  const aggregator = (owner: string) =>
    new ReportAggregator({ store: counters, leases, clock: { now: () => at(600) }, owner, shards: ALL_SHARDS });

  async function feedRows(): Promise<number> {
    const perShard = await Promise.all(ALL_PARTITIONS.map((pk) => listRange(cases, { partitionKey: pk, prefix: 'feed|' }, 'feed')));
    return perShard.flat().length;
  }

  it('counts what changes wrote, once, and a report of the counters matches a hand count', async () => {
    const t1 = await openTicket({ severity: 'C' });
    const t2 = await openTicket({ critical: true, severity: 'B' });
    await openTicket({ severity: 'A' });
    await agent(t1, { type: 'reply', text: 'Looking' }, at(60));
    await agent(t1, { type: 'resolve', resolution: 'Link sent' }, at(120));
    await agent(t1, { type: 'reopen' }, at(130));
    await agent(t2, { type: 'note', text: 'internal only' }, at(140));
    await agent(t2, { type: 'resolve', resolution: 'Fixed' }, at(180));

    const maker = { ...helpDeskRequest({ at: T0 }), routeKind: 'maker' as const, holder: { kind: 'maker' as const, person: MEGAN } };
    await new TableCaseStore(cases).create(maker, [submitted(maker)], []);
    const changes = new TableRequestChanges(cases);
    const actor = { kind: 'user' as const, role: 'maker' as const, ...MEGAN };
    const stored = (await changes.get(maker.id))!;
    await changes.apply({
      stored,
      next: { ...stored.request, status: 'acknowledged' },
      history: [requestEvent('acknowledged', actor, at(30), {})],
      historyOffset: 1,
      outbox: [],
    });
    const acked = (await changes.get(maker.id))!;
    await changes.apply({
      stored: acked,
      next: { ...acked.request, status: 'resolved' },
      history: [requestEvent('resolved', actor, at(90), {})],
      historyOffset: 2,
      outbox: [],
    });
    await counters.recordArticleAnswer(at(5));
    await counters.recordArticleAnswer(at(6));

    // The note counts nothing, so it left no feed row: 4 requests + 3 tickets + reply, resolve, reopen,
    // resolve + acknowledged, resolved + 2 articles.
    expect(await feedRows()).toBe(15);
    const [a, b] = [aggregator('instance-a'), aggregator('instance-b')];
    const counted = (await Promise.all([a.runOnce(), b.runOnce()])).reduce((x, y) => x + y, 0);
    expect(counted).toBe(15);
    expect(await feedRows()).toBe(0);
    expect(await a.runOnce()).toBe(0);

    const stored2 = await counters.read('2026-11-01', '2026-11-30');
    const report = reportFigures(stored2.days, stored2.backlog, lastWeeks(4, at(600)), at(600));
    expect(report.totals).toMatchObject({ req: 4, tkt: 3, art: 2, 'tkt.resolved': 2, 'tkt.reopened': 1, 'req.resolved': 1 });
    expect(report.requestsBy.route).toEqual([
      { member: 'help-desk', count: 3 },
      { member: 'maker', count: 1 },
    ]);
    expect(report.ticketsBy.tier).toEqual([
      { member: 'none', count: 2 },
      { member: 'Critical', count: 1 },
    ]);
    expect(report.sla.filter((s) => s.clock === 'first-response').map((s) => [s.severity, s.met, s.total])).toEqual([
      ['B', 1, 1],
      ['C', 1, 1],
    ]);
    expect(report.sla.filter((s) => s.clock === 'resolution').map((s) => [s.severity, s.met, s.total])).toEqual([
      ['B', 1, 1],
      ['C', 1, 1],
    ]);
    expect(report.backlog.open).toBe(2);
    expect(report.reopenRate).toEqual({ part: 1, whole: 2 });
    expect(report.articleRate).toEqual({ part: 2, whole: 6 });
    expect(report.responses[0]).toMatchObject({ role: 'maker', answered: 1, meanMs: 30 * 60_000 });
    expect(report.helpers).toEqual([
      { aadObjectId: MEGAN.aadObjectId, name: 'Megan Bowen', answered: 1, resolved: 1, meanMs: 30 * 60_000 },
    ]);
    expect(report.weeks.map((w) => w.requests)).toEqual([0, 0, 0, 4]);
    // One day row per shard that had events, plus backlog rows: never a row per ticket.
    expect(stored2.rowsRead).toBeLessThanOrEqual(2 * SHARD_COUNT);
  });

  it('a fold of rows another fold counted fails whole: nothing is counted twice', async () => {
    const id = await openTicket({ severity: 'C' });
    const shard = shardOf(id);
    const feed = await counters.pending(shard, 90);
    const { keys, tallies } = foldable(feed);
    await counters.fold(shard, keys, tallies);
    await expect(counters.fold(shard, keys, tallies)).rejects.toBeInstanceOf(ConcurrencyConflictError);
    const read = await counters.read('2026-11-23', '2026-11-23');
    expect(read.days.get('2026-11-23')!.counts.tkt).toBe(4);
  });
});
