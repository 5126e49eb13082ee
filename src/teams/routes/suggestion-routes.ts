import { Application, TurnState } from '@microsoft/teams-ai';
import { z } from 'zod';
import type { SuggestionMove } from '../../domain/suggestions/suggestion-status';
import { text } from '../../domain/text';
import { messageAnswer } from '../../presentation/answer';
import type { Verb } from '../../presentation/cards';
import { actorOf, NO_IDENTITY_MESSAGE } from '../actor';
import { cardAction, sendAnswer } from '../card-action';
import { commandIs } from '../commands';
import { createRosterCache, teamsRoster } from '../tickets/teams-roster';
import type { UseCases } from '../use-cases';

/**
 * "Suggest an improvement" (issue 16): the form on the help desk's ticket card, the Power Platform
 * team's status buttons on the item's card, and `suggestions` (the open items). Card data is
 * untrusted and capped here; the domain checks the exact limits, and who may act comes from the
 * stored ticket and the rosters.
 */
const input = z.string().max(4000).optional();
const formData = z.object({
  ticketId: z.string().uuid(),
  observed: input,
  frequency: z.string().max(40).optional(),
  proposal: input,
});
const moveData = z.object({
  ticketId: z.string().uuid(),
  suggestionId: z.string().min(1).max(100),
  shownStatus: z.string().max(40).optional(),
  note: input,
});

/** By verb, the status it moves to; a Map, so "toString" never finds a prototype's member. */
const MOVES = new Map<Verb, SuggestionMove>([
  ['suggestion.review', 'under-review'],
  ['suggestion.plan', 'planned'],
  ['suggestion.done', 'done'],
  ['suggestion.decline', 'declined'],
]);

export function registerSuggestionRoutes<TState extends TurnState>(app: Application<TState>, useCases: UseCases): void {
  const cache = createRosterCache();

  app.message(commandIs('suggestions'), async (context) => {
    const actor = actorOf(context);
    await sendAnswer(
      context,
      actor ? await useCases.suggestions.list(actor, teamsRoster(context, cache)) : messageAnswer(NO_IDENTITY_MESSAGE),
    );
  });

  cardAction(app, {
    verbs: ['suggestion.create'],
    data: formData,
    damaged: text('suggestions.refused.damaged'),
    handle: ({ actor, data, context }) => useCases.suggestions.suggest(actor, data.ticketId, data, teamsRoster(context, cache)),
  });

  cardAction(app, {
    verbs: [...MOVES.keys()],
    data: moveData,
    damaged: text('suggestions.refused.damaged'),
    handle: ({ verb, actor, data, context }) =>
      useCases.suggestions.move(actor, data, MOVES.get(verb)!, data.note ?? '', teamsRoster(context, cache)),
  });
}
