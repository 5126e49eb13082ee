/**
 * Under-supported notices (case-partitions.ts): `under|{period}|{solutionId}` in the shard partition
 * of the notice's id, beside the outbox row of its DM, created together and only once: a second
 * instance (or a second run) meets the existing row and writes nothing. The admins' list is one
 * prefix range per shard, never a scan.
 */
import { TableTransaction, type TableClient } from '@azure/data-tables';
import type { UnderSupportedNotice } from '../../domain/governance/under-supported';
import type { OutboxMessage } from '../../domain/outbox-message';
import type { UnderSupportedNotices } from '../../domain/ports/under-supported-notices';
import { ALL_PARTITIONS, partitionOf } from '../cases/case-partitions';
import { pendingEntity } from '../outbox/pending-rows';
import { jsonProperties, readJson, type DataRow } from '../stored-text';
import { isStatus, listRange, translate } from '../table-calls';
import { encodeKey } from '../table-keys';

export const NOTICE_ROW = {
  prefix: (period: string) => `under|${period}|`,
  key: (period: string, solutionId: string) => `under|${period}|${encodeKey(solutionId)}`,
} as const;

export class TableUnderSupportedNotices implements UnderSupportedNotices {
  constructor(private readonly table: TableClient) {}

  async record(notice: UnderSupportedNotice, messages: readonly OutboxMessage[]): Promise<boolean> {
    const pk = partitionOf(notice.id);
    const tx = new TableTransaction();
    const row: DataRow = { partitionKey: pk, rowKey: NOTICE_ROW.key(notice.period, notice.solutionId), ...jsonProperties('data', notice) };
    tx.createEntity(row);
    messages.forEach((m) => tx.createEntity(pendingEntity(pk, m)));
    try {
      await this.table.submitTransaction(tx.actions);
      return true;
    } catch (error) {
      if (isStatus(error, 'exists')) return false;
      throw translate(error, `record under-supported notice ${notice.period}`);
    }
  }

  async list(period: string, limit: number): Promise<UnderSupportedNotice[]> {
    const rows = await Promise.all(
      ALL_PARTITIONS.map((pk) =>
        listRange<DataRow>(this.table, { partitionKey: pk, prefix: NOTICE_ROW.prefix(period), limit }, 'read under-supported notices'),
      ),
    );
    return rows
      .flat()
      .map((row) => readJson<UnderSupportedNotice>(row, 'data'))
      .sort((a, b) => a.solutionName.localeCompare(b.solutionName))
      .slice(0, limit);
  }
}
