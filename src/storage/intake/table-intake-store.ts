import { odata, TableClient } from '@azure/data-tables';
import type { IntakeDraft } from '../../domain/intake/intake-draft';
import { PRUNE_LIMIT, type IntakeRepository, type PruneWindow, type StoredIntake } from '../../domain/ports/intake';
import { jsonProperties, readJson, type DataRow } from '../stored-text';
import { deleteRow, getOrUndefined, isStatus, translate, unavailable } from '../table-calls';

/**
 * Questionnaires in progress. PartitionKey = the requester's Entra object id, RowKey = intake id:
 * a card action can only ever reach a draft in the caller's own partition. `data` is the draft's JSON
 * (stored-text.ts).
 */
export class TableIntakeStore implements IntakeRepository {
  constructor(private readonly table: TableClient) {}

  async create(draft: IntakeDraft): Promise<StoredIntake> {
    try {
      const result = await this.table.createEntity<DataRow>(this.row(draft));
      return { draft, etag: result.etag ?? '' };
    } catch (error) {
      throw translate(error, 'create intake', { on: ['exists'], key: `intake ${draft.id}` });
    }
  }

  async get(requesterId: string, id: string): Promise<StoredIntake | undefined> {
    return getOrUndefined(this.table, requesterId, id, 'read intake', (row: DataRow & { etag: string }) => ({
      draft: readJson<IntakeDraft>(row, 'data'),
      etag: row.etag,
    }));
  }

  /** Saves a new version if nobody saved one since `etag`; ConcurrencyConflictError otherwise. */
  async update(stored: StoredIntake, draft: IntakeDraft): Promise<StoredIntake> {
    try {
      const result = await this.table.updateEntity<DataRow>(this.row(draft), 'Replace', { etag: stored.etag });
      return { draft, etag: result.etag ?? '' };
    } catch (error) {
      throw translate(error, 'save intake', { on: ['changed', 'gone'], key: `intake ${draft.id}` });
    }
  }

  async discard(stored: StoredIntake): Promise<void> {
    const { draft, etag } = stored;
    await deleteRow(this.table, draft.requester.aadObjectId, draft.id, 'discard intake', { etag, ignore: ['changed', 'gone'] });
  }

  /** The requester's drafts: one query on their own partition (pruned now and then at a start, so it stays small). */
  async listOf(requesterId: string, limit = 50): Promise<StoredIntake[]> {
    const out: StoredIntake[] = [];
    try {
      const rows = this.table.listEntities<DataRow>({ queryOptions: { filter: odata`PartitionKey eq ${requesterId}` } });
      for await (const row of rows) {
        out.push({ draft: readJson<IntakeDraft>(row, 'data'), etag: row.etag });
        if (out.length >= limit) break;
      }
    } catch (error) {
      throw unavailable('list intakes', error);
    }
    return out;
  }

  /**
   * Deletes the requester's drafts that `disposable` says are done with. One query on the requester's
   * own partition, for rows last saved (their `updatedAt` column, the draft's own clock) before the
   * window, first page only: on most starts it returns nothing, and never more than `limit` rows.
   * (Drafts saved by versions before the column are not found by it; they are never read again either.)
   */
  async prune(requesterId: string, disposable: (draft: IntakeDraft) => boolean, window: PruneWindow): Promise<number> {
    let deleted = 0;
    const limit = window.limit ?? PRUNE_LIMIT;
    try {
      const filter = odata`PartitionKey eq ${requesterId} and updatedAt lt ${window.idleBefore.toISOString()}`;
      const first = await this.table.listEntities<DataRow>({ queryOptions: { filter } }).byPage({ maxPageSize: limit }).next();
      const rows = first.done ? [] : first.value.slice(0, limit);
      for (const row of rows) {
        if (!disposable(readJson<IntakeDraft>(row, 'data'))) continue;
        try {
          await this.table.deleteEntity(row.partitionKey, row.rowKey, { etag: row.etag });
          deleted += 1;
        } catch (error) {
          // 412: it changed since we read it (in use again); 404: someone else pruned it.
          if (!isStatus(error, 'changed', 'gone')) throw error;
        }
      }
    } catch (error) {
      throw unavailable('prune intakes', error);
    }
    return deleted;
  }

  /** The draft's JSON, and when it was last saved as a column of its own, for the prune's filter. */
  private row(draft: IntakeDraft): DataRow & { updatedAt: string } {
    return {
      partitionKey: draft.requester.aadObjectId,
      rowKey: draft.id,
      ...jsonProperties('data', draft, `intake ${draft.id}`),
      updatedAt: draft.updatedAt,
    };
  }
}
