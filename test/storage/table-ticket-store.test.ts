import type { TableClient } from '@azure/data-tables';
import { DEFAULT_SLA_CONFIG } from '../../src/domain/sla';
import { formatTicketNumber } from '../../src/domain/ticket-number';
import { applyAgentCommand } from '../../src/domain/tickets/ticket-changes';
import { openTicketFor } from '../../src/services/tickets/ticket-opening';
import { TableCaseStore } from '../../src/storage/cases/table-case-store';
import { ConcurrencyConflictError } from '../../src/domain/ports/storage-errors';
import { TableTicketNumbers } from '../../src/storage/tickets/table-ticket-numbers';
import { TableTicketStore } from '../../src/storage/tickets/table-ticket-store';
import { TicketListIndex } from '../../src/storage/tickets/ticket-list-index';
import { freshTables } from '../support/test-storage';
import { helpDeskRequest } from '../support/ticket-fixtures';

const MEGAN = { aadObjectId: '79a4d994-151f-4573-9813-92f75a1223df', displayName: 'Megan Bowen' };
const LEE = { aadObjectId: 'f0fcce3d-482b-4e59-81e2-542c7050214b', displayName: 'Lee Gu' };
const agent = (p: typeof MEGAN) => ({ kind: 'user' as const, role: 'agent' as const, ...p });

/** Records the filter of every query the store sends. */
function spyOnQueries(client: TableClient): string[] {
  const filters: string[] = [];
  const original = client.listEntities.bind(client);
  client.listEntities = ((options?: { queryOptions?: { filter?: string } }) => {
    filters.push(options?.queryOptions?.filter ?? '<no filter: table scan>');
    return original(options as never);
  }) as typeof client.listEntities;
  return filters;
}

