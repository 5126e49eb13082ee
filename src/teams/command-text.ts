import { ActivityTypes, Middleware, TurnContext } from 'botbuilder';
import { text } from '../domain/text';
import { render } from './rendering';
import { viewerOf } from './viewer';

/**
 * The longest message read as a command. The longest commands are a solution lookup ("how is …
 * supported?") with a name of up to 200 characters; anything longer is free text (a description
 * belongs in the questionnaire's card), so no route pattern ever sees it.
 */
export const MAX_COMMAND_LENGTH = 500;

/** What a person who wrote more than a command is told (one place, for the locale resources). */
export const COMMAND_TEXT_MESSAGES = {
  personal: text('messages.commands.tooLongPersonal'),
  shared: text('messages.commands.tooLongShared'),
} as const;

interface Log {
  info(details: object, message: string): void;
}

/** Where the turn keeps what the person wrote, as written (line breaks kept): the questionnaire's description. */
const WRITTEN_TEXT = Symbol('writtenText');

/** The message as the person wrote it (the bot's @mention removed), before whitespace was normalised for routing. */
export function writtenText(context: TurnContext): string | undefined {
  const value: unknown = context.turnState.get(WRITTEN_TEXT);
  return typeof value === 'string' ? value : undefined;
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
      const written = TurnContext.removeRecipientMention(activity) ?? '';
      context.turnState.set(WRITTEN_TEXT, written);
      const text = normaliseCommandText(written);
      const type = activity.conversation?.conversationType;
      if (text.length > MAX_COMMAND_LENGTH && type === 'personal') {
        // In a 1:1 chat it is what someone wrote about a problem: no command pattern sees it, and the
        // fallback route starts the questionnaire from it (routes/conversation-routes.ts).
        log.info(
          { activityId: activity.id, conversationId: activity.conversation?.id, length: text.length },
          'long message read as free text',
        );
        activity.text = '';
        return next();
      }
      if (text.length > MAX_COMMAND_LENGTH) {
        log.info(
          { activityId: activity.id, conversationId: activity.conversation?.id, length: text.length },
          'message longer than any command: answered without routing',
        );
        await context.sendActivity(
          render(
            type === 'channel' || type === 'groupChat' ? COMMAND_TEXT_MESSAGES.shared : COMMAND_TEXT_MESSAGES.personal,
            viewerOf(context),
          ),
        );
        return;
      }
      activity.text = text;
      return next();
    },
  };
}
