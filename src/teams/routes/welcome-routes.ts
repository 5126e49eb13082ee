import { Application, TurnState } from '@microsoft/teams-ai';
import { TurnContext } from 'botbuilder';
import { cardAttachment, renderCard } from '../card-templates';

/** What the bot can do, shown when the user expands the welcome card. */
const CAPABILITIES = [
  { command: 'new request', description: 'Get help with an app, flow or chatbot, or ask the help desk a question.' },
  { command: 'my requests', description: 'See the requests you submitted and who has them now.' },
  { command: 'my solutions', description: 'For makers: the solutions you made or co-own, and how each is supported.' },
  { command: 'help', description: 'Show this card again.' },
];

export function firstNameOf(context: TurnContext): string {
  return (context.activity.from?.name?.trim() ?? '').split(/\s+/)[0] || 'there';
}

function welcomeData(context: TurnContext, expanded: boolean): object {
  return { firstName: firstNameOf(context), expanded, capabilities: CAPABILITIES };
}

/**
 * The welcome card on install in personal chat, and the "What can you do?" refresh (also offered on
 * the questionnaire's first card when a greeting started it: see intake-routes).
 */
export function registerWelcomeRoutes<TState extends TurnState>(app: Application<TState>): void {
  app.conversationUpdate('membersAdded', async (context) => {
    const botId = context.activity.recipient?.id;
    const botWasAdded = (context.activity.membersAdded ?? []).some((member) => member.id === botId);
    if (botWasAdded && context.activity.conversation?.conversationType === 'personal') {
      await context.sendActivity({ attachments: [cardAttachment('welcome', welcomeData(context, false))] });
    }
  });


  app.adaptiveCards.actionExecute('welcome.more', async (context) => renderCard('welcome', welcomeData(context, true)));
}
