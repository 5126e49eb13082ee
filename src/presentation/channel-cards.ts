/** The card an admin gets when a channel becomes the help desk's or the Power Platform team's. */
import type { ChannelRegistration, ChannelRole } from '../domain/ports/channels';
import type { MessageKey } from '../domain/message-keys';
import { instant, text, type Text } from '../domain/text';
import type { CardRef } from './cards';

/** The name of each language the bot speaks, in the reader's language. */
const LANGUAGE_NAMES: Readonly<Record<string, MessageKey>> = {
  en: 'common.languages.en',
  fr: 'common.languages.fr',
  sv: 'common.languages.sv',
  ko: 'common.languages.ko',
};

const LABEL = {
  'help-desk': 'messages.channels.label.help-desk',
  'dedicated-team': 'messages.channels.label.dedicated-team',
  'global-admins': 'messages.channels.label.global-admins',
} as const satisfies Record<ChannelRole, MessageKey>;

const HERE = {
  'help-desk': 'messages.channels.helpDeskHere',
  'dedicated-team': 'messages.channels.dedicatedTeamHere',
  'global-admins': 'messages.channels.globalAdminsHere',
} as const satisfies Record<ChannelRole, MessageKey>;

/** A registered channel's role, in the reader's words (also the admin cards' name for a channel). */
export function roleLabel(role: ChannelRole): Text {
  return text(LABEL[role]);
}

export function channelRegisteredCard(registration: ChannelRegistration, moved: boolean): CardRef {
  const role: ChannelRole = registration.role;
  const name = registration.channelName;
  const label = roleLabel(role);
  return {
    card: 'channel-registered',
    data: {
      heading: name ? text('messages.channels.registeredNamed', { name, label }) : text('messages.channels.registered', { label }),
      message: text('messages.channels.withSettings', {
        message: moved ? text('messages.channels.moved', { label }) : text(HERE[role]),
        language: text(LANGUAGE_NAMES[registration.settings?.locale ?? 'en'] ?? 'common.languages.en'),
        timeZone: registration.settings?.timeZone ?? 'UTC',
      }),
      registeredBy: registration.registeredBy.displayName,
      registeredAt: instant(registration.registeredAt),
    },
  };
}
