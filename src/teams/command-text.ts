import { ActivityTypes, Middleware, TurnContext } from 'botbuilder';

/**
 * The longest message read as a command. The longest commands are a solution lookup ("how is …
 * supported?") with a name of up to 200 characters; anything longer is free text (a description
 * belongs in the questionnaire's card), so no route pattern ever sees it.
 */
export const MAX_COMMAND_LENGTH = 500;

/** What a person who wrote more than a command is told (one place, for the locale resources). */
export const COMMAND_TEXT_MESSAGES = {
  personal:
    "That's longer than any command I understand, so I haven't read it. To tell me about a problem, say **new request**: " +
    'the questionnaire has room for all the details. Say **help** to see everything I can do.',
  shared:
    "That's longer than any command I understand, so I haven't read it. Mention me with a short command such as " +
    '**open tickets**, **unassigned**, **mine** or **ticket HD-42**.',
} as const;

interface Log {
  info(details: object, message: string): void;
}

/** One space between words, none at either end: route patterns then need no whitespace quantifiers. */
export function normaliseCommandText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Prepares a message's text for the route table: removes the bot's @mention (as the SDK would do
 * later), normalises whitespace, and answers a text longer than any command itself, without
 * routing it. Every route pattern therefore sees at most MAX_COMMAND_LENGTH characters with single
 * spaces, which keeps even a badly written pattern's worst case small.
 */
export function commandText(log: Log): Middleware {
  return {
    async onTurn(context, next) {
      const activity = context.activity;
      if (activity.type !== ActivityTypes.Message || typeof activity.text !== 'string') return next();
      const text = normaliseCommandText(TurnContext.removeRecipientMention(activity) ?? '');
      if (text.length > MAX_COMMAND_LENGTH) {
        log.info({ activityId: activity.id, conversationId: activity.conversation?.id, length: text.length }, 'message longer than any command: answered without routing');
        const type = activity.conversation?.conversationType;
        await context.sendActivity(type === 'channel' || type === 'groupChat' ? COMMAND_TEXT_MESSAGES.shared : COMMAND_TEXT_MESSAGES.personal);
        return;
      }
      activity.text = text;
      return next();
    },
  };
}
