import { TableClient } from '@azure/data-tables';
import type { SubmissionRecord } from '../../domain/intake/submission-limit';
import type { SubmissionLogStore } from '../../domain/ports/submission-log';
import { getOrUndefined, translate } from '../table-calls';

interface LogRow {
  partitionKey: string;
  rowKey: string;
  data: string;
}

const ROW = 'recent';

/**
 * Each person's recent submissions (for the per-person limit): one small row in the person's own
 * partition (PartitionKey = Entra object id), written with its ETag. The service keeps it bounded
 * to the limit (at most a few hundred short entries, well under one property's 64 KiB).
 */
export class TableSubmissionLog implements SubmissionLogStore {
  constructor(private readonly table: TableClient) {}

  async read(requesterId: string): Promise<{ records: SubmissionRecord[]; etag: string } | undefined> {
    return getOrUndefined(this.table, requesterId, ROW, 'read submissions', (row: LogRow & { etag: string }) => ({
      records: JSON.parse(row.data) as SubmissionRecord[],
      etag: row.etag,
    }));
  }

  async write(requesterId: string, records: readonly SubmissionRecord[], etag: string | undefined): Promise<void> {
    const row: LogRow = { partitionKey: requesterId, rowKey: ROW, data: JSON.stringify(records) };
    try {
      if (etag === undefined) await this.table.createEntity(row);
      else await this.table.updateEntity(row, 'Replace', { etag });
    } catch (error) {
      throw translate(error, 'save submissions', { on: ['exists', 'changed', 'gone'], key: `submissions of ${requesterId}` });
    }
  }
}
