import { Application, TurnState } from '@microsoft/teams-ai';
import { z } from 'zod';
import type { HandlingAction } from '../../domain/notifications/request-handling';
import { text } from '../../domain/text';
import type { Verb } from '../../presentation/cards';
import { cardAction } from '../card-action';
import type { UseCases } from '../use-cases';

/**
 * The maker's card and the co-owners' ping. Card data only names the request (and carries the
 * optional note); who may do what is decided by the service from storage and `from.aadObjectId`.
 */
const data = z.object({ requestId: z.string().uuid(), note: z.string().max(4000).optional() });

/** By verb; a Map, so a verb such as "toString" never finds an object prototype's member. */
const ACTIONS = new Map<Verb, (note: string | undefined) => HandlingAction>([
  ['request.acknowledge', () => ({ type: 'acknowledge' })],
  ['request.claim', () => ({ type: 'claim' })],
  ['request.resolve', (note) => ({ type: 'resolve', note })],
  ['request.handToHelpDesk', (note) => ({ type: 'hand-to-help-desk', note })],
  ['request.notMine', (note) => ({ type: 'not-my-solution', note })],
  ['request.stuck', (note) => ({ type: 'stuck', note })],
]);

export function registerNotificationRoutes<TState extends TurnState>(app: Application<TState>, useCases: UseCases): void {
  cardAction(app, {
    verbs: [...ACTIONS.keys()],
    data,
    damaged: text('messages.common.damagedCard'),
    handle: ({ verb, actor, data: d, activity }) => useCases.requestHandling.act(actor, d.requestId, ACTIONS.get(verb)!(d.note), activity),
  });
}
