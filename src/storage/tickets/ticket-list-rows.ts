/**
 * The help desk's list views, in their own table (`TicketLists`), which holds nothing but index rows:
 *
 *   PartitionKey                RowKey                      data
 *   open                        {sev}|{created}|{id}        the ticket's summary (JSON)
 *   unassigned                  {sev}|{created}|{id}        open and nobody assigned
 *   assignee|{aad}              {sev}|{created}|{id}        open, by assignee ("mine")
 *
 * One view is one partition and its rows sort Sev A first, oldest first, so a page is one range query
 * of at most page size + 1 rows (the extra one says whether there is a next page), whatever the number
 * of tickets: closed tickets have no rows here at all. A severity filter is a prefix of the same range.
 *
 * Rows are a pure function of the ticket (listRowsOf). The ticket lives in another table, so they
 * cannot share its transaction: see ticket-list-index.ts for how they follow it.
 */
import type { Severity } from '../../domain/severity';
import type { Ticket } from '../../domain/tickets/ticket';
import { summaryOf, type TicketListView } from '../../domain/tickets/ticket-lists';
import { isOpenStatus } from '../../domain/ticket-status';

export const LIST_PARTITION = {
  open: 'open',
  unassigned: 'unassigned',
  assignee: (aadObjectId: string) => `assignee|${aadObjectId}`,
} as const;

export interface ListRow {
  readonly partitionKey: string;
  readonly rowKey: string;
  readonly data: string;
}

/** One key for a row of the lists table (partition and row key cannot contain a NUL). */
export function listRowId(partitionKey: string, rowKey: string): string {
  return `${partitionKey}\u0000${rowKey}`;
}

export function splitListRowId(id: string): [string, string] {
  const at = id.indexOf('\u0000');
  return [id.slice(0, at), id.slice(at + 1)];
}

function epoch(iso: string): string {
  return Date.parse(iso).toString().padStart(13, '0');
}

/** Row id (listRowId) → row, for every list row the ticket should have now (none once it is closed). */
export function listRowsOf(ticket: Ticket): Map<string, ListRow> {
  const rows = new Map<string, ListRow>();
  if (!isOpenStatus(ticket.status)) return rows;
  const rowKey = `${ticket.severity}|${epoch(ticket.createdAt)}|${ticket.id}`;
  const data = JSON.stringify(summaryOf(ticket));
  const add = (partitionKey: string) => rows.set(listRowId(partitionKey, rowKey), { partitionKey, rowKey, data });
  add(LIST_PARTITION.open);
  add(ticket.assignee === undefined ? LIST_PARTITION.unassigned : LIST_PARTITION.assignee(ticket.assignee.aadObjectId));
  return rows;
}

/** The partition a view reads and the prefix of its rows within it. */
export function listRangeOf(view: TicketListView): { partitionKey: string; prefix: string } {
  const prefix = severityPrefix(view.severity);
  switch (view.kind) {
    case 'open':
      return { partitionKey: LIST_PARTITION.open, prefix };
    case 'unassigned':
      return { partitionKey: LIST_PARTITION.unassigned, prefix };
    case 'mine':
      return { partitionKey: LIST_PARTITION.assignee(view.aadObjectId), prefix };
  }
}

function severityPrefix(severity: Severity | undefined): string {
  return severity ? `${severity}|` : '';
}
