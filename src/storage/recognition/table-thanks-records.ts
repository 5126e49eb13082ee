/**
 * The monthly thank-you cards sent: `thanks|{month}|{aad}` in the shard partition of the thanks id
 * (cases/case-partitions.ts), beside the outbox row of its DM, created together and only once: a
 * second instance (or a second run) meets the existing row and writes nothing. A month whose run
 * went through everyone is marked `done|{month}` in the Conversations table's `recognition`
 * partition, so later runs of the month cost one read.
 */
import { TableTransaction, type TableClient } from '@azure/data-tables';
import type { OutboxMessage } from '../../domain/outbox-message';
import type { ThanksRecords } from '../../domain/ports/recognition';
import type { Month } from '../../domain/recognition/recognition-month';
import type { Thanks } from '../../domain/recognition/thanks';
import { partitionOf } from '../cases/case-partitions';
import { pendingEntity } from '../outbox/pending-rows';
import { jsonProperties, type DataRow } from '../stored-text';
import { getOrUndefined, isStatus, translate } from '../table-calls';
import { encodeKey } from '../table-keys';
import { RECOGNITION_PARTITION } from './table-recognition-choices';

export const THANKS_ROW = {
  key: (month: Month, aadObjectId: string) => `thanks|${month}|${encodeKey(aadObjectId.toLowerCase())}`,
} as const;
const doneKey = (month: Month) => `done|${month}`;

export class TableThanksRecords implements ThanksRecords {
  constructor(
    private readonly cases: TableClient,
    private readonly conversations: TableClient,
  ) {}

  async record(thanks: Thanks, messages: readonly OutboxMessage[]): Promise<boolean> {
    const pk = partitionOf(thanks.id);
    const tx = new TableTransaction();
    const row: DataRow = { partitionKey: pk, rowKey: THANKS_ROW.key(thanks.month, thanks.aadObjectId), ...jsonProperties('data', thanks) };
    tx.createEntity(row);
    messages.forEach((m) => tx.createEntity(pendingEntity(pk, m)));
    try {
      await this.cases.submitTransaction(tx.actions);
      return true;
    } catch (error) {
      if (isStatus(error, 'exists')) return false;
      throw translate(error, `record thanks ${thanks.month}`);
    }
  }

  async monthDone(month: Month): Promise<boolean> {
    return (await getOrUndefined(this.conversations, RECOGNITION_PARTITION, doneKey(month), 'read recognition month')) !== undefined;
  }

  async markMonthDone(month: Month, at: Date): Promise<void> {
    try {
      await this.conversations.upsertEntity(
        { partitionKey: RECOGNITION_PARTITION, rowKey: doneKey(month), doneAt: at.toISOString() },
        'Replace',
      );
    } catch (error) {
      throw translate(error, `mark recognition month ${month}`);
    }
  }
}
