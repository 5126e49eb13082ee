/** The channels an admin registers, and where they are (storage/conversations/table-conversation-store.ts). */
import type { PersonRef } from '../history';
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
}

export interface ChannelDirectory {
  getChannel(role: ChannelRole): Promise<ChannelInfo | undefined>;
}

export interface ChannelRegistry {
  getChannel(role: ChannelRole): Promise<ChannelRegistration | undefined>;
  /** Registers (or moves) a channel: registering again replaces the previous registration. */
  saveChannel(registration: ChannelRegistration): Promise<void>;
}
