import { TableClient, TableTransaction } from '@azure/data-tables';
import type { RequestHistoryEvent } from '../../domain/history';
import { newTicketEntities } from '../tickets/ticket-rows';
import type { SupportRequest } from '../../domain/intake/support-request';
import type { OutboxMessage } from '../../domain/outbox-message';
import type { NewTicket, RequestRepository, StoredRequest } from '../../domain/ports/requests';
import { ConcurrencyConflictError, RequestExistsError, StorageUnavailableError } from '../../domain/ports/storage-errors';
import { jsonProperties, readJson, type TextProperties } from '../stored-text';
import { describe, statusOf } from '../table-service';
import { ALL_PARTITIONS, partitionOf, prefixEnd, ROW } from './case-partitions';

/** A row whose `data` is JSON (stored-text.ts: UTF-8 bytes; a string in rows written before). */
type JsonRow = { partitionKey: string; rowKey: string } & TextProperties<'data'>;

/** An index row: `data` is the request id (ASCII). */
interface IndexRow {
  partitionKey: string;
  rowKey: string;
  data: string;
}

/**
 * Requests in Table Storage (see case-partitions.ts for the layout). Every write is one transaction
 * in the request's partition; updates carry the request row's ETag.
 */
export class TableCaseStore implements RequestRepository {
  constructor(private readonly table: TableClient) {}

  /**
   * Creates the request with its first history events, outbox messages and index rows, atomically;
   * and, for the help desk route, its ticket (same id, same partition, same transaction).
   */
  async create(
    request: SupportRequest,
    history: readonly RequestHistoryEvent[],
    outbox: readonly OutboxMessage[],
    ticket?: NewTicket,
  ): Promise<void> {
    const pk = partitionOf(request.id);
    const tx = new TableTransaction();
    tx.createEntity(requestRow(pk, request));
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
    tx.updateEntity(requestRow(pk, next), 'Replace', { etag: stored.etag });
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
      return { request: readJson<SupportRequest>(row, 'data'), etag: row.etag };
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw unavailable(`read request ${id}`, error);
    }
  }

  async history(id: string): Promise<RequestHistoryEvent[]> {
    const prefix = ROW.historyPrefix(id);
    const rows = await this.range<JsonRow>(partitionOf(id), prefix, 1000);
    return rows.map((row) => readJson<RequestHistoryEvent>(row, 'data'));
  }

  /** The outbox messages a request's transactions wrote (for tests and the admin view). */
  async outboxOf(requestId: string): Promise<OutboxMessage[]> {
    const rows = await this.range<JsonRow>(partitionOf(requestId), ROW.outboxPrefix, 1000);
    return rows.map((row) => readJson<OutboxMessage>(row, 'data')).filter((m) => m.requestId === requestId);
  }

  /**
   * A requester's requests, newest first: one range query per shard on the index rows (no scan),
   * merged, then the request rows read by key.
   */
  async listByRequester(aadObjectId: string, limit: number): Promise<SupportRequest[]> {
    const prefix = ROW.requesterIndexPrefix(aadObjectId);
    const perShard = await Promise.all(ALL_PARTITIONS.map((pk) => this.range<IndexRow>(pk, prefix, limit)));
    const newest = perShard
      .flat()
      .sort((a, b) => (a.rowKey < b.rowKey ? -1 : 1))
      .slice(0, limit);
    const requests = await Promise.all(newest.map((row) => this.get(row.data)));
    return requests.filter((r): r is StoredRequest => r !== undefined).map((r) => r.request);
  }

  private async range<T extends object>(partitionKey: string, prefix: string, limit: number): Promise<T[]> {
    const filter = `PartitionKey eq '${partitionKey}' and RowKey ge '${prefix}' and RowKey lt '${prefixEnd(prefix)}'`;
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

  private historyRow(pk: string, id: string, event: RequestHistoryEvent, seq: number): JsonRow {
    return { partitionKey: pk, rowKey: ROW.history(id, event.at, seq), ...jsonProperties('data', event) };
  }

  private outboxRow(pk: string, message: OutboxMessage): JsonRow & { status: string; attempts: number; nextAttemptAt: string } {
    return outboxEntity(pk, message);
  }
}

/** An outbox row as the outbox worker reads it (shared by every store writing to a shard). */
export function outboxEntity(pk: string, message: OutboxMessage): JsonRow & { status: string; attempts: number; nextAttemptAt: string } {
  return { partitionKey: pk, rowKey: ROW.outbox(message.id), ...jsonProperties('data', message), status: 'pending', attempts: 0, nextAttemptAt: message.createdAt };
}

/** The request row: its JSON, and the requester's id as a column for people reading the table. */
export function requestRow(pk: string, request: SupportRequest): JsonRow & { requesterId: string } {
  return { partitionKey: pk, rowKey: ROW.request(request.id), ...jsonProperties('data', request, `request ${request.id}`), requesterId: request.requester.aadObjectId };
}

function unavailable(what: string, error: unknown): StorageUnavailableError {
  return new StorageUnavailableError(`${what}: ${describe(error)}`, error);
}
