import { Application, TurnState } from '@microsoft/teams-ai';
import { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { cardAnswer } from '../../presentation/answer';
import { welcomeCard } from '../../presentation/welcome-cards';
import { cardAction, sendAnswer } from '../card-action';

export function firstNameOf(context: TurnContext): string {
  return (context.activity.from?.name?.trim() ?? '').split(/\s+/)[0] ?? '';
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
      await sendAnswer(context, cardAnswer(welcomeCard(firstNameOf(context), false)));
    }
  });

  cardAction(app, {
    verbs: ['welcome.more'],
    data: z.unknown(),
    handle: async ({ context }) => cardAnswer(welcomeCard(firstNameOf(context), true)),
  });
}
