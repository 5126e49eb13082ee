import type { TableClient } from '@azure/data-tables';
import { activityRecord, ACTIVITY_MEMORY_MS } from '../../src/domain/activity-ref';
import { requestEvent } from '../../src/domain/history';
import { DEFAULT_SLA_CONFIG } from '../../src/domain/sla';
import { ActivitySweeper } from '../../src/services/activities/activity-sweeper';
import { applyAgentCommand } from '../../src/domain/tickets/ticket-changes';
import { text, verbatim } from '../../src/domain/text';
import { openTicketFor } from '../../src/services/tickets/ticket-opening';
import { TableActivityLog } from '../../src/storage/activities/table-activity-log';
import { activityEntity, TableActivityMarkers } from '../../src/storage/cases/activity-rows';
import { partitionOf } from '../../src/storage/cases/case-partitions';
import { TableCaseStore } from '../../src/storage/cases/table-case-store';
import { TableLeaseStore } from '../../src/storage/leases/table-lease-store';
import { TableRequestChanges } from '../../src/storage/outbox/table-request-changes';
import { ConcurrencyConflictError } from '../../src/domain/ports/storage-errors';
import { TableTicketNumbers } from '../../src/storage/tickets/table-ticket-numbers';
import { TableTicketStore } from '../../src/storage/tickets/table-ticket-store';
import { freshTables } from '../support/test-storage';
import { TicketListIndex } from '../../src/storage/tickets/ticket-list-index';
import { helpDeskRequest } from '../support/ticket-fixtures';

const MEGAN = { aadObjectId: '79a4d994-151f-4573-9813-92f75a1223df', displayName: 'Megan Bowen' };
const AGENT = { kind: 'user' as const, role: 'agent' as const, ...MEGAN };
const NOW = new Date('2026-11-23T10:00:00Z');
const key = (n: number) => n.toString(16).padStart(32, '0');

