import { TableClient } from '@azure/data-tables';
import type { ChannelDirectory, ChannelRegistration, ChannelRegistry, ChannelRole } from '../../domain/ports/channels';
import type { StoredConversationReference, UserConversations } from '../../domain/ports/conversations';
import type { HelpDeskQueueRegistry } from '../../domain/ports/help-desk-queues';
import { DEFAULT_HELP_DESK_QUEUE, MAX_QUEUE_ID_LENGTH, type HelpDeskQueueId, type QueueId } from '../../domain/queues/queue';
import { MAX_HELP_DESK_QUEUES } from '../../domain/queues/queue-selection';
import { jsonProperties, readJson, type DataRow } from '../stored-text';
import { deleteRow, getOrUndefined, listRange, translate } from '../table-calls';

const USERS = 'user';
const CHANNELS = 'channel';

/**
 * Where the bot can reach people and channels proactively: the 1:1 conversation reference of each
 * user (by Entra object id) once created or seen, and the registered help desk / dedicated team channels.
 */
export class TableConversationStore implements UserConversations, ChannelRegistry, ChannelDirectory, HelpDeskQueueRegistry {
  constructor(private readonly table: TableClient) {}

  async getUser(aadObjectId: string): Promise<StoredConversationReference | undefined> {
    return (await this.read<StoredConversationReference>(USERS, aadObjectId.toLowerCase()))?.value;
  }

  /** Last writer wins on purpose: every reference Teams gives us for a user is equally valid. */
  async saveUser(aadObjectId: string, reference: StoredConversationReference): Promise<void> {
    await this.upsert(USERS, aadObjectId.toLowerCase(), reference);
  }

  /** A role's channel, or a named help desk queue's: its row key is the queue id ("help-desk:finance"). */
  async getChannel(queue: ChannelRole | QueueId): Promise<ChannelRegistration | undefined> {
    return (await this.read<ChannelRegistration>(CHANNELS, queue))?.value;
  }

  /** Registers (or moves) a channel: registering again replaces the previous registration. */
  async saveChannel(registration: ChannelRegistration): Promise<void> {
    await this.upsert(CHANNELS, registration.queue ?? registration.role, registration);
  }

  /** The default help desk row and the named queues' rows: one range of the channels partition. */
  async listHelpDeskChannels(): Promise<readonly ChannelRegistration[]> {
    const rows = await listRange<DataRow>(
      this.table,
      { partitionKey: CHANNELS, prefix: DEFAULT_HELP_DESK_QUEUE, below: `${DEFAULT_HELP_DESK_QUEUE};`, limit: MAX_HELP_DESK_QUEUES + 1 },
      'list help desk channels',
    );
    return rows.filter((row) => row.rowKey.length <= MAX_QUEUE_ID_LENGTH).map((row) => readJson<ChannelRegistration>(row, 'data'));
  }

  async removeChannel(queue: HelpDeskQueueId): Promise<boolean> {
    return deleteRow(this.table, CHANNELS, queue, `delete ${CHANNELS}/${queue}`);
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
