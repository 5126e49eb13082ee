import { TableClient } from '@azure/data-tables';
import type { ChannelDirectory, ChannelRegistration, ChannelRegistry, ChannelRole } from '../../domain/ports/channels';
import type { StoredConversationReference, UserConversations } from '../../domain/ports/conversations';
import { jsonProperties, readJson, type DataRow } from '../stored-text';
import { getOrUndefined, translate } from '../table-calls';

const USERS = 'user';
const CHANNELS = 'channel';

/**
 * Where the bot can reach people and channels proactively: the 1:1 conversation reference of each
 * user (by Entra object id) once created or seen, and the registered help desk / dedicated team channels.
 */
export class TableConversationStore implements UserConversations, ChannelRegistry, ChannelDirectory {
  constructor(private readonly table: TableClient) {}

  async getUser(aadObjectId: string): Promise<StoredConversationReference | undefined> {
    return (await this.read<StoredConversationReference>(USERS, aadObjectId.toLowerCase()))?.value;
  }

  /** Last writer wins on purpose: every reference Teams gives us for a user is equally valid. */
  async saveUser(aadObjectId: string, reference: StoredConversationReference): Promise<void> {
    await this.upsert(USERS, aadObjectId.toLowerCase(), reference);
  }

  async getChannel(role: ChannelRole): Promise<ChannelRegistration | undefined> {
    return (await this.read<ChannelRegistration>(CHANNELS, role))?.value;
  }

  /** Registers (or moves) a channel: registering again replaces the previous registration. */
  async saveChannel(registration: ChannelRegistration): Promise<void> {
    await this.upsert(CHANNELS, registration.role, registration);
  }

  /** `data`: the JSON as UTF-8 bytes (stored-text.ts: names and channel names may be any script). */
  private read<T>(partitionKey: string, rowKey: string): Promise<{ value: T; etag: string } | undefined> {
    return getOrUndefined(this.table, partitionKey, rowKey, `read ${partitionKey}/${rowKey}`, (row: DataRow & { etag: string }) => ({
      value: readJson<T>(row, 'data'),
      etag: row.etag,
    }));
  }

  private async upsert(partitionKey: string, rowKey: string, value: unknown): Promise<void> {
    try {
      await this.table.upsertEntity<DataRow>({ partitionKey, rowKey, ...jsonProperties('data', value) }, 'Replace');
    } catch (error) {
      throw translate(error, `save ${partitionKey}/${rowKey}`, { on: ['changed'], key: `${partitionKey}/${rowKey}` });
    }
  }
}
