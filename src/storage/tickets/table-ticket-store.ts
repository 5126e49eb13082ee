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
import { listMarkerEntity } from './list-marker-rows';
import { listChangeOf, TicketListIndex } from './ticket-list-index';
import type { TableService } from '../table-service';
import { listRangeOf } from './ticket-list-rows';
import { pendingEntity } from '../outbox/pending-rows';
import type { DataRow } from '../stored-text';
import { getOrUndefined, listRange, submit } from '../table-calls';
import { ticketEventOf, ticketHistoryEntities, TICKET_HISTORY_ROW } from './ticket-history-rows';
import { ticketFeedRows } from '../reports/feed-rows';
import { indexRowsOf, TICKET_INDEX_ROW, type IndexRow } from './ticket-index-rows';
import { ticketEntity, ticketOf, TICKET_ROW } from './ticket-rows';
import type { ListRow } from './ticket-list-rows';

/**
 * A ticket as this store reads it: also the keys of the index rows stored with this version (see
 * ticketEntity), which the next update deletes. Services pass it back as they got it; a StoredTicket
 * without them (built by hand) gets them computed from its ticket.
 */
export interface IndexedTicket extends StoredTicket {
  readonly indexKeys?: readonly string[];
}

/**
 * Tickets in the Cases table (row kinds: cases/case-partitions.ts). Every write is one transaction with
 * the ticket's ETag. The list views are in their own table (ticket-list-rows.ts), kept level by `lists`.
 */
export class TableTicketStore implements TicketRepository {
  /** On the account's Cases and TicketLists tables. */
  static on(tables: TableService, onListFailure?: (ticketId: string, error: unknown) => void): TableTicketStore {
    return new TableTicketStore(tables.client('cases'), TicketListIndex.on(tables, onListFailure));
  }

  constructor(
    private readonly table: TableClient,
    private readonly lists: TicketListIndex,
  ) {}

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
    // (Rows written by earlier versions also named the ticket's list rows here: deleting them moves them out.)
    const before = stored.indexKeys ?? [...indexRowsOf(stored.ticket).keys()];
    const after = indexRowsOf(next);
    for (const key of before) if (!after.has(key)) tx.deleteEntity(pk, key);
    for (const [key, data] of after) tx.upsertEntity({ partitionKey: pk, rowKey: key, data }, 'Replace');
    // The list rows are in another table: a marker here, in the same transaction, says they must follow.
    const lists = listChangeOf(stored.ticket, next);
    const marker = lists ? listMarkerEntity(pk, next.id, lists.stale, new Date()) : undefined;
    if (marker) tx.createEntity(marker);
    const response = await submit(this.table, tx, `update ticket ${next.id}`, {
      on: ['changed', 'exists', 'gone'],
      key: `ticket ${next.id}`,
    });
    const etag = response.getResponseForEntity(TICKET_ROW.key(next.id))?.etag ?? response.subResponses[0]?.etag;
    const saved = typeof etag === 'string' ? { ticket: next, etag, indexKeys: [...after.keys()] } : await this.get(next.id);
    if (!saved) throw new ConcurrencyConflictError(`ticket ${next.id}`);
    if (lists && marker) await this.lists.follow({ ticketId: next.id, markerKey: marker.rowKey, ticketEtag: saved.etag, ...lists });
    return saved;
  }

  async activity(ticketId: string, key: string): Promise<ActivityRecord | undefined> {
    return readActivity(this.table, partitionOf(ticketId), key);
  }

  async history(id: string): Promise<TicketHistoryEvent[]> {
    const rows = await this.range<DataRow>(partitionOf(id), TICKET_HISTORY_ROW.prefix(id), undefined, 1000);
    return rows.map(ticketEventOf);
  }

  /**
   * A page of a list view: one range query on the view's partition of the lists table. After a page,
   * `next` continues from the last row read (page size + 1 rows); without it, from `offset` rows into
   * the view (offset + page size + 1 rows: the first page, and "Previous").
   */
  async list(view: TicketListView, offset: number, pageSize: number, after?: string): Promise<TicketPage> {
    const { partitionKey, prefix } = listRangeOf(view);
    const from = after !== undefined && after.startsWith(prefix) ? after : undefined;
    const skip = from === undefined ? offset : 0;
    const rows = await listRange<ListRow>(
      this.lists.table,
      { partitionKey, prefix, ...(from ? { after: from } : {}), limit: skip + pageSize + 1 },
      `query lists ${partitionKey}/${prefix}`,
    );
    const page = rows.slice(skip, skip + pageSize);
    const hasMore = rows.length > skip + pageSize;
    const items = page.map((row) => JSON.parse(row.data) as TicketSummary);
    return { items, offset, hasMore, ...(hasMore ? { next: page[page.length - 1]!.rowKey } : {}) };
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
