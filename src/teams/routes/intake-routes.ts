import { Application, TurnState } from '@microsoft/teams-ai';
import { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { IntakeAction } from '../../services/intake/intake-view';
import { cardAttachment, renderCard } from '../card-templates';
import { activityRefOf } from '../activity-key';
import { actorOf, NO_IDENTITY_MESSAGE } from '../actor';
import { isPersonalChat } from '../conversation-scope';
import { intakeCard, myRequestsCard } from '../intake/intake-card-data';
import { CHANNEL_HINT } from './fallback-routes';
import { firstNameOf } from './welcome-routes';
import type { UseCases } from '../use-cases';

// Route patterns see text with single spaces and no spaces at the ends (see ../command-text.ts), so
// they need no whitespace quantifiers; each stays linear on any input (test/unit/teams/route-patterns).
const START = /^(new request|new|start a request|report a problem)[ .!]*$/i;
/** A greeting or "help" also starts a questionnaire, opening with a hello. */
const GREETING = /^(hi|hello|hey|help|start|bonjour|salut|hej|안녕하세요)[ !.]*$/i;
const MY_REQUESTS = /^my requests?[ .!?]*$/i;

const MESSAGES = {
  startInPersonalChat: "Let's keep your request private: send me \"new request\" in a 1:1 chat.",
  myRequestsInPersonalChat: 'I show your requests only in our 1:1 chat, so nobody else sees them: send me "my requests" there.',
} as const;

/**
 * Card data is untrusted: only the intake id and the input fields are read, each with a size cap.
 * Who may act is decided by the service from the caller's identity, never from this data.
 */
const field = z.string().max(4000).optional();
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
});
type IntakeData = z.infer<typeof intakeData>;

/** By verb; a Map, so a verb such as "toString" never finds an object prototype's member. */
const ACTIONS = new Map<string, (data: IntakeData) => IntakeAction>([
  ['intake.need', (d) => ({ type: 'choose-need', category: d.category })],
  ['intake.search', (d) => ({ type: 'search', query: d.query ?? '' })],
  ['intake.solution', (d) => ({ type: 'choose-solution', solutionId: d.solutionId })],
  ['intake.details', (d) => ({ type: 'set-details', fields: { title: d.title, description: d.description, since: d.since, impact: d.impact, urgency: d.urgency } })],
  ['intake.back', () => ({ type: 'back' })],
  ['intake.cancel', () => ({ type: 'cancel' })],
  ['intake.submit', () => ({ type: 'submit' })],
]);

/** The questionnaire: started by a message or a card button, then driven by Action.Execute refreshes. */
export function registerIntakeRoutes<TState extends TurnState>(app: Application<TState>, useCases: UseCases): void {
  const startFrom = (greet: boolean) => async (context: TurnContext) => {
    const actor = actorOf(context);
    if (!actor) return void (await context.sendActivity(NO_IDENTITY_MESSAGE));
    if (!isPersonalChat(context)) return void (await context.sendActivity(greet ? CHANNEL_HINT : MESSAGES.startInPersonalChat));
    const greeting = greet ? `Hi ${firstNameOf(context)}, I'm the Power Platform support desk.` : '';
    const card = intakeCard(await useCases.intake.start(actor, activityRefOf(context)), greeting);
    await context.sendActivity({ attachments: [cardAttachment(card.name, card.data)] });
  };
  app.message(START, startFrom(false));
  app.message(GREETING, startFrom(true));

  app.message(MY_REQUESTS, async (context) => {
    const actor = actorOf(context);
    if (!actor) return void (await context.sendActivity(NO_IDENTITY_MESSAGE));
    if (!isPersonalChat(context)) return void (await context.sendActivity(MESSAGES.myRequestsInPersonalChat));
    const requests = await useCases.intake.myRequests(actor);
    const tickets = await useCases.tickets.statusesOf(requests.filter((r) => r.ticketNumber).map((r) => r.id));
    const card = myRequestsCard(requests, tickets);
    await context.sendActivity({ attachments: [cardAttachment(card.name, card.data)] });
  });

  app.adaptiveCards.actionExecute('intake.start', async (context) => {
    const actor = actorOf(context);
    if (!actor) return NO_IDENTITY_MESSAGE;
    const card = intakeCard(await useCases.intake.start(actor, activityRefOf(context)));
    return renderCard(card.name, card.data);
  });

  app.adaptiveCards.actionExecute([...ACTIONS.keys()], async (context, _state, data) => {
    const actor = actorOf(context);
    if (!actor) return NO_IDENTITY_MESSAGE;
    const parsed = intakeData.safeParse(data);
    if (!parsed.success) return 'This card is out of date or damaged. Say "new request" to start again.';
    const verb = (context.activity.value as { action?: { verb?: string } }).action?.verb ?? '';
    const toAction = ACTIONS.get(verb);
    if (!toAction) return 'I did not understand that button.';
    const card = intakeCard(await useCases.intake.act(actor, parsed.data.intakeId, toAction(parsed.data), activityRefOf(context)));
    return renderCard(card.name, card.data);
  });
}
