/**
 * Suggestions (case-partitions.ts): `sugg|{id}` in the shard partition of the ticket it was seen on,
 * with its history rows `shist|{id}|{at}|{status}` and the outbox rows its changes cause, so an item,
 * its history and what it tells people are one transaction under the item's ETag. The item is stored
 * as JSON in UTF-8 bytes (stored-text.ts): it carries what the help desk typed. `status` and
 * `ticketId` are columns too, so the open items are a filtered range of each shard, never a scan.
 */
import { TableTransaction, type TableClient } from '@azure/data-tables';
import type { OutboxMessage } from '../../domain/outbox-message';
import type { StoredSuggestion, SuggestionStore } from '../../domain/ports/suggestions';
import { RequestExistsError } from '../../domain/ports/storage-errors';
import type { Suggestion, SuggestionEvent } from '../../domain/suggestions/suggestion';
import { ALL_PARTITIONS, partitionOf } from '../cases/case-partitions';
import { pendingEntity } from '../outbox/pending-rows';
import { jsonProperties, readJson, type DataRow } from '../stored-text';
import { getOrUndefined, isStatus, listRange, submit, translate } from '../table-calls';

export const SUGGESTION_ROW = { key: (id: string) => `sugg|${id}`, prefix: 'sugg|' } as const;
export const SUGGESTION_HISTORY_ROW = {
  key: (id: string, e: SuggestionEvent) => `shist|${id}|${e.at}|${e.to}`,
  prefix: (id: string) => `shist|${id}|`,
} as const;

type SuggestionRow = DataRow & { status: string; ticketId: string; createdAt: string };

function entity(pk: string, s: Suggestion): SuggestionRow {
  return {
    partitionKey: pk,
    rowKey: SUGGESTION_ROW.key(s.id),
    ...jsonProperties('data', s, 'suggestion'),
    status: s.status,
    ticketId: s.ticketId,
    createdAt: s.createdAt,
  };
}

function historyEntity(pk: string, id: string, e: SuggestionEvent): DataRow {
  return { partitionKey: pk, rowKey: SUGGESTION_HISTORY_ROW.key(id, e), ...jsonProperties('data', e, 'suggestion history') };
}

const quoted = (value: string) => value.replace(/'/g, "''");
const OPEN = "status ne 'done' and status ne 'declined'";
/** Open items read per shard to find the newest: far more than a team keeps open. */
const MAX_OPEN_PER_SHARD = 1000;

export class TableSuggestionStore implements SuggestionStore {
  constructor(private readonly table: TableClient) {}

  async create(s: Suggestion, event: SuggestionEvent, messages: readonly OutboxMessage[]): Promise<void> {
    const pk = partitionOf(s.ticketId);
    const tx = new TableTransaction();
    tx.createEntity(entity(pk, s));
    tx.createEntity(historyEntity(pk, s.id, event));
    messages.forEach((m) => tx.createEntity(pendingEntity(pk, m)));
    try {
      await this.table.submitTransaction(tx.actions);
    } catch (error) {
      if (isStatus(error, 'exists')) throw new RequestExistsError(s.id);
      throw translate(error, `create suggestion ${s.id}`);
    }
  }

  async get(ticketId: string, id: string): Promise<StoredSuggestion | undefined> {
    return getOrUndefined<SuggestionRow, StoredSuggestion>(
      this.table,
      partitionOf(ticketId),
      SUGGESTION_ROW.key(id),
      'read a suggestion',
      (row) => ({ suggestion: readJson<Suggestion>(row, 'data'), etag: row.etag }),
    );
  }

  async save(next: Suggestion, previous: StoredSuggestion, event: SuggestionEvent, messages: readonly OutboxMessage[]): Promise<void> {
    const pk = partitionOf(next.ticketId);
    const tx = new TableTransaction();
    tx.updateEntity(entity(pk, next), 'Replace', { etag: previous.etag });
    tx.createEntity(historyEntity(pk, next.id, event));
    messages.forEach((m) => tx.createEntity(pendingEntity(pk, m)));
    await submit(this.table, tx, `change suggestion ${next.id}`, { on: ['changed', 'exists'], key: `suggestion ${next.id}` });
  }

  async listOpen(limit: number): Promise<Suggestion[]> {
    // Keys sort by id, not by age: read each shard's open keys and times (small, bounded), then the newest items.
    const shards = await Promise.all(
      ALL_PARTITIONS.map((partitionKey) =>
        listRange<{ partitionKey: string; rowKey: string; createdAt: string }>(
          this.table,
          {
            partitionKey,
            prefix: SUGGESTION_ROW.prefix,
            where: OPEN,
            select: ['PartitionKey', 'RowKey', 'createdAt'],
            limit: MAX_OPEN_PER_SHARD,
          },
          'list open suggestions',
        ),
      ),
    );
    const newest = shards
      .flat()
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.rowKey < b.rowKey ? -1 : 1))
      .slice(0, limit);
    const rows = await Promise.all(
      newest.map((k) =>
        getOrUndefined<SuggestionRow, Suggestion>(this.table, k.partitionKey, k.rowKey, 'read a suggestion', (row) =>
          readJson<Suggestion>(row, 'data'),
        ),
      ),
    );
    return newestFirst(rows.filter((s): s is Suggestion => s !== undefined));
  }

  async ofTicket(ticketId: string, limit: number): Promise<Suggestion[]> {
    const rows = await listRange<SuggestionRow>(
      this.table,
      { partitionKey: partitionOf(ticketId), prefix: SUGGESTION_ROW.prefix, where: `ticketId eq '${quoted(ticketId)}'`, limit },
      "list a ticket's suggestions",
    );
    return newestFirst(rows.map((row) => readJson<Suggestion>(row, 'data')));
  }

  async history(ticketId: string, id: string): Promise<SuggestionEvent[]> {
    const rows = await listRange<DataRow>(
      this.table,
      { partitionKey: partitionOf(ticketId), prefix: SUGGESTION_HISTORY_ROW.prefix(id) },
      "read a suggestion's history",
    );
    return rows.map((row) => readJson<SuggestionEvent>(row, 'data'));
  }
}

function newestFirst(items: Suggestion[]): Suggestion[] {
  return items.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? -1 : 1));
}
