import { Application, TurnState } from '@microsoft/teams-ai';
import { ActivityTypes } from 'botbuilder';
import { messageAnswer } from '../../presentation/answer';
import { HINTS } from '../../presentation/welcome-cards';
import { sendAnswer } from '../card-action';
import { isPersonalChat } from '../conversation-scope';
import type { UseCases } from '../use-cases';
import { startFromWhatTheyWrote } from './conversation-routes';

/**
 * Registered last: a message no other route understood still gets an answer, so nothing a person
 * writes is dropped silently. In a 1:1 chat it is the start of a request (conversation-routes.ts).
 */
export function registerFallbackRoutes<TState extends TurnState>(app: Application<TState>, useCases: UseCases): void {
  app.activity(ActivityTypes.Message, async (context) => {
    if (isPersonalChat(context)) return startFromWhatTheyWrote(context, useCases);
    const type = context.activity.conversation?.conversationType;
    await sendAnswer(context, messageAnswer(type === 'channel' || type === 'groupChat' ? HINTS.channel : HINTS.personal));
  });
}
