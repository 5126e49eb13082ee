/**
 * Graduation requests (case-partitions.ts): `grad|{id}` in the shard partition of the request's id,
 * beside the outbox rows its changes cause, so a request and what it tells people are one
 * transaction. The request is stored as JSON in UTF-8 bytes (stored-text.ts): it carries what the
 * maker typed.
 */
import { TableTransaction, type TableClient } from '@azure/data-tables';
import type { GraduationRequest } from '../../domain/governance/graduation-request';
import type { GraduationStore, StoredGraduation } from '../../domain/ports/graduations';
import type { OutboxMessage } from '../../domain/outbox-message';
import { RequestExistsError } from '../../domain/ports/storage-errors';
import { partitionOf } from '../cases/case-partitions';
import { pendingEntity } from '../outbox/pending-rows';
import { jsonProperties, readJson, type DataRow } from '../stored-text';
import { getOrUndefined, isStatus, submit, translate } from '../table-calls';

export const GRADUATION_ROW = { key: (id: string) => `grad|${id}` } as const;

type GraduationRow = DataRow & { status: string; solutionId: string };

function entity(pk: string, request: GraduationRequest): GraduationRow {
  return {
    partitionKey: pk,
    rowKey: GRADUATION_ROW.key(request.id),
    ...jsonProperties('data', request, 'graduation request'),
    status: request.status,
    solutionId: request.solutionId,
  };
}

export class TableGraduationStore implements GraduationStore {
  constructor(private readonly table: TableClient) {}

  async create(request: GraduationRequest, messages: readonly OutboxMessage[]): Promise<void> {
    const pk = partitionOf(request.id);
    const tx = new TableTransaction();
    tx.createEntity(entity(pk, request));
    messages.forEach((m) => tx.createEntity(pendingEntity(pk, m)));
    try {
      await this.table.submitTransaction(tx.actions);
    } catch (error) {
      if (isStatus(error, 'exists')) throw new RequestExistsError(request.id);
      throw translate(error, `create graduation request ${request.id}`);
    }
  }

  async get(id: string): Promise<StoredGraduation | undefined> {
    return getOrUndefined<GraduationRow, StoredGraduation>(
      this.table,
      partitionOf(id),
      GRADUATION_ROW.key(id),
      'read a graduation request',
      (row) => ({ request: readJson<GraduationRequest>(row, 'data'), etag: row.etag }),
    );
  }

  async save(next: GraduationRequest, previous: StoredGraduation, messages: readonly OutboxMessage[]): Promise<void> {
    const pk = partitionOf(next.id);
    const tx = new TableTransaction();
    tx.updateEntity(entity(pk, next), 'Replace', { etag: previous.etag });
    messages.forEach((m) => tx.createEntity(pendingEntity(pk, m)));
    await submit(this.table, tx, `decide graduation request ${next.id}`, { on: ['changed', 'exists'], key: `graduation ${next.id}` });
  }
}
