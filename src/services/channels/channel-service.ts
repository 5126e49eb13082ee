/**
 * Registering the help desk and dedicated team channels: only bot admins (ADMIN_IDS) may; the
 * channel's conversation reference is stored so the outbox can post there; registering again moves
 * the queue to the new channel.
 */
import type { PersonRef } from '../../domain/history';
import type { Clock } from '../../domain/ports/clock';
import type { ChannelRegistration, ChannelRegistry, ChannelRole, ChannelSettings } from '../../domain/ports/channels';
import type { MessageKey } from '../../domain/message-keys';
import { text, type Text } from '../../domain/text';

export interface ChannelPlace {
  readonly teamId?: string;
  readonly channelId?: string;
  readonly channelName?: string;
  readonly conversationReference: Readonly<Record<string, unknown>>;
}

export type RegistrationResult =
  | { readonly kind: 'registered'; readonly role: ChannelRole; readonly moved: boolean; readonly registration: ChannelRegistration }
  | { readonly kind: 'refused'; readonly reason: Text };

export const DEFAULT_CHANNEL_SETTINGS: ChannelSettings = { locale: 'en', timeZone: 'UTC' };

const ADMINS_ONLY = {
  'help-desk': 'messages.channels.adminsOnly.help-desk',
  'dedicated-team': 'messages.channels.adminsOnly.dedicated-team',
  'global-admins': 'messages.channels.adminsOnly.global-admins',
} as const satisfies Record<ChannelRole, MessageKey>;

const IN_CHANNEL = {
  'help-desk': 'messages.channels.inChannel.help-desk',
  'dedicated-team': 'messages.channels.inChannel.dedicated-team',
  'global-admins': 'messages.channels.inChannel.global-admins',
} as const satisfies Record<ChannelRole, MessageKey>;

export class ChannelService {
  constructor(
    private readonly deps: { readonly registry: ChannelRegistry; readonly adminIds: ReadonlySet<string>; readonly clock: Clock },
  ) {}

  /** `settings`: the language and time zone of the channel's cards (default en / UTC, checked by the caller). */
  async register(
    actor: PersonRef,
    role: ChannelRole,
    place: ChannelPlace,
    settings: ChannelSettings = DEFAULT_CHANNEL_SETTINGS,
  ): Promise<RegistrationResult> {
    if (!this.deps.adminIds.has(actor.aadObjectId.toLowerCase())) {
      return { kind: 'refused', reason: text(ADMINS_ONLY[role]) };
    }
    if (!place.teamId || !place.channelId) {
      return { kind: 'refused', reason: text(IN_CHANNEL[role]) };
    }
    const previous = await this.deps.registry.getChannel(role);
    const registration: ChannelRegistration = {
      role,
      conversationReference: place.conversationReference,
      teamId: place.teamId,
      channelId: place.channelId,
      channelName: place.channelName,
      registeredBy: actor,
      registeredAt: this.deps.clock.now().toISOString(),
      settings,
    };
    await this.deps.registry.saveChannel(registration);
    return { kind: 'registered', role, moved: previous !== undefined && previous.channelId !== place.channelId, registration };
  }
}
