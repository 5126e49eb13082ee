/**
 * The list views' own table follows the tickets (storage/tickets/ticket-list-index.ts): right after a
 * change, or from the change's marker when that step failed (the sweep); changes followed out of order
 * still leave the rows of the stored ticket.
 */
import type { TableClient } from '@azure/data-tables';
import { DEFAULT_SLA_CONFIG } from '../../src/domain/sla';
import { applyAgentCommand } from '../../src/domain/tickets/ticket-changes';
import type { Ticket } from '../../src/domain/tickets/ticket';
import { openTicketFor } from '../../src/services/tickets/ticket-opening';
import { partitionOf } from '../../src/storage/cases/case-partitions';
import { TableCaseStore } from '../../src/storage/cases/table-case-store';
import { TableService } from '../../src/storage/table-service';
import { LIST_MARKER_ROW } from '../../src/storage/tickets/list-marker-rows';
import { TableTicketNumbers } from '../../src/storage/tickets/table-ticket-numbers';
import { TableTicketStore } from '../../src/storage/tickets/table-ticket-store';
import { TicketListIndex } from '../../src/storage/tickets/ticket-list-index';
import { listRowsOf } from '../../src/storage/tickets/ticket-list-rows';
import { freshTables, testConnectionString, uniquePrefix } from '../support/test-storage';
import { helpDeskRequest } from '../support/ticket-fixtures';

const MEGAN = { aadObjectId: '79a4d994-151f-4573-9813-92f75a1223df', displayName: 'Megan Bowen' };
const LEE = { aadObjectId: 'f0fcce3d-482b-4e59-81e2-542c7050214b', displayName: 'Lee Gu' };
const agent = (p: typeof MEGAN) => ({ kind: 'user' as const, role: 'agent' as const, ...p });
const LATER = new Date('2100-01-01T00:00:00Z');

