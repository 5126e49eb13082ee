/**
 * Registering the help desk and dedicated team channels: only bot admins (ADMIN_IDS) may; the
 * channel's conversation reference is stored so the outbox can post there; registering again moves
 * the queue to the new channel.
 */
import type { PersonRef } from '../../domain/history';
import type { Clock } from '../../domain/ports/clock';
import type { ChannelRegistration, ChannelRegistry, ChannelRole } from '../../domain/ports/channels';

export interface ChannelPlace {
  readonly teamId?: string;
  readonly channelId?: string;
  readonly channelName?: string;
  readonly conversationReference: Readonly<Record<string, unknown>>;
}

export type RegistrationResult =
  | { readonly kind: 'registered'; readonly role: ChannelRole; readonly moved: boolean; readonly registration: ChannelRegistration }
  | { readonly kind: 'refused'; readonly reason: string };

export const ROLE_LABELS: Readonly<Record<ChannelRole, string>> = { 'help-desk': 'help desk', 'dedicated-team': 'Power Platform team' };

export class ChannelService {
  constructor(
    private readonly deps: { readonly registry: ChannelRegistry; readonly adminIds: ReadonlySet<string>; readonly clock: Clock },
  ) {}

  async register(actor: PersonRef, role: ChannelRole, place: ChannelPlace): Promise<RegistrationResult> {
    if (!this.deps.adminIds.has(actor.aadObjectId.toLowerCase())) {
      return { kind: 'refused', reason: `Only bot admins can register the ${ROLE_LABELS[role]} channel, and you're not one. Ask your Teams admin to add your id to ADMIN_IDS, or to register it.` };
    }
    if (!place.teamId || !place.channelId) {
      return { kind: 'refused', reason: `Register the ${ROLE_LABELS[role]} in a team channel: mention me there with "register ${role === 'help-desk' ? 'help desk' : 'dedicated team'}".` };
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
    };
    await this.deps.registry.saveChannel(registration);
    return { kind: 'registered', role, moved: previous !== undefined && previous.channelId !== place.channelId, registration };
  }
}
