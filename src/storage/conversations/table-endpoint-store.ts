import { TableClient } from '@azure/data-tables';
import type { EndpointDirectory, EndpointMemory, PersonEndpoint, TenantEndpoint } from '../../domain/ports/endpoints';
import { encodeKey } from '../table-keys';
import { getOrUndefined, unavailable } from '../table-calls';

const PARTITION = 'endpoint';
const PEOPLE = 'endpoint-person';
/** The most recently seen endpoint, whatever the tenant (single-tenant deployments, local mode). */
const LATEST = 'latest';

/**
 * Where the bot reaches each tenant's Teams and each person (see the port): kept in the Conversations
 * table, partitions `endpoint` (per tenant, and the latest of any) and `endpoint-person`.
 */
export class TableEndpointStore implements EndpointDirectory, EndpointMemory {
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
      throw unavailable(`save endpoint ${partitionKey}/${rowKey}`, error);
    }
  }

  private read<T>(partitionKey: string, rowKey: string): Promise<T | undefined> {
    return getOrUndefined(
      this.table,
      partitionKey,
      rowKey,
      `read endpoint ${partitionKey}/${rowKey}`,
      (row: { data: string }) => JSON.parse(row.data) as T,
    );
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
