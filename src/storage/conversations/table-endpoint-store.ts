import { TableClient } from '@azure/data-tables';
import { StorageUnavailableError } from '../storage-errors';
import { describe, statusOf } from '../table-service';

/**
 * Where the bot reaches a tenant's Teams: the service URL and the bot's own account, as the last
 * incoming activity from that tenant carried them. Proactive messages to people who never talked to
 * the bot need both. Kept in the Conversations table, partition `endpoint`.
 */
export interface TenantEndpoint {
  readonly tenantId: string;
  readonly serviceUrl: string;
  readonly bot: { readonly id: string; readonly name?: string };
  readonly seenAt: string;
}

const PARTITION = 'endpoint';
/** The most recently seen endpoint, whatever the tenant (single-tenant deployments, local mode). */
const LATEST = 'latest';

export class TableEndpointStore {
  constructor(private readonly table: TableClient) {}

  async get(tenantId?: string): Promise<TenantEndpoint | undefined> {
    return this.read(tenantId ? tenantId.toLowerCase() : LATEST);
  }

  /** Last writer wins: every endpoint Teams sends is current. */
  async save(endpoint: TenantEndpoint): Promise<void> {
    const data = JSON.stringify({ ...endpoint, tenantId: endpoint.tenantId.toLowerCase() });
    try {
      await Promise.all([
        this.table.upsertEntity({ partitionKey: PARTITION, rowKey: endpoint.tenantId.toLowerCase(), data }, 'Replace'),
        this.table.upsertEntity({ partitionKey: PARTITION, rowKey: LATEST, data }, 'Replace'),
      ]);
    } catch (error) {
      throw new StorageUnavailableError(`save endpoint: ${describe(error)}`, error);
    }
  }

  private async read(rowKey: string): Promise<TenantEndpoint | undefined> {
    try {
      const row = await this.table.getEntity<{ data: string }>(PARTITION, rowKey);
      return JSON.parse(row.data) as TenantEndpoint;
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw new StorageUnavailableError(`read endpoint ${rowKey}: ${describe(error)}`, error);
    }
  }
}
