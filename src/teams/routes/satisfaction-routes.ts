import { Application, TurnState } from '@microsoft/teams-ai';
import { z } from 'zod';
import { SATISFACTION_RATINGS } from '../../domain/ports/satisfaction';
import { cardAction } from '../card-action';
import type { UseCases } from '../use-cases';

const answerData = z.object({ requestId: z.string().min(1).max(100), rating: z.enum(SATISFACTION_RATINGS) });

/** The requester's one tap on "Did that solve your problem?" (the service checks it is theirs, from storage). */
export function registerSatisfactionRoutes<TState extends TurnState>(app: Application<TState>, useCases: UseCases): void {
  cardAction(app, {
    verbs: ['satisfaction.answer'],
    data: answerData,
    handle: ({ actor, data, activity }) => useCases.satisfaction.answer(actor, data.requestId, data.rating, activity),
  });
}
