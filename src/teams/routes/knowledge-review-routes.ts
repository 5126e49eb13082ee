import { Application, TurnState } from '@microsoft/teams-ai';
import { z } from 'zod';
import { ARTICLE_LIMITS } from '../../domain/knowledge/article-validation';
import { text } from '../../domain/text';
import { messageAnswer } from '../../presentation/answer';
import { actorOf, NO_IDENTITY_MESSAGE } from '../actor';
import { cardAction, sendAnswer } from '../card-action';
import { commandIs } from '../commands';
import { isPersonalChat } from '../conversation-scope';
import { createRosterCache, teamsRoster } from '../tickets/teams-roster';
import type { UseCases } from '../use-cases';

/**
 * Card data is untrusted: it names the ticket or the article and carries the form's two inputs, capped
 * here before anything reads them (the domain checks the exact limits and says them).
 */
const fromTicketData = z.object({
  ticketId: z.string().uuid(),
  articleTitle: z
    .string()
    .max(ARTICLE_LIMITS.title * 4)
    .optional(),
  articleAnswer: z
    .string()
    .max(ARTICLE_LIMITS.answer * 2)
    .optional(),
});
const articleData = z.object({
  articleId: z
    .string()
    .max(ARTICLE_LIMITS.id)
    .regex(/^[a-z0-9][a-z0-9-]*$/),
});

/**
 * The knowledge base's routes besides the questionnaire's (issue 16): "Publish as article" on the help
 * desk card, "Add to help desk knowledge" on the hand-off card, and the knowledge owners'
 * `knowledge review` (personal chat) with its Publish and Retire.
 */
export function registerKnowledgeReviewRoutes<TState extends TurnState>(app: Application<TState>, useCases: UseCases): void {
  // Read per turn: registering reads no use case (test/unit/cards/card-registry.test.ts).
  const knowledge = () => useCases.knowledge;
  const cache = createRosterCache();

  cardAction(app, {
    verbs: ['ticket.publish-article', 'handoff.add-to-knowledge'],
    data: fromTicketData,
    damaged: text('messages.tickets.damagedAgentCard'),
    handle: ({ verb, actor, data, context }) =>
      knowledge().fromTickets.publish(
        actor,
        data.ticketId,
        { title: data.articleTitle, answer: data.articleAnswer },
        teamsRoster(context, cache),
        verb === 'ticket.publish-article' ? 'help-desk' : 'dedicated-team',
      ),
  });

  cardAction(app, {
    verbs: ['kb.publish', 'kb.retire'],
    data: articleData,
    handle: ({ verb, actor, data }) => knowledge().review.decide(actor, data.articleId, verb === 'kb.publish' ? 'published' : 'retired'),
  });

  app.message(commandIs('knowledgeReview'), async (context) => {
    const actor = actorOf(context);
    if (!actor) return void (await sendAnswer(context, messageAnswer(NO_IDENTITY_MESSAGE)));
    if (!knowledge().review.canReview(actor.aadObjectId))
      return void (await sendAnswer(context, messageAnswer(text('kb-review.refused.notOwner'))));
    if (!isPersonalChat(context)) return void (await sendAnswer(context, messageAnswer(text('kb-review.refused.personalChatOnly'))));
    await sendAnswer(context, await knowledge().review.list(actor));
  });
}
