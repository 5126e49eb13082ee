/** The channels an admin registers, and where they are (storage/conversations/table-conversation-store.ts). */
import type { PersonRef } from '../history';
import type { QueueId } from '../queues/queue';
import type { HelpDeskQueueScope } from '../queues/queue-selection';
import type { StoredConversationReference } from './conversations';

/** The queues' channels, and where the dedicated team escalates widespread issues to the global admins (issue 13). */
export type ChannelRole = 'help-desk' | 'dedicated-team' | 'global-admins';

/** A registered channel, as far as the ticket use cases care: which team's members work it. */
export interface ChannelInfo {
  readonly role: ChannelRole;
  readonly teamId: string;
  readonly channelId: string;
  readonly channelName?: string;
}

/** The language and time zone of the cards posted in a channel (set at registration; default en / UTC). */
export interface ChannelSettings {
  readonly locale: string;
  readonly timeZone: string;
}

export interface ChannelRegistration extends ChannelInfo {
  readonly conversationReference: StoredConversationReference;
  readonly registeredBy: PersonRef;
  readonly registeredAt: string;
  /** Absent on registrations made before channels had a language: en / UTC. */
  readonly settings?: ChannelSettings;
  /** A named help desk queue's id and what it is for (queues/queue-selection.ts); absent: the role's own queue. */
  readonly queue?: QueueId;
  readonly scope?: Pick<HelpDeskQueueScope, 'businessUnits' | 'categories'>;
}

export interface ChannelDirectory {
  /** A role's channel, or a named help desk queue's ("help-desk:finance"). */
  getChannel(queue: ChannelRole | QueueId): Promise<ChannelInfo | undefined>;
}

export interface ChannelRegistry {
  getChannel(queue: ChannelRole | QueueId): Promise<ChannelRegistration | undefined>;
  /** Registers (or moves) a channel: registering again replaces the previous registration. */
  saveChannel(registration: ChannelRegistration): Promise<void>;
}
