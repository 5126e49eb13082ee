import { Application, TurnState } from '@microsoft/teams-ai';
import { z } from 'zod';
import { text } from '../../domain/text';
import type { Verb } from '../../presentation/cards';
import type { HandOffRequest } from '../../services/tickets/dedicated-queue-service';
import { cardAction } from '../card-action';
import { createRosterCache, teamsRoster } from '../tickets/teams-roster';
import type { UseCases } from '../use-cases';

/**
 * Card data is untrusted: it names the ticket and carries the inputs, each capped (the domain checks
 * the exact limits and says them). Who may act is decided by the service from storage and the rosters.
 */
const input = z.string().max(4000).optional();
const handOffData = z.object({
  ticketId: z.string().uuid(),
  party: z.string().max(40).optional(),
  text: input,
  resolution: input,
  severity: z.string().max(4).optional(),
  reason: input,
});
type HandOffData = z.infer<typeof handOffData>;

/** By verb; a Map, so "toString" never finds a prototype's member. */
const HAND_OFF = new Map<Verb, (d: HandOffData) => HandOffRequest>([
  ['handoff.show', () => ({ type: 'show' })],
  ['handoff.accept', () => ({ type: 'accept' })],
  ['handoff.ask', (d) => ({ type: 'ask', party: d.party, text: d.text })],
  ['handoff.return', (d) => ({ type: 'return', text: d.text })],
  ['handoff.resolve', (d) => ({ type: 'resolve', resolution: d.resolution })],
  ['handoff.severity', (d) => ({ type: 'severity', severity: d.severity, reason: d.reason })],
]);

const answerData = z.object({ ticketId: z.string().uuid(), text: input });

/** The dedicated team's queue: the hand-off card, the help desk card's answer and severity change, the maker's answer. */
export function registerDedicatedQueueRoutes<TState extends TurnState>(app: Application<TState>, useCases: UseCases): void {
  const cache = createRosterCache();

  cardAction(app, {
    verbs: [...HAND_OFF.keys()],
    data: handOffData,
    damaged: text('messages.tickets.damagedAgentCard'),
    handle: ({ verb, actor, data, activity, context }) =>
      useCases.dedicatedQueue.handOff(actor, data.ticketId, HAND_OFF.get(verb)!(data), teamsRoster(context, cache), activity),
  });

  cardAction(app, {
    verbs: ['ticket.answer-team'],
    data: answerData,
    damaged: text('messages.tickets.damagedAgentCard'),
    handle: ({ actor, data, activity, context }) =>
      useCases.dedicatedQueue.answerFromHelpDesk(actor, data.ticketId, data.text, teamsRoster(context, cache), activity),
  });

  cardAction(app, {
    verbs: ['ticket.severity'],
    data: handOffData,
    damaged: text('messages.tickets.damagedAgentCard'),
    handle: ({ actor, data, activity, context }) =>
      useCases.dedicatedQueue.severityFromHelpDesk(actor, data.ticketId, data.severity, data.reason, teamsRoster(context, cache), activity),
  });

  cardAction(app, {
    verbs: ['makerticket.show', 'makerticket.answer'],
    data: answerData,
    damaged: text('messages.tickets.damagedRequesterCard'),
    handle: ({ verb, actor, data, activity }) =>
      verb === 'makerticket.show'
        ? useCases.dedicatedQueue.showToMaker(actor, data.ticketId)
        : useCases.dedicatedQueue.answerFromMaker(actor, data.ticketId, data.text, activity),
  });
}
