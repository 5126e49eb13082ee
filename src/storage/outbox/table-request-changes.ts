import { TableClient, TableTransaction } from '@azure/data-tables';
import type { ActivityRecord } from '../../domain/activity-ref';
import type { RequestHistoryEvent } from '../../domain/history';
import { newTicketEntities } from '../tickets/ticket-rows';
import type { SupportRequest } from '../../domain/intake/support-request';
import type { CatalogFlag } from '../../domain/notifications/catalog-flag';
import { activityEntity, readActivity } from '../cases/activity-rows';
import { partitionOf, prefixEnd, ROW } from '../cases/case-partitions';
import { outboxEntity, requestRow } from '../cases/table-case-store';
import type { RequestChange, RequestChangeStore } from '../../domain/ports/request-changes';
import type { StoredRequest } from '../../domain/ports/requests';
import { ConcurrencyConflictError, StorageUnavailableError } from '../../domain/ports/storage-errors';
import { jsonProperties, readJson, readOptionalText, textProperties } from '../stored-text';
import { describe, statusOf } from '../table-service';
import { OUTBOX_ROW, type FlagRow } from './outbox-rows';
import { failedMove } from './table-outbox-store';

/** Transactions hold at most 100 entities (Table Storage). */
const MAX_TRANSACTION = 100;

/**
 * One change to a request after submission (an action on a card, a timer, a fallback), written as a
 * single entity-group transaction in the request's partition: the request row with its ETag, the
 * history events, the outbox messages, timers done, catalog flags, the failed delivery and the record
 * of the activity that asked for it, if any.
 * Row shapes match TableCaseStore's (case-partitions.ts, outbox-rows.ts).
 */
export class TableRequestChanges implements RequestChangeStore {
  constructor(private readonly table: TableClient) {}

  async get(id: string): Promise<StoredRequest | undefined> {
    try {
      const row = await this.table.getEntity(partitionOf(id), ROW.request(id));
      return { request: readJson<SupportRequest>(row, 'data'), etag: row.etag };
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw unavailable(`read request ${id}`, error);
    }
  }

  async history(id: string): Promise<RequestHistoryEvent[]> {
    const pk = partitionOf(id);
    const prefix = ROW.historyPrefix(id);
    const filter = `PartitionKey eq '${pk}' and RowKey ge '${prefix}' and RowKey lt '${prefixEnd(prefix)}'`;
    const events: RequestHistoryEvent[] = [];
    try {
      for await (const row of this.table.listEntities({ queryOptions: { filter } })) events.push(readJson<RequestHistoryEvent>(row, 'data'));
    } catch (error) {
      throw unavailable(`history ${id}`, error);
    }
    return events;
  }

  async apply(change: RequestChange): Promise<void> {
    const { next } = change;
    const pk = partitionOf(next.id);
    const tx = new TableTransaction();
    tx.updateEntity(requestRow(pk, next), 'Replace', { etag: change.stored.etag });
    change.history.forEach((event, i) =>
      tx.createEntity({ partitionKey: pk, rowKey: ROW.history(next.id, event.at, change.historyOffset + i), ...jsonProperties('data', event) }),
    );
    for (const message of change.outbox) tx.createEntity({ ...outboxEntity(pk, message), throttles: 0 });
    for (const timer of change.timersDone ?? []) tx.deleteEntity(pk, OUTBOX_ROW.timer(timer.dueAt, timer.requestId, timer.kind));
    for (const flag of change.flags ?? []) tx.createEntity(flagRow(pk, flag));
    if (change.ticket) newTicketEntities(pk, change.ticket.ticket, change.ticket.history).forEach((row) => tx.createEntity(row));
    if (change.activity) tx.createEntity(activityEntity(pk, change.activity));
    if (change.failedDelivery) {
      const f = change.failedDelivery;
      failedMove(tx, f.pending, f.reason, f.failure, f.at);
    }
    if (tx.actions.length > MAX_TRANSACTION) throw new RangeError(`a request change of ${tx.actions.length} rows exceeds one transaction`);
    try {
      await this.table.submitTransaction(tx.actions);
    } catch (error) {
      const status = statusOf(error);
      if (status === 412 || status === 409 || status === 404) throw new ConcurrencyConflictError(`request ${next.id}`);
      throw unavailable(`update request ${next.id}`, error);
    }
  }

  async activity(requestId: string, key: string): Promise<ActivityRecord | undefined> {
    return readActivity(this.table, partitionOf(requestId), key);
  }

  /** "Not my solution" flags of one partition (the catalog owner's review list reads all 16). */
  async flags(partitionKey: string): Promise<CatalogFlag[]> {
    const filter = `PartitionKey eq '${partitionKey}' and RowKey ge '${OUTBOX_ROW.flagPrefix}' and RowKey lt '${prefixEnd(OUTBOX_ROW.flagPrefix)}'`;
    const flags: CatalogFlag[] = [];
    for await (const row of this.table.listEntities<FlagRow>({ queryOptions: { filter } })) {
      flags.push({
        solutionId: row.solutionId,
        requestId: row.requestId,
        reason: 'not-my-solution',
        flaggedBy: JSON.parse(row.flaggedBy) as CatalogFlag['flaggedBy'],
        flaggedAt: row.flaggedAt,
        ...(row.note !== undefined ? { note: readOptionalText(row, 'note') } : {}),
      });
    }
    return flags;
  }
}

function flagRow(pk: string, flag: CatalogFlag): FlagRow {
  return {
    partitionKey: pk,
    rowKey: OUTBOX_ROW.flag(flag.solutionId, flag.requestId),
    solutionId: flag.solutionId,
    requestId: flag.requestId,
    reason: flag.reason,
    flaggedBy: JSON.stringify(flag.flaggedBy),
    flaggedAt: flag.flaggedAt,
    ...(flag.note ? textProperties('note', flag.note) : {}),
  };
}

function unavailable(what: string, error: unknown): StorageUnavailableError {
  return new StorageUnavailableError(`${what}: ${describe(error)}`, error);
}
