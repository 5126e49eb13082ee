import { TableClient, TableTransaction } from '@azure/data-tables';
import type { ActivityRecord } from '../../domain/activity-ref';
import type { TicketHistoryEvent } from '../../domain/history';
import type { OutboxMessage } from '../../domain/outbox-message';
import type { Ticket } from '../../domain/tickets/ticket';
import type { TicketListView, TicketPage, TicketSummary } from '../../domain/tickets/ticket-views';
import { activityEntity, readActivity } from '../cases/activity-rows';
import { ALL_PARTITIONS, partitionOf, prefixEnd } from '../cases/case-partitions';
import { outboxEntity } from '../cases/table-case-store';
import type { StoredTicket, TicketRepository } from '../../domain/ports/tickets';
import { ConcurrencyConflictError, StorageUnavailableError } from '../../domain/ports/storage-errors';
import { describe, statusOf } from '../table-service';
import { readJson } from '../stored-text';
import { historyEntities, indexRowsOf, ticketEntity, TICKET_ROW, type JsonRow, type KeyedRow } from './ticket-rows';

/**
 * A ticket as this store reads it: also the keys of the index rows stored with this version (see
 * ticketEntity), which the next update deletes. Services pass it back as they got it; a StoredTicket
 * without them (built by hand) gets them computed from its ticket.
 */
export interface IndexedTicket extends StoredTicket {
  readonly indexKeys?: readonly string[];
}

/** Tickets in the Cases table (layout in ticket-rows.ts). Every write is one transaction with the ticket's ETag. */
export class TableTicketStore implements TicketRepository {
  constructor(private readonly table: TableClient) {}

  async get(id: string): Promise<IndexedTicket | undefined> {
    try {
      const row = await this.table.getEntity<JsonRow & { indexKeys?: string }>(partitionOf(id), TICKET_ROW.ticket(id));
      const indexKeys = row.indexKeys ? (JSON.parse(row.indexKeys) as string[]) : undefined;
      return { ticket: readJson<Ticket>(row, 'data'), etag: row.etag, ...(indexKeys ? { indexKeys } : {}) };
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw unavailable(`read ticket ${id}`, error);
    }
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
    historyEntities(pk, next, events).forEach((row) => tx.createEntity(row));
    outbox.forEach((message) => tx.createEntity(outboxEntity(pk, message)));
    if (activity) tx.createEntity(activityEntity(pk, activity));
    // The ticket row's ETag guards the whole transaction: if it is stale, none of these rows is written.
    const before = stored.indexKeys ?? [...indexRowsOf(stored.ticket).keys()];
    const after = indexRowsOf(next);
    for (const key of before) if (!after.has(key)) tx.deleteEntity(pk, key);
    for (const [key, data] of after) tx.upsertEntity({ partitionKey: pk, rowKey: key, data }, 'Replace');
    try {
      const response = await this.table.submitTransaction(tx.actions);
      const etag = response.getResponseForEntity(TICKET_ROW.ticket(next.id))?.etag ?? response.subResponses[0]?.etag;
      if (typeof etag === 'string') return { ticket: next, etag, indexKeys: [...after.keys()] };
    } catch (error) {
      if (statusOf(error) === 412 || statusOf(error) === 409 || statusOf(error) === 404) throw new ConcurrencyConflictError(`ticket ${next.id}`);
      throw unavailable(`update ticket ${next.id}`, error);
    }
    const reread = await this.get(next.id);
    if (!reread) throw new ConcurrencyConflictError(`ticket ${next.id}`);
    return reread;
  }

  async activity(ticketId: string, key: string): Promise<ActivityRecord | undefined> {
    return readActivity(this.table, partitionOf(ticketId), key);
  }

  async history(id: string): Promise<TicketHistoryEvent[]> {
    const rows = await this.range<JsonRow>(partitionOf(id), TICKET_ROW.historyPrefix(id), undefined, 1000);
    return rows.map((row) => readJson<TicketHistoryEvent>(row, 'data'));
  }

  /** A page of a list view: one range query per shard over the view's index rows, merged in key order. */
  async list(view: TicketListView, offset: number, pageSize: number): Promise<TicketPage> {
    const prefix = prefixOf(view);
    const wanted = offset + pageSize + 1;
    const perShard = await Promise.all(ALL_PARTITIONS.map((pk) => this.range<KeyedRow>(pk, prefix, undefined, wanted)));
    const merged = perShard.flat().sort((a, b) => (a.rowKey < b.rowKey ? -1 : a.rowKey > b.rowKey ? 1 : 0));
    const items = merged.slice(offset, offset + pageSize).map((row) => JSON.parse(row.data) as TicketSummary);
    return { items, offset, hasMore: merged.length > offset + pageSize };
  }

  /** Ids of tickets whose next SLA event is due at `now`, from every shard's `sla|` rows. */
  async dueForSla(now: Date, limit = 200): Promise<string[]> {
    const perShard = await Promise.all(ALL_PARTITIONS.map((pk) => this.range<KeyedRow>(pk, TICKET_ROW.slaPrefix, TICKET_ROW.slaUpTo(now), limit)));
    return perShard.flat().map((row) => row.data);
  }

  private async range<T extends object>(partitionKey: string, prefix: string, upper: string | undefined, limit: number): Promise<T[]> {
    const filter = `PartitionKey eq '${partitionKey}' and RowKey ge '${prefix}' and RowKey lt '${upper ?? prefixEnd(prefix)}'`;
    const rows: T[] = [];
    try {
      for await (const page of this.table.listEntities<T>({ queryOptions: { filter } }).byPage({ maxPageSize: Math.min(limit, 1000) })) {
        rows.push(...page);
        if (rows.length >= limit) break;
      }
    } catch (error) {
      throw unavailable(`query ${partitionKey}/${prefix}`, error);
    }
    return rows.slice(0, limit);
  }
}

function prefixOf(view: TicketListView): string {
  switch (view.kind) {
    case 'open':
      return TICKET_ROW.openPrefix(view.severity);
    case 'unassigned':
      return TICKET_ROW.unassignedPrefix(view.severity);
    case 'mine':
      return TICKET_ROW.assigneePrefix(view.aadObjectId, view.severity);
  }
}

function unavailable(what: string, error: unknown): StorageUnavailableError {
  return new StorageUnavailableError(`${what}: ${describe(error)}`, error);
}
