import { TableClient, TableTransaction } from '@azure/data-tables';
import type { RequestHistoryEvent, TicketHistoryEvent } from '../../domain/history';
import type { Ticket } from '../../domain/tickets/ticket';
import { newTicketEntities } from '../tickets/ticket-rows';
import type { SupportRequest } from '../../domain/intake/support-request';
import type { OutboxMessage } from '../../domain/outbox-message';
import { ConcurrencyConflictError, StorageUnavailableError } from '../storage-errors';
import { describe, statusOf } from '../table-service';
import { ALL_PARTITIONS, partitionOf, prefixEnd, ROW } from './case-partitions';

/** A request as read, with the ETag a later update must carry. */
export interface StoredRequest {
  readonly request: SupportRequest;
  readonly etag: string;
}

/** Thrown by `create` when a request with this id exists: the caller reads it back (idempotency). */
export class RequestExistsError extends ConcurrencyConflictError {
  constructor(readonly requestId: string) {
    super(`request ${requestId}`);
    this.name = 'RequestExistsError';
  }
}

interface JsonRow {
  partitionKey: string;
  rowKey: string;
  data: string;
}

/**
 * Requests in Table Storage (see case-partitions.ts for the layout). Every write is one transaction
 * in the request's partition; updates carry the request row's ETag.
 */
export class TableCaseStore {
  constructor(private readonly table: TableClient) {}

  /**
   * Creates the request with its first history events, outbox messages and index rows, atomically;
   * and, for the help desk route, its ticket (same id, same partition, same transaction).
   */
  async create(
    request: SupportRequest,
    history: readonly RequestHistoryEvent[],
    outbox: readonly OutboxMessage[],
    ticket?: { readonly ticket: Ticket; readonly history: readonly TicketHistoryEvent[] },
  ): Promise<void> {
    const pk = partitionOf(request.id);
    const tx = new TableTransaction();
    tx.createEntity({ partitionKey: pk, rowKey: ROW.request(request.id), data: JSON.stringify(request), requesterId: request.requester.aadObjectId });
    history.forEach((event, i) => tx.createEntity(this.historyRow(pk, request.id, event, i)));
    outbox.forEach((message) => tx.createEntity(this.outboxRow(pk, message)));
    if (ticket) newTicketEntities(pk, ticket.ticket, ticket.history).forEach((row) => tx.createEntity(row));
    tx.createEntity({ partitionKey: pk, rowKey: ROW.requesterIndex(request.requester.aadObjectId, request.createdAt, request.id), data: request.id });
    try {
      await this.table.submitTransaction(tx.actions);
    } catch (error) {
      if (statusOf(error) === 409) throw new RequestExistsError(request.id);
      throw unavailable(`create request ${request.id}`, error);
    }
  }

  /** Replaces the request if nobody changed it since `etag`, adding history and outbox rows atomically. */
  async update(
    stored: StoredRequest,
    next: SupportRequest,
    history: readonly RequestHistoryEvent[],
    outbox: readonly OutboxMessage[],
    historyOffset = 0,
  ): Promise<void> {
    const pk = partitionOf(next.id);
    const tx = new TableTransaction();
    tx.updateEntity(
      { partitionKey: pk, rowKey: ROW.request(next.id), data: JSON.stringify(next), requesterId: next.requester.aadObjectId },
      'Replace',
      { etag: stored.etag },
    );
    history.forEach((event, i) => tx.createEntity(this.historyRow(pk, next.id, event, historyOffset + i)));
    outbox.forEach((message) => tx.createEntity(this.outboxRow(pk, message)));
    try {
      await this.table.submitTransaction(tx.actions);
    } catch (error) {
      if (statusOf(error) === 412 || statusOf(error) === 409) throw new ConcurrencyConflictError(`request ${next.id}`);
      throw unavailable(`update request ${next.id}`, error);
    }
  }

  async get(id: string): Promise<StoredRequest | undefined> {
    try {
      const row = await this.table.getEntity<JsonRow>(partitionOf(id), ROW.request(id));
      return { request: JSON.parse(row.data) as SupportRequest, etag: row.etag };
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw unavailable(`read request ${id}`, error);
    }
  }

  async history(id: string): Promise<RequestHistoryEvent[]> {
    const prefix = ROW.historyPrefix(id);
    const rows = await this.range(partitionOf(id), prefix, 1000);
    return rows.map((row) => JSON.parse(row.data) as RequestHistoryEvent);
  }

  /** The outbox messages a request's transactions wrote (for tests and the admin view). */
  async outboxOf(requestId: string): Promise<OutboxMessage[]> {
    const rows = await this.range(partitionOf(requestId), ROW.outboxPrefix, 1000);
    return rows.map((row) => JSON.parse(row.data) as OutboxMessage).filter((m) => m.requestId === requestId);
  }

  /**
   * A requester's requests, newest first: one range query per shard on the index rows (no scan),
   * merged, then the request rows read by key.
   */
  async listByRequester(aadObjectId: string, limit: number): Promise<SupportRequest[]> {
    const prefix = ROW.requesterIndexPrefix(aadObjectId);
    const perShard = await Promise.all(ALL_PARTITIONS.map((pk) => this.range(pk, prefix, limit)));
    const newest = perShard
      .flat()
      .sort((a, b) => (a.rowKey < b.rowKey ? -1 : 1))
      .slice(0, limit);
    const requests = await Promise.all(newest.map((row) => this.get(row.data)));
    return requests.filter((r): r is StoredRequest => r !== undefined).map((r) => r.request);
  }

  private async range(partitionKey: string, prefix: string, limit: number): Promise<JsonRow[]> {
    const filter = `PartitionKey eq '${partitionKey}' and RowKey ge '${prefix}' and RowKey lt '${prefixEnd(prefix)}'`;
    const rows: JsonRow[] = [];
    try {
      for await (const page of this.table.listEntities<JsonRow>({ queryOptions: { filter } }).byPage({ maxPageSize: Math.min(limit, 1000) })) {
        rows.push(...page);
        if (rows.length >= limit) break;
      }
    } catch (error) {
      throw unavailable(`query ${partitionKey}/${prefix}`, error);
    }
    return rows.slice(0, limit);
  }

  private historyRow(pk: string, id: string, event: RequestHistoryEvent, seq: number): JsonRow {
    return { partitionKey: pk, rowKey: ROW.history(id, event.at, seq), data: JSON.stringify(event) };
  }

  private outboxRow(pk: string, message: OutboxMessage): JsonRow & { status: string; attempts: number; nextAttemptAt: string } {
    return outboxEntity(pk, message);
  }
}

/** An outbox row as the outbox worker reads it (shared by every store writing to a shard). */
export function outboxEntity(pk: string, message: OutboxMessage): JsonRow & { status: string; attempts: number; nextAttemptAt: string } {
  return { partitionKey: pk, rowKey: ROW.outbox(message.id), data: JSON.stringify(message), status: 'pending', attempts: 0, nextAttemptAt: message.createdAt };
}

function unavailable(what: string, error: unknown): StorageUnavailableError {
  return new StorageUnavailableError(`${what}: ${describe(error)}`, error);
}
