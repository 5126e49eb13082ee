import type { OutboxMessage } from '../../domain/outbox-message';
import type { SentRecord } from '../../domain/delivery/outbox-records';
import { DEFAULT_VIEWER, supportedLocale, timeZoneOf, type Viewer } from '../../i18n/locales';
import type { ProfileMemory } from '../../services/people/profile-memory';
import type { ChannelViewers } from '../channel-viewers';

/** What the sender reads to render a message for whoever receives it. */
export interface RecipientViewers {
  readonly profiles: Pick<ProfileMemory, 'profileOf'>;
  readonly channels: Pick<ChannelViewers, 'ofRole'>;
}

/**
 * Whose language and clock an outbox message is rendered in, at delivery: a DM in the recipient's
 * remembered ones (English / UTC for someone the bot never heard from), a channel post in the
 * channel's (set at registration), an update in those of the card it replaces.
 */
export async function recipientViewer(viewers: RecipientViewers, message: OutboxMessage, original?: SentRecord): Promise<Viewer> {
  const target = message.target.kind === 'update' ? original?.message.target : message.target;
  if (!target) return DEFAULT_VIEWER;
  switch (target.kind) {
    case 'user': {
      const profile = await viewers.profiles.profileOf(target.aadObjectId);
      return profile
        ? { locale: supportedLocale(profile.locale) ?? DEFAULT_VIEWER.locale, timeZone: timeZoneOf(profile.timeZone) }
        : DEFAULT_VIEWER;
    }
    case 'channel':
      return viewers.channels.ofRole(target.channel);
    // A solution's own channel: in the language the ping chose (its maker's, from the catalog); its clock is not known.
    case 'team-channel':
      return { locale: supportedLocale(target.locale) ?? DEFAULT_VIEWER.locale, timeZone: DEFAULT_VIEWER.timeZone };
    case 'update':
      return DEFAULT_VIEWER;
  }
}
