import { Application, TurnState } from '@microsoft/teams-ai';
import { ActivityTypes } from 'botbuilder';
import { messageAnswer } from '../../presentation/answer';
import { HINTS } from '../../presentation/welcome-cards';
import { sendAnswer } from '../card-action';

/**
 * Registered last: a message no other route understood still gets an answer, so nothing a person
 * writes is dropped silently.
 */
export function registerFallbackRoutes<TState extends TurnState>(app: Application<TState>): void {
  app.activity(ActivityTypes.Message, async (context) => {
    const type = context.activity.conversation?.conversationType;
    await sendAnswer(context, messageAnswer(type === 'channel' || type === 'groupChat' ? HINTS.channel : HINTS.personal));
  });
}