describe('ticket list index', () => {
  let tables: TableService;
  let cases: TableClient;
  let lists: TableClient;
  let index: TicketListIndex;
  let tickets: TableTicketStore;
  /** A store whose list table does not exist: every list write fails, as when storage fails between the two steps. */
  let broken: { cases: TableCaseStore; tickets: TableTicketStore; failures: string[] };

  beforeAll(async () => {
    tables = await freshTables();
    cases = tables.client('cases');
    lists = tables.client('ticketLists');
    index = TicketListIndex.on(tables);
    tickets = new TableTicketStore(cases, index);
    const missing = new TableService({ kind: 'connection-string', connectionString: testConnectionString() }, uniquePrefix());
    const failures: string[] = [];
    const failing = new TicketListIndex(cases, missing.client('ticketLists'), (id) => failures.push(id));
    broken = { cases: new TableCaseStore(cases, failing), tickets: new TableTicketStore(cases, failing), failures };
  });

  async function open(store: TableCaseStore, options: Parameters<typeof helpDeskRequest>[0] = {}): Promise<Ticket> {
    const request = helpDeskRequest(options);
    const number = await new TableTicketNumbers(cases).allocate(request.id);
    const opened = openTicketFor(request, number, DEFAULT_SLA_CONFIG, new Date(request.createdAt));
    await store.create({ ...request, ticketNumber: number }, [], opened.outbox, opened);
    return opened.ticket;
  }

  /** Every list row of one ticket, as `partition/row`, from the lists table. */
  async function rowsOf(ticketId: string): Promise<string[]> {
    const found: string[] = [];
    for await (const row of lists.listEntities<{ data: string }>())
      if (row.rowKey!.endsWith(`|${ticketId}`)) found.push(`${row.partitionKey}/${row.rowKey}`);
    return found.sort();
  }

  function expected(ticket: Ticket): string[] {
    return [...listRowsOf(ticket).values()].map((r) => `${r.partitionKey}/${r.rowKey}`).sort();
  }

  async function markersOf(ticketId: string): Promise<string[]> {
    const found: string[] = [];
    const filter = `PartitionKey eq '${partitionOf(ticketId)}' and RowKey ge '${LIST_MARKER_ROW.ofTicket(ticketId)}' and RowKey lt '${LIST_MARKER_ROW.ofTicket(ticketId)}~'`;
    for await (const row of cases.listEntities({ queryOptions: { filter } })) found.push(row.rowKey!);
    return found;
  }

  it('a change is followed at once: the ticket moves between views and its marker is gone', async () => {
    const ticket = await open(new TableCaseStore(cases, index));
    expect(await rowsOf(ticket.id)).toEqual([
      `open/${ticket.severity}|${Date.parse(ticket.createdAt)}|${ticket.id}`,
      `unassigned/${ticket.severity}|${Date.parse(ticket.createdAt)}|${ticket.id}`,
    ]);
    const stored = (await tickets.get(ticket.id))!;
    const assign = applyAgentCommand(stored.ticket, { type: 'assign-to', assignee: MEGAN }, agent(MEGAN), new Date());
    await tickets.update(stored, assign.next, assign.events, []);
    expect(await rowsOf(ticket.id)).toEqual(expected(assign.next));
    expect((await rowsOf(ticket.id)).some((r) => r.startsWith(`assignee|${MEGAN.aadObjectId}/`))).toBe(true);
    expect(await markersOf(ticket.id)).toEqual([]);
    // A change that leaves the list rows as they were writes no marker and no list row.
    const again = (await tickets.get(ticket.id))!;
    const note = applyAgentCommand(again.ticket, { type: 'note', text: 'Looked at the logs.' }, agent(MEGAN), new Date());
    await tickets.update(again, note.next, note.events, []);
    expect(await markersOf(ticket.id)).toEqual([]);
  });

  it('when the list step fails, the marker stays and the sweep brings the views level (not before its grace time)', async () => {
    const ticket = await open(broken.cases);
    expect(broken.failures).toContain(ticket.id);
    expect(await rowsOf(ticket.id)).toEqual([]);
    expect(await markersOf(ticket.id)).toHaveLength(1);
    const stored = (await tickets.get(ticket.id))!;
    const assign = applyAgentCommand(stored.ticket, { type: 'assign-to', assignee: LEE }, agent(LEE), new Date());
    await broken.tickets.update(stored, assign.next, assign.events, []);
    expect(await markersOf(ticket.id)).toHaveLength(2);
    // Markers younger than the cutoff are left to the instance following them.
    expect(await index.repairPending(new Date(0))).toBe(0);
    expect(await rowsOf(ticket.id)).toEqual([]);
    expect(await index.repairPending(LATER)).toBeGreaterThanOrEqual(1);
    expect(await rowsOf(ticket.id)).toEqual(expected(assign.next));
    expect(await markersOf(ticket.id)).toEqual([]);
  });

  it('a stale row left by an earlier change that was never followed is deleted when the next change is followed', async () => {
    const ticket = await open(new TableCaseStore(cases, index));
    const stored = (await tickets.get(ticket.id))!;
    // Assigned to Megan while the list step fails: the lists still show it unassigned.
    const megan = applyAgentCommand(stored.ticket, { type: 'assign-to', assignee: MEGAN }, agent(MEGAN), new Date());
    const afterMegan = await broken.tickets.update(stored, megan.next, megan.events, []);
    expect(await rowsOf(ticket.id)).toEqual(expected(stored.ticket));
    // Then resolved, followed at once: its marker names Megan's row, but the unassigned row is the first
    // change's. Following it finds the older marker too and repairs from both.
    const resolve = applyAgentCommand(afterMegan.ticket, { type: 'resolve', resolution: 'Done.' }, agent(MEGAN), new Date());
    await tickets.update(afterMegan, resolve.next, resolve.events, []);
    expect(await rowsOf(ticket.id)).toEqual([]);
    expect(await markersOf(ticket.id)).toEqual([]);
  });

  it('two changes followed out of order (the older one last) still end with the stored ticket’s rows', async () => {
    const ticket = await open(new TableCaseStore(cases, index));
    const v1 = (await tickets.get(ticket.id))!;
    const megan = applyAgentCommand(v1.ticket, { type: 'assign-to', assignee: MEGAN }, agent(MEGAN), new Date());
    // The first change's list step is delayed: committed through the broken store (marker stays).
    const v2 = await broken.tickets.update(v1, megan.next, megan.events, []);
    const lee = applyAgentCommand(v2.ticket, { type: 'assign-to', assignee: LEE }, agent(LEE), new Date());
    await tickets.update(v2, lee.next, lee.events, []);
    expect(await rowsOf(ticket.id)).toEqual(expected(lee.next));
    // Now the first change's follower finally writes what it had: Megan's rows. It then finds the ticket
    // changed since its transaction, goes round again, and removes them.
    await index.follow({
      ticketId: ticket.id,
      markerKey: (await markersOf(ticket.id))[0] ?? 'lix|none|none',
      ticketEtag: v2.etag,
      rows: listRowsOf(megan.next),
      stale: [],
    });
    expect(await rowsOf(ticket.id)).toEqual(expected(lee.next));
    expect(await markersOf(ticket.id)).toEqual([]);
  });
});
