import { Application, TurnState } from '@microsoft/teams-ai';
import { ActivityTypes } from 'botbuilder';

const PERSONAL_HINT =
  "I didn't catch that. Say **new request** to get help with an app, flow or chatbot, **my requests** to see yours, " +
  '**my solutions** if you are a maker, or **help** to see everything I can do.';
export const CHANNEL_HINT =
  "I didn't catch that. In a channel I understand **open tickets**, **unassigned**, **mine**, **ticket HD-42**, " +
  'and for admins **register help desk** or **register dedicated team**.';

/**
 * Registered last: a message no other route understood still gets an answer, so nothing a person
 * writes is dropped silently.
 */
export function registerFallbackRoutes<TState extends TurnState>(app: Application<TState>): void {
  app.activity(ActivityTypes.Message, async (context) => {
    const type = context.activity.conversation?.conversationType;
    await context.sendActivity(type === 'channel' || type === 'groupChat' ? CHANNEL_HINT : PERSONAL_HINT);
  });
}
