import { Application, TurnState } from '@microsoft/teams-ai';
import { z } from 'zod';
import type { HandlingAction } from '../../domain/notifications/request-handling';
import { activityRefOf } from '../activity-key';
import { actorOf, NO_IDENTITY_MESSAGE } from '../actor';
import { renderCard } from '../card-templates';
import type { UseCases } from '../use-cases';

/**
 * The maker's card and the co-owners' ping. Card data only names the request (and carries the
 * optional note); who may do what is decided by the service from storage and `from.aadObjectId`.
 */
const actionData = z.object({
  requestId: z.string().uuid(),
  note: z.string().max(4000).optional(),
});

/** By verb; a Map, so a verb such as "toString" never finds an object prototype's member. */
const VERBS = new Map<string, (note: string | undefined) => HandlingAction>([
  ['request.acknowledge', () => ({ type: 'acknowledge' })],
  ['request.claim', () => ({ type: 'claim' })],
  ['request.resolve', (note) => ({ type: 'resolve', note })],
  ['request.handToHelpDesk', (note) => ({ type: 'hand-to-help-desk', note })],
  ['request.notMine', (note) => ({ type: 'not-my-solution', note })],
  ['request.stuck', (note) => ({ type: 'stuck', note })],
]);

export function registerNotificationRoutes<TState extends TurnState>(app: Application<TState>, useCases: UseCases): void {
  app.adaptiveCards.actionExecute([...VERBS.keys()], async (context, _state, data) => {
    const actor = actorOf(context);
    if (!actor) return NO_IDENTITY_MESSAGE;
    const parsed = actionData.safeParse(data);
    if (!parsed.success) return 'This card is out of date or damaged.';
    const verb = (context.activity.value as { action?: { verb?: string } }).action?.verb ?? '';
    const toAction = VERBS.get(verb);
    if (!toAction) return 'I did not understand that button.';
    const view = await useCases.requestHandling.act(actor, parsed.data.requestId, toAction(parsed.data.note), activityRefOf(context));
    if (view.kind === 'not-found') return "I can't find this request any more.";
    if (view.kind === 'refused') return view.message;
    return renderCard(view.template, view.data);
  });
}
