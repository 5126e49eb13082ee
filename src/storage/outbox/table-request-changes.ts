import { TableClient, TableTransaction } from '@azure/data-tables';
import type { ActivityRecord } from '../../domain/activity-ref';
import type { RequestHistoryEvent } from '../../domain/history';
import type { CatalogFlag } from '../../domain/notifications/catalog-flag';
import type { RequestChange, RequestChangeStore } from '../../domain/ports/request-changes';
import type { StoredRequest } from '../../domain/ports/requests';
import { activityEntity, readActivity } from '../cases/activity-rows';
import { partitionOf } from '../cases/case-partitions';
import { requestHistoryEntity, requestEventOf, REQUEST_HISTORY_ROW } from '../cases/request-history-rows';
import { requestFeedRows } from '../reports/feed-rows';
import { requestEntity, storedRequestOf, REQUEST_ROW } from '../cases/request-rows';
import type { DataRow } from '../stored-text';
import { getOrUndefined, listRange, submit } from '../table-calls';
import { newTicketEntities } from '../tickets/ticket-rows';
import { failedMove } from './failed-rows';
import { flagEntity, flagOf, FLAG_ROW, openFlagEntity, type FlagRow } from './flag-rows';
import { pendingEntity } from './pending-rows';
import { TIMER_ROW } from './timer-rows';

/** Transactions hold at most 100 entities (Table Storage). */
const MAX_TRANSACTION = 100;

/**
 * One change to a request after submission (an action on a card, a timer, a fallback), written as a
 * single entity-group transaction in the request's partition: the request row with its ETag, the
 * history events, the outbox messages, timers done, catalog flags, the failed delivery and the record
 * of the activity that asked for it, if any (row kinds: cases/case-partitions.ts).
 */
export class TableRequestChanges implements RequestChangeStore {
  constructor(private readonly table: TableClient) {}

  async get(id: string): Promise<StoredRequest | undefined> {
    return getOrUndefined(this.table, partitionOf(id), REQUEST_ROW.key(id), `read request ${id}`, storedRequestOf);
  }

  async history(id: string): Promise<RequestHistoryEvent[]> {
    const rows = await listRange<DataRow>(
      this.table,
      { partitionKey: partitionOf(id), prefix: REQUEST_HISTORY_ROW.prefix(id) },
      `history ${id}`,
    );
    return rows.map(requestEventOf);
  }

  async apply(change: RequestChange): Promise<void> {
    const { next } = change;
    const pk = partitionOf(next.id);
    const tx = new TableTransaction();
    tx.updateEntity(requestEntity(pk, next), 'Replace', { etag: change.stored.etag });
    change.history.forEach((event, i) => tx.createEntity(requestHistoryEntity(pk, next.id, event, change.historyOffset + i)));
    requestFeedRows(pk, change.stored.request, next, change.history, change.historyOffset).forEach((row) => tx.createEntity(row));
    for (const message of change.outbox) tx.createEntity({ ...pendingEntity(pk, message), throttles: 0 });
    for (const timer of change.timersDone ?? []) tx.deleteEntity(pk, TIMER_ROW.key(timer.dueAt, timer.requestId, timer.kind));
    for (const flag of change.flags ?? []) {
      tx.createEntity(flagEntity(pk, flag));
      tx.createEntity(openFlagEntity(pk, flag));
    }
    if (change.ticket) newTicketEntities(pk, change.ticket.ticket, change.ticket.history).forEach((row) => tx.createEntity(row));
    if (change.activity) tx.createEntity(activityEntity(pk, change.activity));
    if (change.failedDelivery) {
      const f = change.failedDelivery;
      failedMove(tx, f.pending, f.reason, f.failure, f.at);
    }
    if (tx.actions.length > MAX_TRANSACTION) throw new RangeError(`a request change of ${tx.actions.length} rows exceeds one transaction`);
    await submit(this.table, tx, `update request ${next.id}`, { on: ['changed', 'exists', 'gone'], key: `request ${next.id}` });
  }

  async activity(requestId: string, key: string): Promise<ActivityRecord | undefined> {
    return readActivity(this.table, partitionOf(requestId), key);
  }

  /** "Not my solution" flags of one partition (the catalog owner's review list reads all 16). */
  async flags(partitionKey: string): Promise<CatalogFlag[]> {
    const rows = await listRange<FlagRow>(this.table, { partitionKey, prefix: FLAG_ROW.prefix }, `flags ${partitionKey}`);
    return rows.map(flagOf);
  }
}
