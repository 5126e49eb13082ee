import { TableClient } from '@azure/data-tables';
import { StorageUnavailableError } from '../storage-errors';
import { encodeKey } from '../table-keys';
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

/**
 * Where one person was last seen: the service URL (and bot account) of their own latest activity, in
 * any conversation. A DM to them is created there rather than at the tenant's latest endpoint, which
 * another person's activity may have set (in the local demo every person has their own playground).
 */
export interface PersonEndpoint {
  readonly aadObjectId: string;
  readonly serviceUrl: string;
  readonly bot: { readonly id: string; readonly name?: string };
  readonly tenantId?: string;
  readonly seenAt: string;
}

const PARTITION = 'endpoint';
const PEOPLE = 'endpoint-person';
/** The most recently seen endpoint, whatever the tenant (single-tenant deployments, local mode). */
const LATEST = 'latest';

export class TableEndpointStore {
  constructor(private readonly table: TableClient) {}

  async get(tenantId?: string): Promise<TenantEndpoint | undefined> {
    return this.read<TenantEndpoint>(PARTITION, tenantId ? tenantKey(tenantId) : LATEST);
  }

  /** Last writer wins: every endpoint Teams sends is current. */
  async save(endpoint: TenantEndpoint): Promise<void> {
    const data = JSON.stringify({ ...endpoint, tenantId: endpoint.tenantId.toLowerCase() });
    await Promise.all([this.upsert(PARTITION, tenantKey(endpoint.tenantId), data), this.upsert(PARTITION, LATEST, data)]);
  }

  async getPerson(aadObjectId: string): Promise<PersonEndpoint | undefined> {
    return this.read<PersonEndpoint>(PEOPLE, personKey(aadObjectId));
  }

  /** Last writer wins: the person's latest activity says where they are now. */
  async savePerson(endpoint: PersonEndpoint): Promise<void> {
    const aadObjectId = endpoint.aadObjectId.toLowerCase();
    await this.upsert(PEOPLE, personKey(aadObjectId), JSON.stringify({ ...endpoint, aadObjectId }));
  }

  private async upsert(partitionKey: string, rowKey: string, data: string): Promise<void> {
    try {
      await this.table.upsertEntity({ partitionKey, rowKey, data }, 'Replace');
    } catch (error) {
      throw new StorageUnavailableError(`save endpoint ${partitionKey}/${rowKey}: ${describe(error)}`, error);
    }
  }

  private async read<T>(partitionKey: string, rowKey: string): Promise<T | undefined> {
    try {
      const row = await this.table.getEntity<{ data: string }>(partitionKey, rowKey);
      return JSON.parse(row.data) as T;
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw new StorageUnavailableError(`read endpoint ${partitionKey}/${rowKey}: ${describe(error)}`, error);
    }
  }
}

/**
 * Tenant ids come from the activity, and in local mode any tenant is served: encoded, so one with
 * `/` or `#` is a valid key (a Teams tenant id, a GUID, is unchanged by the encoding).
 */
function tenantKey(tenantId: string): string {
  return encodeKey(tenantId.toLowerCase());
}

function personKey(aadObjectId: string): string {
  return encodeKey(aadObjectId.toLowerCase());
}
