import { odata, TableClient } from '@azure/data-tables';
import type { IntakeDraft } from '../../domain/intake/intake-draft';
import type { IntakeRepository, StoredIntake } from '../../domain/ports/intake';
import { ConcurrencyConflictError, StorageUnavailableError } from '../../domain/ports/storage-errors';
import { jsonProperties, readJson, type TextProperties } from '../stored-text';
import { describe, statusOf } from '../table-service';

/** `data`: the draft's JSON as UTF-8 bytes (stored-text.ts); a string in rows written before. */
type IntakeRow = { partitionKey: string; rowKey: string } & TextProperties<'data'>;

/**
 * Questionnaires in progress. PartitionKey = the requester's Entra object id, RowKey = intake id:
 * a card action can only ever reach a draft in the caller's own partition.
 */
export class TableIntakeStore implements IntakeRepository {
  constructor(private readonly table: TableClient) {}

  async create(draft: IntakeDraft): Promise<StoredIntake> {
    try {
      const result = await this.table.createEntity<IntakeRow>(this.row(draft));
      return { draft, etag: result.etag ?? '' };
    } catch (error) {
      if (statusOf(error) === 409) throw new ConcurrencyConflictError(`intake ${draft.id}`);
      throw new StorageUnavailableError(`create intake: ${describe(error)}`, error);
    }
  }

  async get(requesterId: string, id: string): Promise<StoredIntake | undefined> {
    try {
      const row = await this.table.getEntity<IntakeRow>(requesterId, id);
      return { draft: readJson<IntakeDraft>(row, 'data'), etag: row.etag };
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw new StorageUnavailableError(`read intake: ${describe(error)}`, error);
    }
  }

  /** Saves a new version if nobody saved one since `etag`; ConcurrencyConflictError otherwise. */
  async update(stored: StoredIntake, draft: IntakeDraft): Promise<StoredIntake> {
    try {
      const result = await this.table.updateEntity<IntakeRow>(this.row(draft), 'Replace', { etag: stored.etag });
      return { draft, etag: result.etag ?? '' };
    } catch (error) {
      if (statusOf(error) === 412 || statusOf(error) === 404) throw new ConcurrencyConflictError(`intake ${draft.id}`);
      throw new StorageUnavailableError(`save intake: ${describe(error)}`, error);
    }
  }

  /**
   * Deletes the requester's drafts that `disposable` says are done with. One query on the
   * requester's own partition: drafts never pile up, and no table scan is needed to clean them.
   */
  async prune(requesterId: string, disposable: (draft: IntakeDraft) => boolean): Promise<number> {
    let deleted = 0;
    try {
      const rows = this.table.listEntities<IntakeRow>({ queryOptions: { filter: odata`PartitionKey eq ${requesterId}` } });
      for await (const row of rows) {
        if (!disposable(readJson<IntakeDraft>(row, 'data'))) continue;
        try {
          await this.table.deleteEntity(row.partitionKey, row.rowKey, { etag: row.etag });
          deleted += 1;
        } catch (error) {
          // 412: it changed since we read it (in use again); 404: someone else pruned it.
          if (statusOf(error) !== 412 && statusOf(error) !== 404) throw error;
        }
      }
    } catch (error) {
      throw new StorageUnavailableError(`prune intakes: ${describe(error)}`, error);
    }
    return deleted;
  }

  private row(draft: IntakeDraft): IntakeRow {
    return { partitionKey: draft.requester.aadObjectId, rowKey: draft.id, ...jsonProperties('data', draft, `intake ${draft.id}`) };
  }
}
