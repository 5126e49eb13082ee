import { Application, TurnState } from '@microsoft/teams-ai';
import { z } from 'zod';
import type { RequesterCommand } from '../../domain/tickets/ticket-changes';
import { text } from '../../domain/text';
import type { Verb } from '../../presentation/cards';
import { cardAction } from '../card-action';
import type { UseCases } from '../use-cases';

const data = z.object({ ticketId: z.string().uuid(), text: z.string().max(4000).optional() });
type Data = z.infer<typeof data>;

/** By verb; a Map, so a verb such as "toString" never finds an object prototype's member. */
const ACTIONS = new Map<Verb, (d: Data) => RequesterCommand | { type: 'show' }>([
  ['myticket.show', () => ({ type: 'show' })],
  ['myticket.answer', (d) => ({ type: 'answer', text: d.text })],
  ['myticket.details', (d) => ({ type: 'add-details', text: d.text })],
  ['myticket.withdraw', () => ({ type: 'withdraw' })],
  ['myticket.reopen', () => ({ type: 'reopen' })],
  ['myticket.confirm', () => ({ type: 'confirm' })],
]);

/** The requester's side of a ticket: the buttons on the DMs about their ticket. Only their own tickets. */
export function registerRequesterTicketRoutes<TState extends TurnState>(app: Application<TState>, useCases: UseCases): void {
  cardAction(app, {
    verbs: [...ACTIONS.keys()],
    data,
    damaged: text('messages.tickets.damagedRequesterCard'),
    handle: ({ verb, actor, data: d, activity }) => useCases.tickets.requesterAct(actor, d.ticketId, ACTIONS.get(verb)!(d), activity),
  });
}
