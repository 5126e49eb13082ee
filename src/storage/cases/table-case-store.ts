import { TableClient, TableTransaction } from '@azure/data-tables';
import type { RequestHistoryEvent } from '../../domain/history';
import type { SupportRequest } from '../../domain/intake/support-request';
import { readOutboxMessage, type OutboxMessage } from '../../domain/outbox-message';
import type { NewTicket, RequesterPage, RequestRepository, StoredRequest } from '../../domain/ports/requests';
import { RequestExistsError } from '../../domain/ports/storage-errors';
import { pendingEntity, PENDING_ROW } from '../outbox/pending-rows';
import { readJson, type DataRow } from '../stored-text';
import { getOrUndefined, isStatus, listRange, submit, translate } from '../table-calls';
import { listMarkerEntity } from '../tickets/list-marker-rows';
import { listChangeOf, type TicketListIndex } from '../tickets/ticket-list-index';
import { newTicketEntities, TICKET_ROW } from '../tickets/ticket-rows';
import { requestFeedRows } from '../reports/feed-rows';
import { ALL_PARTITIONS, partitionOf } from './case-partitions';
import { requestHistoryEntity, requestEventOf, REQUEST_HISTORY_ROW } from './request-history-rows';
import { requestEntity, storedRequestOf, REQUEST_ROW } from './request-rows';
import {
  continuationOf,
  CONTINUATION_PATTERN,
  requesterIndexEntity,
  REQUESTER_INDEX_ROW,
  type RequesterIndexRow,
} from './requester-index-rows';

/**
 * Requests in Table Storage (see case-partitions.ts for the layout). Every write is one transaction
 * in the request's partition; updates carry the request row's ETag.
 */
export class TableCaseStore implements RequestRepository {
  /**
   * `lists` follows a new ticket into the list views (tickets/ticket-list-index.ts). Without it (stores
   * that never open tickets), a ticket's list rows are written by the list sweep from its marker.
   */
  constructor(
    private readonly table: TableClient,
    private readonly lists?: TicketListIndex,
  ) {}

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
    tx.createEntity(requestEntity(pk, request));
    history.forEach((event, i) => tx.createEntity(requestHistoryEntity(pk, request.id, event, i)));
    requestFeedRows(pk, undefined, request, history, 0).forEach((row) => tx.createEntity(row));
    outbox.forEach((message) => tx.createEntity(pendingEntity(pk, message)));
    if (ticket) newTicketEntities(pk, ticket.ticket, ticket.history).forEach((row) => tx.createEntity(row));
    // The ticket's list rows are in another table: the marker says they must follow (tickets/ticket-list-index.ts).
    const lists = ticket ? listChangeOf(undefined, ticket.ticket) : undefined;
    const marker = ticket && lists ? listMarkerEntity(pk, ticket.ticket.id, lists.stale, new Date()) : undefined;
    if (marker) tx.createEntity(marker);
    tx.createEntity(requesterIndexEntity(pk, request));
    let response: Awaited<ReturnType<TableClient['submitTransaction']>>;
    try {
      response = await this.table.submitTransaction(tx.actions);
    } catch (error) {
      if (isStatus(error, 'exists')) throw new RequestExistsError(request.id);
      throw translate(error, `create request ${request.id}`);
    }
    if (ticket && lists && marker && this.lists) {
      const ticketEtag = response.getResponseForEntity(TICKET_ROW.key(ticket.ticket.id))?.etag ?? '';
      await this.lists.follow({ ticketId: ticket.ticket.id, markerKey: marker.rowKey, ticketEtag, ...lists });
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
    tx.updateEntity(requestEntity(pk, next), 'Replace', { etag: stored.etag });
    history.forEach((event, i) => tx.createEntity(requestHistoryEntity(pk, next.id, event, historyOffset + i)));
    requestFeedRows(pk, stored.request, next, history, historyOffset).forEach((row) => tx.createEntity(row));
    outbox.forEach((message) => tx.createEntity(pendingEntity(pk, message)));
    await submit(this.table, tx, `update request ${next.id}`, { on: ['changed', 'exists'], key: `request ${next.id}` });
  }

  async get(id: string): Promise<StoredRequest | undefined> {
    return getOrUndefined(this.table, partitionOf(id), REQUEST_ROW.key(id), `read request ${id}`, storedRequestOf);
  }

  async history(id: string): Promise<RequestHistoryEvent[]> {
    const prefix = REQUEST_HISTORY_ROW.prefix(id);
    const rows = await listRange<DataRow>(
      this.table,
      { partitionKey: partitionOf(id), prefix, limit: 1000 },
      `query ${partitionOf(id)}/${prefix}`,
    );
    return rows.map(requestEventOf);
  }

  /** The outbox messages a request's transactions wrote (for tests and the admin view). */
  async outboxOf(requestId: string): Promise<OutboxMessage[]> {
    const pk = partitionOf(requestId);
    const rows = await listRange<DataRow>(
      this.table,
      { partitionKey: pk, prefix: PENDING_ROW.prefix, limit: 1000 },
      `query ${pk}/${PENDING_ROW.prefix}`,
    );
    return rows.map((row) => readOutboxMessage(readJson<OutboxMessage>(row, 'data'))).filter((m) => m.requestId === requestId);
  }

  /**
   * A requester's requests, newest first: one range query per shard on the index rows (no scan),
   * merged, then the request rows read by key.
   */
  async listByRequester(aadObjectId: string, limit: number): Promise<SupportRequest[]> {
    const prefix = REQUESTER_INDEX_ROW.prefix(aadObjectId);
    const perShard = await Promise.all(
      ALL_PARTITIONS.map((pk) => listRange<RequesterIndexRow>(this.table, { partitionKey: pk, prefix, limit }, `query ${pk}/${prefix}`)),
    );
    const newest = perShard
      .flat()
      .sort((a, b) => (a.rowKey < b.rowKey ? -1 : 1))
      .slice(0, limit);
    const requests = await Promise.all(newest.map((row) => this.get(row.data)));
    return requests.filter((r): r is StoredRequest => r !== undefined).map((r) => r.request);
  }

  /**
   * One page of a requester's requests: per shard, the `limit + 1` index rows after the continuation
   * (one range query each, no scan), merged; the extra row says whether a next page exists.
   */
  async pageByRequester(aadObjectId: string, after: string | undefined, limit: number): Promise<RequesterPage> {
    const prefix = REQUESTER_INDEX_ROW.prefix(aadObjectId);
    const from = after !== undefined && CONTINUATION_PATTERN.test(after) ? `${prefix}${after}` : undefined;
    const perShard = await Promise.all(
      ALL_PARTITIONS.map((pk) =>
        listRange<RequesterIndexRow>(this.table, { partitionKey: pk, prefix, after: from, limit: limit + 1 }, `query ${pk}/${prefix}`),
      ),
    );
    const rows = perShard.flat().sort((a, b) => (a.rowKey < b.rowKey ? -1 : 1));
    const shown = rows.slice(0, limit);
    const requests = (await Promise.all(shown.map((row) => this.get(row.data))))
      .filter((r): r is StoredRequest => r !== undefined)
      .map((r) => r.request);
    const last = shown[shown.length - 1];
    return rows.length > limit && last ? { requests, next: continuationOf(last.rowKey, aadObjectId) } : { requests };
  }
}
