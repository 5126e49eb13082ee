/** The card an admin gets when a channel becomes the help desk's or the Power Platform team's. */
import type { ChannelRegistration, ChannelRole } from '../domain/ports/channels';
import { instant, text } from '../domain/text';
import type { CardRef } from './cards';

export function channelRegisteredCard(registration: ChannelRegistration, moved: boolean): CardRef {
  const role: ChannelRole = registration.role;
  const name = registration.channelName;
  const label = text(role === 'help-desk' ? 'messages.channels.label.help-desk' : 'messages.channels.label.dedicated-team');
  return {
    card: 'channel-registered',
    data: {
      heading: name ? text('messages.channels.registeredNamed', { name, label }) : text('messages.channels.registered', { label }),
      message: moved
        ? text('messages.channels.moved', { label })
        : text(role === 'help-desk' ? 'messages.channels.helpDeskHere' : 'messages.channels.dedicatedTeamHere'),
      registeredBy: registration.registeredBy.displayName,
      registeredAt: instant(registration.registeredAt),
    },
  };
}
