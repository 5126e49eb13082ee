import { Application, TurnState } from '@microsoft/teams-ai';
import { TurnContext } from 'botbuilder';
import { cardAnswer, messageAnswer, type Answer } from '../../presentation/answer';
import { intakeCard } from '../../presentation/intake-cards';
import { conversationAnswers } from '../../presentation/conversation-cards';
import { HINTS } from '../../presentation/welcome-cards';
import { activityRefOf } from '../activity-key';
import { actorOf, NO_IDENTITY_MESSAGE } from '../actor';
import { sendAnswer } from '../card-action';
import { writtenText } from '../command-text';
import { commandIs, commandMatch } from '../commands';
import { isPersonalChat } from '../conversation-scope';
import type { UseCases } from '../use-cases';

/** "help with <solution id>", in any language: what a maker's "Get help" link writes in the bot's chat. */
const HELP_WITH = commandIs('helpWith', (context, match) => isPersonalChat(context) && (match.argument ?? '') !== '');

async function sendAll(context: TurnContext, answers: readonly Answer[]): Promise<void> {
  for (const answer of answers) await sendAnswer(context, answer);
}

/** The "Get help" link's message: a questionnaire about that solution, already chosen. */
export function registerConversationRoutes<TState extends TurnState>(app: Application<TState>, useCases: UseCases): void {
  app.message(HELP_WITH, async (context) => {
    const actor = actorOf(context);
    if (!actor) return void (await sendAnswer(context, messageAnswer(NO_IDENTITY_MESSAGE)));
    const id = commandMatch(context, 'helpWith')?.argument ?? '';
    const view = await useCases.conversation.helpWith(actor, id, activityRefOf(context));
    if (view === undefined) return startFromWhatTheyWrote(context, useCases);
    await sendAnswer(context, cardAnswer(intakeCard(view)));
  });
}

/**
 * A 1:1 message no route understood: what the person wrote starts the questionnaire (or resumes the
 * open one). A message without words (an image, a reaction) gets the hint. Called by the fallback route.
 */
export async function startFromWhatTheyWrote(context: TurnContext, useCases: UseCases): Promise<void> {
  const written = (writtenText(context) ?? context.activity.text ?? '').trim();
  if (written === '') return void (await sendAnswer(context, messageAnswer(HINTS.personal)));
  const actor = actorOf(context);
  if (!actor) return void (await sendAnswer(context, messageAnswer(NO_IDENTITY_MESSAGE)));
  await sendAll(context, conversationAnswers(await useCases.conversation.fromMessage(actor, written, activityRefOf(context))));
}
