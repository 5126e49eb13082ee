import { TableClient, TableTransaction } from '@azure/data-tables';
import type { ActivityRecord } from '../../domain/activity-ref';
import type { TicketHistoryEvent } from '../../domain/history';
import type { OutboxMessage } from '../../domain/outbox-message';
import type { StoredTicket, TicketRepository } from '../../domain/ports/tickets';
import { ConcurrencyConflictError } from '../../domain/ports/storage-errors';
import type { Ticket } from '../../domain/tickets/ticket';
import type { TicketListView, TicketPage, TicketSummary } from '../../domain/tickets/ticket-lists';
import { activityEntity, readActivity } from '../cases/activity-rows';
import { ALL_PARTITIONS, partitionOf } from '../cases/case-partitions';
import { pendingEntity } from '../outbox/pending-rows';
import type { DataRow } from '../stored-text';
import { getOrUndefined, listRange, submit } from '../table-calls';
import { ticketEventOf, ticketHistoryEntities, TICKET_HISTORY_ROW } from './ticket-history-rows';
import { ticketFeedRows } from '../reports/feed-rows';
import { indexRowsOf, TICKET_INDEX_ROW, type IndexRow } from './ticket-index-rows';
import { ticketEntity, ticketOf, TICKET_ROW } from './ticket-rows';

/**
 * A ticket as this store reads it: also the keys of the index rows stored with this version (see
 * ticketEntity), which the next update deletes. Services pass it back as they got it; a StoredTicket
 * without them (built by hand) gets them computed from its ticket.
 */
export interface IndexedTicket extends StoredTicket {
  readonly indexKeys?: readonly string[];
}

/** Tickets in the Cases table (row kinds: cases/case-partitions.ts). Every write is one transaction with the ticket's ETag. */
export class TableTicketStore implements TicketRepository {
  constructor(private readonly table: TableClient) {}

  async get(id: string): Promise<IndexedTicket | undefined> {
    return getOrUndefined(
      this.table,
      partitionOf(id),
      TICKET_ROW.key(id),
      `read ticket ${id}`,
      (row: DataRow & { indexKeys?: string; etag: string }) => ({
        ...ticketOf(row),
        etag: row.etag,
      }),
    );
  }

  /**
   * Replaces the ticket if nobody changed it since `stored` was read; in the same transaction adds
   * the history events and outbox messages, moves the index rows and records the activity (a second
   * record of the same activity fails the transaction). ConcurrencyConflictError otherwise.
   */
  async update(
    stored: IndexedTicket,
    next: Ticket,
    events: readonly TicketHistoryEvent[],
    outbox: readonly OutboxMessage[],
    activity?: ActivityRecord,
  ): Promise<IndexedTicket> {
    const pk = partitionOf(next.id);
    const tx = new TableTransaction();
    tx.updateEntity(ticketEntity(pk, next), 'Replace', { etag: stored.etag });
    ticketHistoryEntities(pk, next, events).forEach((row) => tx.createEntity(row));
    ticketFeedRows(pk, stored.ticket, next, events).forEach((row) => tx.createEntity(row));
    outbox.forEach((message) => tx.createEntity(pendingEntity(pk, message)));
    if (activity) tx.createEntity(activityEntity(pk, activity));
    // The ticket row's ETag guards the whole transaction: if it is stale, none of these rows is written.
    const before = stored.indexKeys ?? [...indexRowsOf(stored.ticket).keys()];
    const after = indexRowsOf(next);
    for (const key of before) if (!after.has(key)) tx.deleteEntity(pk, key);
    for (const [key, data] of after) tx.upsertEntity({ partitionKey: pk, rowKey: key, data }, 'Replace');
    const response = await submit(this.table, tx, `update ticket ${next.id}`, {
      on: ['changed', 'exists', 'gone'],
      key: `ticket ${next.id}`,
    });
    const etag = response.getResponseForEntity(TICKET_ROW.key(next.id))?.etag ?? response.subResponses[0]?.etag;
    if (typeof etag === 'string') return { ticket: next, etag, indexKeys: [...after.keys()] };
    const reread = await this.get(next.id);
    if (!reread) throw new ConcurrencyConflictError(`ticket ${next.id}`);
    return reread;
  }

  async activity(ticketId: string, key: string): Promise<ActivityRecord | undefined> {
    return readActivity(this.table, partitionOf(ticketId), key);
  }

  async history(id: string): Promise<TicketHistoryEvent[]> {
    const rows = await this.range<DataRow>(partitionOf(id), TICKET_HISTORY_ROW.prefix(id), undefined, 1000);
    return rows.map(ticketEventOf);
  }

  /** A page of a list view: one range query per shard over the view's index rows, merged in key order. */
  async list(view: TicketListView, offset: number, pageSize: number): Promise<TicketPage> {
    const prefix = prefixOf(view);
    const wanted = offset + pageSize + 1;
    const perShard = await Promise.all(ALL_PARTITIONS.map((pk) => this.range<IndexRow>(pk, prefix, undefined, wanted)));
    const merged = perShard.flat().sort((a, b) => (a.rowKey < b.rowKey ? -1 : a.rowKey > b.rowKey ? 1 : 0));
    const items = merged.slice(offset, offset + pageSize).map((row) => JSON.parse(row.data) as TicketSummary);
    return { items, offset, hasMore: merged.length > offset + pageSize };
  }

  /** Ids of tickets whose next SLA event is due at `now`, from every shard's `sla|` rows. */
  async dueForSla(now: Date, limit = 200): Promise<string[]> {
    const prefix = TICKET_INDEX_ROW.slaPrefix;
    const perShard = await Promise.all(ALL_PARTITIONS.map((pk) => this.range<IndexRow>(pk, prefix, TICKET_INDEX_ROW.slaUpTo(now), limit)));
    return perShard.flat().map((row) => row.data);
  }

  private range<T extends object>(partitionKey: string, prefix: string, below: string | undefined, limit: number): Promise<T[]> {
    return listRange<T>(this.table, { partitionKey, prefix, limit, ...(below ? { below } : {}) }, `query ${partitionKey}/${prefix}`);
  }
}

function prefixOf(view: TicketListView): string {
  switch (view.kind) {
    case 'open':
      return TICKET_INDEX_ROW.openPrefix(view.severity);
    case 'unassigned':
      return TICKET_INDEX_ROW.unassignedPrefix(view.severity);
    case 'mine':
      return TICKET_INDEX_ROW.assigneePrefix(view.aadObjectId, view.severity);
  }
}