describe('activity records in Table Storage', () => {
  let cases: TableClient;
  let lists: TicketListIndex;
  let activities: TableClient;
  let leases: TableLeaseStore;

  beforeAll(async () => {
    const tables = await freshTables();
    cases = tables.client('cases');
    lists = TicketListIndex.on(tables);
    activities = tables.client('activities');
    leases = new TableLeaseStore(tables.client('leases'));
  });

  async function openTicket() {
    const request = helpDeskRequest({ at: NOW });
    const number = await new TableTicketNumbers(cases).allocate(request.id);
    const opened = openTicketFor(request, number, DEFAULT_SLA_CONFIG, NOW);
    await new TableCaseStore(cases, lists).create({ ...request, ticketNumber: number }, [], opened.outbox, opened);
    return opened.ticket;
  }

  it('a ticket change records its activity in the same transaction; the same activity again changes nothing', async () => {
    const tickets = new TableTicketStore(cases, lists);
    const ticket = await openTicket();
    const activity = activityRecord({ key: key(1) }, text('messages.tickets.done.note'), NOW);
    expect(await tickets.activity(ticket.id, activity.key)).toBeUndefined();

    const first = (await tickets.get(ticket.id))!;
    const note = applyAgentCommand(first.ticket, { type: 'note', text: 'checked the logs' }, AGENT, NOW);
    const saved = await tickets.update(first, note.next, note.events, [], activity);
    expect(await tickets.activity(ticket.id, activity.key)).toEqual(activity);

    // A redelivery that read the ticket after the first delivery saved it: its ETag is current, yet the
    // activity's record makes the whole transaction fail, so the note is not appended twice.
    const again = applyAgentCommand(saved.ticket, { type: 'note', text: 'checked the logs' }, AGENT, NOW);
    await expect(tickets.update(saved, again.next, again.events, [], activity)).rejects.toBeInstanceOf(ConcurrencyConflictError);
    expect((await tickets.history(ticket.id)).filter((e) => e.type === 'note-added')).toHaveLength(1);
    expect((await tickets.get(ticket.id))!.ticket.version).toBe(saved.ticket.version);
  });

  it('a request change records its activity in the same transaction; the same activity again changes nothing', async () => {
    const caseStore = new TableCaseStore(cases);
    const changes = new TableRequestChanges(cases);
    const request = { ...helpDeskRequest({ at: NOW }), routeKind: 'maker' as const, holder: { kind: 'maker' as const, person: MEGAN } };
    await caseStore.create(request, [], []);
    const activity = activityRecord({ key: key(2) }, text('messages.requests.done.acknowledge'), NOW);
    const acknowledge = async () => {
      const stored = (await changes.get(request.id))!;
      const history = await changes.history(request.id);
      const next = { ...stored.request, status: 'acknowledged' as const };
      await changes.apply({
        stored,
        next,
        history: [requestEvent('acknowledged', { kind: 'user', role: 'maker', ...MEGAN }, NOW, {})],
        historyOffset: history.length,
        outbox: [],
        activity,
      });
    };
    await acknowledge();
    expect(await changes.activity(request.id, activity.key)).toEqual(activity);
    await expect(acknowledge()).rejects.toBeInstanceOf(ConcurrencyConflictError);
    expect((await changes.history(request.id)).map((e) => e.type)).toEqual(['acknowledged']);
  });

  it('reads a record written before outcomes were descriptors: its English is shown as it is', async () => {
    const caseStore = new TableCaseStore(cases);
    const changes = new TableRequestChanges(cases);
    const request = { ...helpDeskRequest({ at: NOW }), routeKind: 'maker' as const, holder: { kind: 'maker' as const, person: MEGAN } };
    await caseStore.create(request, [], []);
    const pk = partitionOf(request.id);
    await cases.createEntity({
      partitionKey: pk,
      rowKey: `act|${key(3)}`,
      outcome: "{Thanks — we told the requester you're on it.",
      expiresAt: new Date(NOW.getTime() + ACTIVITY_MEMORY_MS).toISOString(),
    });
    expect((await changes.activity(request.id, key(3)))?.outcome).toEqual(verbatim("{Thanks — we told the requester you're on it."));
  });

  it('the message log: in progress, taken over only with its ETag, done; a released record is handled again', async () => {
    const log = new TableActivityLog(activities);
    const expires = new Date(NOW.getTime() + ACTIVITY_MEMORY_MS).toISOString();
    const first = await log.begin(key(3), NOW, expires);
    expect(first.kind).toBe('claimed');
    const second = await log.begin(key(3), new Date(NOW.getTime() + 50), expires);
    expect(second).toEqual({ kind: 'in-progress', claimedAt: NOW.toISOString(), etag: expect.any(String) });
    if (second.kind !== 'in-progress' || first.kind !== 'claimed') throw new Error('unexpected');

    // Two redeliveries racing to take over an abandoned record: one wins.
    const later = new Date(NOW.getTime() + 20_000);
    const takeovers = await Promise.all([
      log.takeOver(key(3), second.etag, later, expires),
      log.takeOver(key(3), second.etag, later, expires),
    ]);
    expect(takeovers.filter((etag) => etag !== undefined)).toHaveLength(1);
    // The crashed first attempt, had it survived, can no longer mark it done; the winner can.
    await log.finish(key(3), first.etag);
    expect((await log.begin(key(3), later, expires)).kind).toBe('in-progress');
    await log.finish(
      key(3),
      takeovers.find((etag) => etag !== undefined)!,
    );
    expect(await log.begin(key(3), later, expires)).toEqual({ kind: 'done' });

    // A failed turn releases its record: the retry is handled.
    expect((await log.begin(key(4), NOW, expires)).kind).toBe('claimed');
    await log.release(key(4));
    await log.release(key(4)); // already gone: not an error
    expect((await log.begin(key(4), NOW, expires)).kind).toBe('claimed');
  });

  it('a message recorded done without a begin (a "new request", claimed by its draft) is done, also over a takeover in progress', async () => {
    const log = new TableActivityLog(activities);
    const expires = new Date(NOW.getTime() + ACTIVITY_MEMORY_MS).toISOString();
    await log.markDone(key(5), NOW, expires);
    expect(await log.begin(key(5), NOW, expires)).toEqual({ kind: 'done' });
    // A redelivery took it over while the first delivery was still finishing: the first one's "done" stands.
    expect((await log.begin(key(6), NOW, expires)).kind).toBe('claimed');
    await log.markDone(key(6), NOW, expires);
    expect(await log.begin(key(6), NOW, expires)).toEqual({ kind: 'done' });
  });

  it('expired records are swept, in the shard partitions and in the message log, by one instance at a time; unexpired ones stay', async () => {
    const log = new TableActivityLog(activities);
    const old = new Date(NOW.getTime() - 2 * ACTIVITY_MEMORY_MS);
    const expiredAt = new Date(old.getTime() + ACTIVITY_MEMORY_MS).toISOString();
    const liveAt = new Date(NOW.getTime() + ACTIVITY_MEMORY_MS).toISOString();
    // 150 expired records in one shard partition (more than one transaction's worth) and 3 live ones.
    const pk = partitionOf('00000000-0000-4000-8000-000000000abc');
    for (let i = 0; i < 150; i += 50) {
      await Promise.all(
        Array.from({ length: 50 }, (_, j) =>
          cases.createEntity(activityEntity(pk, { key: key(1000 + i + j), outcome: verbatim('done'), expiresAt: expiredAt })),
        ),
      );
    }
    await Promise.all(
      [1, 2, 3].map((n) => cases.createEntity(activityEntity(pk, { key: key(5000 + n), outcome: verbatim('done'), expiresAt: liveAt }))),
    );
    for (let n = 0; n < 20; n++) await log.begin(key(0x10 * n + 7), old, n % 2 === 0 ? expiredAt : liveAt);

    const sweeper = (owner: string) =>
      new ActivitySweeper({
        stores: [log, new TableActivityMarkers(cases)],
        lease: leases,
        clock: { now: () => NOW },
        owner,
        leaseTtlMs: 60_000,
      });
    // 150 in the shard partition and 10 in the log; the records the tests above wrote are still live.
    expect(await sweeper('instance-1').runOnce()).toBe(160);
    expect(await sweeper('instance-2').runOnce()).toBe(0); // the lease is held by instance-1

    const left = async (table: TableClient) => {
      const rows: string[] = [];
      for await (const row of table.listEntities<{ expiresAt: string }>({
        queryOptions: { filter: "RowKey ge 'act|' and RowKey lt 'act|~'" },
      }))
        rows.push(row.expiresAt);
      return rows;
    };
    expect((await left(cases)).every((at) => at > NOW.toISOString())).toBe(true);
    expect(await left(cases)).toHaveLength(3 + 3); // the live ones here, and the three from the tests above
    expect((await left(activities)).every((at) => at > NOW.toISOString())).toBe(true);
    expect(await sweeper('instance-1').runOnce()).toBe(0);
  });
});
