/**
 * The named help desk queues an admin registers (storage/conversations/table-conversation-store.ts):
 * each is a channel registration with a queue id and a scope (business units, request categories).
 */
import type { HelpDeskQueueId } from '../queues/queue';
import type { ChannelRegistration } from './channels';

export interface HelpDeskQueueRegistry {
  /** Every registered help desk channel, the default one included (bounded: MAX_HELP_DESK_QUEUES). */
  listHelpDeskChannels(): Promise<readonly ChannelRegistration[]>;
  /** Removes a named queue's registration; false when none was registered. */
  removeChannel(queue: HelpDeskQueueId): Promise<boolean>;
}
