import { Application, TurnState } from '@microsoft/teams-ai';
import { z } from 'zod';
import { messageAnswer } from '../../presentation/answer';
import { actorOf, NO_IDENTITY_MESSAGE } from '../actor';
import { cardAction, sendAnswer } from '../card-action';
import { commandIs } from '../commands';
import type { UseCases } from '../use-cases';

/**
 * The makers' recognition: "stop thanks" / "start thanks" (in every language, locales/<lng>/recognition.json)
 * and the thank-you card's "Don't send me these". The choice is always the caller's own: the card
 * carries no data, and the person comes from the signed activity.
 */
const STOP = commandIs('stopThanks');
const START = commandIs('startThanks');

export function registerRecognitionRoutes<TState extends TurnState>(app: Application<TState>, useCases: UseCases): void {
  app.message(STOP, async (context) => {
    const actor = actorOf(context);
    await sendAnswer(context, actor ? await useCases.recognition.optOut(actor) : messageAnswer(NO_IDENTITY_MESSAGE));
  });

  app.message(START, async (context) => {
    const actor = actorOf(context);
    await sendAnswer(context, actor ? await useCases.recognition.optIn(actor) : messageAnswer(NO_IDENTITY_MESSAGE));
  });

  cardAction(app, {
    verbs: ['recognition.opt-out'],
    data: z.object({}),
    handle: ({ actor }) => useCases.recognition.optOut(actor),
  });
}
