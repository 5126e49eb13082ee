/**
 * The help desk's notice that the dedicated team added a ticket's resolution to the knowledge base
 * (case-partitions.ts): `kbnote|{ticketId}` in the ticket's shard partition, beside the outbox row of
 * the notice, created together and only once. The article is in another table, so the two cannot share
 * a transaction: a second press (or a redelivery after a crash between the two) meets this row and
 * writes nothing, or writes the notice that was missing.
 */
import { TableTransaction, type TableClient } from '@azure/data-tables';
import type { OutboxMessage } from '../../domain/outbox-message';
import type { KnowledgeNotices } from '../../domain/ports/knowledge-review';
import { partitionOf } from '../cases/case-partitions';
import { pendingEntity } from '../outbox/pending-rows';
import { isStatus, translate } from '../table-calls';

export const KNOWLEDGE_NOTICE_ROW = (ticketId: string) => `kbnote|${ticketId}`;

export class TableKnowledgeNotices implements KnowledgeNotices {
  constructor(private readonly table: TableClient) {}

  async record(ticketId: string, message: OutboxMessage): Promise<boolean> {
    const pk = partitionOf(ticketId);
    const tx = new TableTransaction();
    tx.createEntity({ partitionKey: pk, rowKey: KNOWLEDGE_NOTICE_ROW(ticketId), messageId: message.id, at: message.createdAt });
    tx.createEntity(pendingEntity(pk, message));
    try {
      await this.table.submitTransaction(tx.actions);
      return true;
    } catch (error) {
      if (isStatus(error, 'exists')) return false;
      throw translate(error, `record the knowledge notice of ticket ${ticketId}`);
    }
  }
}
