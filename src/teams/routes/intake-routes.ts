import { Application, TurnState } from '@microsoft/teams-ai';
import { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { IntakeAction } from '../../domain/intake/intake-view';
import { OPENING_TEXT_LIMIT } from '../../domain/intake/opening-text';
import { text } from '../../domain/text';
import { cardAnswer, messageAnswer } from '../../presentation/answer';
import type { Verb } from '../../presentation/cards';
import { intakeCard } from '../../presentation/intake-cards';
import { greeting, HINTS } from '../../presentation/welcome-cards';
import { activityRefOf } from '../activity-key';
import { actorOf, NO_IDENTITY_MESSAGE } from '../actor';
import { cardAction, sendAnswer } from '../card-action';
import { commandIs, isCommand } from '../commands';
import { isPersonalChat } from '../conversation-scope';
import { claimActivity, routeClaimsActivity } from '../route-claim';
import type { UseCases } from '../use-cases';
import { registerMyRequestsRoutes } from './my-requests-routes';
import { firstNameOf } from './welcome-routes';

// Commands in every language, from the locale resources (../commands.ts, common.json → commands.*).
const START = commandIs('newRequest');
/** A greeting or "help" also starts a questionnaire, opening with a hello. */
const GREETING = commandIs(['greeting', 'help']);
/**
 * "my requests". A phrase that is also the help desk's "mine" (Swedish "mina ärenden") is the
 * requester's list in a personal chat and the agent's in a channel (ticket-routes).
 */
const MY_REQUESTS = commandIs('myRequests', (context) => isPersonalChat(context) || !isCommand(context, 'mine'));

/**
 * Card data is untrusted: only the intake id and the input fields are read, each with a size cap.
 * Who may act is decided by the service from the caller's identity, never from this data.
 */
// The bound is the longest text a questionnaire keeps (a message that started it): over a field's own
// limit, the service refuses it with how much to shorten, and the card keeps all of it.
const field = z.string().max(OPENING_TEXT_LIMIT).optional();
const intakeData = z.object({
  intakeId: z.string().uuid(),
  category: field,
  query: field,
  solutionId: field,
  title: field,
  description: field,
  since: field,
  impact: field,
  urgency: field,
  unlistedName: field,
  unlistedEnvironment: field,
  unlistedMaker: field,
  articleId: field,
});
type IntakeData = z.infer<typeof intakeData>;

/** By verb; a Map, so a verb such as "toString" never finds an object prototype's member. */
const ACTIONS = new Map<Verb, (data: IntakeData) => IntakeAction>([
  ['intake.need', (d) => ({ type: 'choose-need', category: d.category })],
  ['intake.search', (d) => ({ type: 'search', query: d.query ?? '' })],
  ['intake.solution', (d) => ({ type: 'choose-solution', solutionId: d.solutionId })],
  [
    'intake.details',
    (d) => ({
      type: 'set-details',
      fields: {
        title: d.title,
        description: d.description,
        since: d.since,
        impact: d.impact,
        urgency: d.urgency,
        unlistedName: d.unlistedName,
        unlistedEnvironment: d.unlistedEnvironment,
        unlistedMaker: d.unlistedMaker,
      },
      asksUnlisted: true,
    }),
  ],
  ['intake.solved', (d) => ({ type: 'solved', articleId: d.articleId })],
  ['intake.need-help', () => ({ type: 'need-help' })],
  ['intake.back', () => ({ type: 'back' })],
  ['intake.cancel', () => ({ type: 'cancel' })],
  ['intake.submit', () => ({ type: 'submit' })],
]);

/** The questionnaire: started by a message or a card button, then driven by Action.Execute refreshes. */
export function registerIntakeRoutes<TState extends TurnState>(app: Application<TState>, useCases: UseCases): void {
  const startFrom = (greet: boolean) => async (context: TurnContext) => {
    const actor = actorOf(context);
    if (!actor) return void (await sendAnswer(context, messageAnswer(NO_IDENTITY_MESSAGE)));
    if (!isPersonalChat(context))
      return void (await sendAnswer(context, messageAnswer(greet ? HINTS.channel : text('messages.intake.startInPersonalChat'))));
    const opening = greet ? greeting(firstNameOf(context)) : '';
    if (!routeClaimsActivity(context)) {
      const view = await useCases.intake.start(actor, activityRefOf(context));
      return void (await sendAnswer(context, cardAnswer(intakeCard(view, opening))));
    }
    // "new request" claims its activity through its draft (services/intake/intake-start.ts).
    const claim = await useCases.intakeStart.start(actor, activityRefOf(context));
    claimActivity(context, claim);
    if (claim.proceed) await sendAnswer(context, cardAnswer(intakeCard(claim.view, opening)));
  };
  app.message(START, startFrom(false));
  app.message(GREETING, startFrom(true));

  registerMyRequestsRoutes(app, useCases, MY_REQUESTS);

  cardAction(app, {
    verbs: ['intake.start'],
    data: z.unknown(),
    handle: async ({ actor, activity }) => cardAnswer(intakeCard(await useCases.intake.start(actor, activity))),
  });

  cardAction(app, {
    verbs: [...ACTIONS.keys()],
    data: intakeData,
    damaged: text('messages.intake.damagedCard'),
    handle: async ({ verb, actor, data, activity }) =>
      cardAnswer(intakeCard(await useCases.intake.act(actor, data.intakeId, ACTIONS.get(verb)!(data), activity))),
  });
}
