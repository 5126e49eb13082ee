import { Application, TurnState } from '@microsoft/teams-ai';
import { TurnContext } from 'botbuilder';
import { cardAttachment, renderCard } from '../card-templates';

/** Words that start the conversation in personal chat. */
const GREETING = /^\s*(hi|hello|hey|help|start|bonjour|salut|hej|안녕하세요)\b[\s!.]*$/i;

/** What the bot can do, shown when the user expands the welcome card. */
const CAPABILITIES = [
  { command: 'new request', description: 'Get help with an app, flow or chatbot, or ask the help desk a question.' },
  { command: 'my requests', description: 'See the requests you submitted and who has them now.' },
  { command: 'my solutions', description: 'For makers: the solutions you made or co-own, and how each is supported.' },
  { command: 'help', description: 'Show this card again.' },
];

function welcomeData(context: TurnContext, expanded: boolean): object {
  const name = context.activity.from?.name?.trim() ?? '';
  return { firstName: name.split(/\s+/)[0] || 'there', expanded, capabilities: CAPABILITIES };
}

/** The welcome card: on install in personal chat, on a greeting, and its "What can you do?" refresh. */
export function registerWelcomeRoutes<TState extends TurnState>(app: Application<TState>): void {
  app.conversationUpdate('membersAdded', async (context) => {
    const botId = context.activity.recipient?.id;
    const botWasAdded = (context.activity.membersAdded ?? []).some((member) => member.id === botId);
    if (botWasAdded && context.activity.conversation?.conversationType === 'personal') {
      await context.sendActivity({ attachments: [cardAttachment('welcome', welcomeData(context, false))] });
    }
  });

  app.message(GREETING, async (context) => {
    await context.sendActivity({ attachments: [cardAttachment('welcome', welcomeData(context, false))] });
  });

  app.adaptiveCards.actionExecute('welcome.more', async (context) => renderCard('welcome', welcomeData(context, true)));
}