describe('ticket storage', () => {
  let client: TableClient;
  let listsClient: TableClient;
  let cases: TableCaseStore;
  let tickets: TableTicketStore;
  let numbers: TableTicketNumbers;

  beforeAll(async () => {
    const tables = await freshTables();
    client = tables.client('cases');
    listsClient = tables.client('ticketLists');
    cases = new TableCaseStore(client, TicketListIndex.on(tables));
    tickets = TableTicketStore.on(tables);
    numbers = new TableTicketNumbers(client);
  });

  async function open(options: Parameters<typeof helpDeskRequest>[0] = {}) {
    const request = helpDeskRequest(options);
    const number = await numbers.allocate(request.id);
    const opened = openTicketFor(request, number, DEFAULT_SLA_CONFIG, new Date(request.createdAt));
    await cases.create({ ...request, ticketNumber: number }, [], opened.outbox, opened);
    return opened.ticket;
  }

  it('numbers are unique under concurrency and idempotent per request', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const first = await Promise.all(ids.map((id) => numbers.allocate(id)));
    expect(new Set(first).size).toBe(ids.length);
    const again = await Promise.all([...ids, ...ids].map((id) => numbers.allocate(id)));
    expect(again).toEqual([...first, ...first]);
    expect(await numbers.ticketIdOf(first[3])).toBe(ids[3]);
    const sequences = first.map((n) => Number(n.slice(3))).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: ids.length }, (_, i) => sequences[0] + i));
  });

  it('creates the ticket with the request, in the same partition and transaction', async () => {
    const ticket = await open();
    const stored = await tickets.get(ticket.id);
    expect(stored?.ticket).toMatchObject({ id: ticket.id, number: ticket.number, status: 'new' });
    expect(await tickets.history(ticket.id)).toEqual([expect.objectContaining({ type: 'created' })]);
    expect((await cases.outboxOf(ticket.id)).map((m) => m.card.card)).toEqual(['ticket']);
    // Creating the same request again is refused as a whole: nothing is duplicated.
    const request = (await cases.get(ticket.id))!.request;
    const opened = openTicketFor(request, ticket.number, DEFAULT_SLA_CONFIG, new Date(request.createdAt));
    await expect(cases.create(request, [], opened.outbox, opened)).rejects.toBeInstanceOf(ConcurrencyConflictError);
  });

  it('updates carry the ETag: a stale writer gets a conflict and nothing of its change is stored', async () => {
    const ticket = await open();
    const stored = (await tickets.get(ticket.id))!;
    const megan = applyAgentCommand(stored.ticket, { type: 'assign-to', assignee: MEGAN }, agent(MEGAN), new Date());
    const lee = applyAgentCommand(stored.ticket, { type: 'assign-to', assignee: LEE }, agent(LEE), new Date());
    await tickets.update(stored, megan.next, megan.events, []);
    await expect(tickets.update(stored, lee.next, lee.events, [])).rejects.toBeInstanceOf(ConcurrencyConflictError);
    const now = (await tickets.get(ticket.id))!;
    expect(now.ticket.assignee).toEqual(MEGAN);
    expect((await tickets.history(ticket.id)).map((e) => e.type)).toEqual(['created', 'assigned']);
  });

  it('each list view reads one partition of the lists table: one range query of at most page size + 1 rows', async () => {
    const a = await open({ severity: 'A', title: 'Sev A one' });
    await open({ severity: 'B' });
    const assigned = await open({ severity: 'A', title: 'Megan has it' });
    const stored = (await tickets.get(assigned.id))!;
    const change = applyAgentCommand(stored.ticket, { type: 'assign-to', assignee: MEGAN }, agent(MEGAN), new Date());
    await tickets.update(stored, change.next, change.events, []);

    const cases_: [Parameters<TableTicketStore['list']>[0], string, string][] = [
      [{ kind: 'open' }, 'open', ''],
      [{ kind: 'open', severity: 'A' }, 'open', 'A|'],
      [{ kind: 'unassigned' }, 'unassigned', ''],
      [{ kind: 'mine', aadObjectId: MEGAN.aadObjectId }, `assignee|${MEGAN.aadObjectId}`, ''],
    ];
    for (const [view, partition, prefix] of cases_) {
      const filters = spyOnQueries(listsClient);
      const casesFilters = spyOnQueries(client);
      const page = await tickets.list(view, 0, 50);
      listsClient.listEntities = Object.getPrototypeOf(listsClient).listEntities.bind(listsClient);
      client.listEntities = Object.getPrototypeOf(client).listEntities.bind(client);
      expect(casesFilters).toEqual([]);
      expect(filters).toEqual([`PartitionKey eq '${partition}' and RowKey ge '${prefix}' and RowKey lt '${prefix}~'`]);
      expect(page.items.length).toBeGreaterThan(0);
    }
    const sevA = await tickets.list({ kind: 'open', severity: 'A' }, 0, 50);
    expect(sevA.items.every((t) => t.severity === 'A')).toBe(true);
    expect(sevA.items.map((t) => t.id)).toEqual(expect.arrayContaining([a.id, assigned.id]));
    const unassigned = await tickets.list({ kind: 'unassigned' }, 0, 50);
    expect(unassigned.items.map((t) => t.id)).not.toContain(assigned.id);
    const mine = await tickets.list({ kind: 'mine', aadObjectId: MEGAN.aadObjectId }, 0, 50);
    expect(mine.items.map((t) => t.id)).toContain(assigned.id);
    expect(mine.items.every((t) => t.assigneeName === MEGAN.displayName)).toBe(true);
    // The ticket's shard holds no list rows: only the ticket, its history and its SLA timer.
    const shardRows = client.listEntities({ queryOptions: { filter: `RowKey ge 'idx|' and RowKey lt 'idx}'` } });
    const leftovers: unknown[] = [];
    for await (const row of shardRows) if (!String(row.rowKey).startsWith('idx|requester|')) leftovers.push(row.rowKey);
    expect(leftovers).toEqual([]);
  });

  it('pages through a view: the next page continues from the last row, reading at most page size + 1 rows', async () => {
    for (let i = 0; i < 5; i++) await open({ severity: 'C' });
    const all = await tickets.list({ kind: 'open' }, 0, 1000);
    expect(all.items.length).toBeGreaterThanOrEqual(5);
    const first = await tickets.list({ kind: 'open' }, 0, 2);
    expect(first.hasMore).toBe(true);
    const filters = spyOnQueries(listsClient);
    const second = await tickets.list({ kind: 'open' }, 2, 2, first.next);
    listsClient.listEntities = Object.getPrototypeOf(listsClient).listEntities.bind(listsClient);
    expect(filters).toEqual([`PartitionKey eq 'open' and RowKey gt '${first.next!}' and RowKey lt '~'`]);
    const third = await tickets.list({ kind: 'open' }, 4, 2, second.next);
    expect([...first.items, ...second.items, ...third.items].map((t) => t.id)).toEqual(all.items.slice(0, 6).map((t) => t.id));
    // "Previous" (no position) reads from the start of the view, `offset` rows in.
    const back = await tickets.list({ kind: 'open' }, 2, 2);
    expect(back.items).toEqual(second.items);
    // A position from another view's range (a forged card) starts the view from its offset instead.
    const forged = await tickets.list({ kind: 'open', severity: 'A' }, 0, 2, 'C|9999999999999|x');
    expect(forged.items.every((t) => t.severity === 'A')).toBe(true);
  });

  it('resolved tickets leave the open views; SLA timers are index rows read by range up to now', async () => {
    const ticket = await open({ severity: 'C' });
    expect(await tickets.dueForSla(new Date(ticket.sla['first-response'].warnAt))).toContain(ticket.id);
    expect(await tickets.dueForSla(new Date(Date.parse(ticket.sla['first-response'].warnAt) - 1000))).not.toContain(ticket.id);
    const stored = (await tickets.get(ticket.id))!;
    const change = applyAgentCommand(stored.ticket, { type: 'resolve', resolution: 'Sent the link.' }, agent(MEGAN), new Date());
    await tickets.update(stored, change.next, change.events, []);
    expect((await tickets.list({ kind: 'open' }, 0, 1000)).items.map((t) => t.id)).not.toContain(ticket.id);
    expect(await tickets.dueForSla(new Date('2030-01-01T00:00:00Z'))).not.toContain(ticket.id);
    expect(formatTicketNumber(1)).toBe('HD-000001');
  });
});
