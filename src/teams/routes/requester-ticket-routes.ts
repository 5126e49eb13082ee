import { Application, TurnState } from '@microsoft/teams-ai';
import { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { RequesterCommand } from '../../services/tickets/ticket-changes';
import { activityRefOf } from '../activity-key';
import { actorOf, NO_IDENTITY_MESSAGE } from '../actor';
import type { UseCases } from '../use-cases';
import { invokeAnswer } from '../tickets/ticket-views';

const data = z.object({ ticketId: z.string().uuid(), text: z.string().max(4000).optional() });
type Data = z.infer<typeof data>;

/** By verb; a Map, so a verb such as "toString" never finds an object prototype's member. */
const ACTIONS = new Map<string, (d: Data) => RequesterCommand | { type: 'show' }>([
  ['myticket.show', () => ({ type: 'show' })],
  ['myticket.answer', (d) => ({ type: 'answer', text: d.text })],
  ['myticket.details', (d) => ({ type: 'add-details', text: d.text })],
  ['myticket.withdraw', () => ({ type: 'withdraw' })],
  ['myticket.reopen', () => ({ type: 'reopen' })],
  ['myticket.confirm', () => ({ type: 'confirm' })],
]);

/** The requester's side of a ticket: the buttons on the DMs about their ticket. Only their own tickets. */
export function registerRequesterTicketRoutes<TState extends TurnState>(app: Application<TState>, useCases: UseCases): void {
  app.adaptiveCards.actionExecute([...ACTIONS.keys()], async (context: TurnContext, _state, value) => {
    const actor = actorOf(context);
    if (!actor) return NO_IDENTITY_MESSAGE;
    const parsed = data.safeParse(value);
    if (!parsed.success) return 'This card is out of date or damaged: say "my requests" to see your requests.';
    const verb = (context.activity.value as { action?: { verb?: string } } | undefined)?.action?.verb ?? '';
    const toCommand = ACTIONS.get(verb);
    if (!toCommand) return 'I did not understand that button.';
    return invokeAnswer(await useCases.tickets.requesterAct(actor, parsed.data.ticketId, toCommand(parsed.data), activityRefOf(context)));
  });
}
