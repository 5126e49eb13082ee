import type { TurnContext } from 'botbuilder';

/**
 * A 1:1 chat between the bot and the sender. Personal data (someone's requests, the outbox's
 * recipients) is shown only there: in a channel or group chat everyone present would see it.
 */
export function isPersonalChat(context: TurnContext): boolean {
  return context.activity.conversation?.conversationType === 'personal';
}
