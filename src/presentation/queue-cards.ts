/** The card an admin gets when a channel becomes a named help desk queue (channel-registered.json). */
import type { MessageKey } from '../domain/message-keys';
import type { ChannelRegistration } from '../domain/ports/channels';
import { instant, text, type Text } from '../domain/text';
import type { CardRef } from './cards';

const LANGUAGE_NAMES: Readonly<Record<string, MessageKey>> = {
  en: 'common.languages.en',
  fr: 'common.languages.fr',
  sv: 'common.languages.sv',
  ko: 'common.languages.ko',
};

/** "business unit “Finance”", "requests of the categories access, solution-problem", or both. */
export function scopeWords(scope: ChannelRegistration['scope']): Text {
  const businessUnit = scope?.businessUnits[0];
  const categories = (scope?.categories ?? []).join(', ');
  if (businessUnit !== undefined && categories !== '') return text('queues.scope.both', { businessUnit, categories });
  return businessUnit !== undefined ? text('queues.scope.businessUnit', { businessUnit }) : text('queues.scope.categories', { categories });
}

export function queueRegisteredCard(registration: ChannelRegistration, moved: boolean): CardRef {
  return {
    card: 'channel-registered',
    data: {
      heading: text('queues.register.heading', { scope: scopeWords(registration.scope) }),
      message: text('messages.channels.withSettings', {
        message: text(moved ? 'queues.register.moved' : 'queues.register.here'),
        language: text(LANGUAGE_NAMES[registration.settings?.locale ?? 'en'] ?? 'common.languages.en'),
        timeZone: registration.settings?.timeZone ?? 'UTC',
      }),
      registeredBy: registration.registeredBy.displayName,
      registeredAt: instant(registration.registeredAt),
    },
  };
}
