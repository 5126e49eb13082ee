import { ActivityTypes, TurnContext } from 'botbuilder';
import { actorOf } from './actor';
import { normaliseCommandText } from './command-text';
import { commandTable } from './commands';

/**
 * A message whose route claims the activity itself, instead of the Activities table's record before
 * the turn (once-per-activity.ts): "new request" in a personal chat from someone with an identity,
 * which the intake start route (routes/intake-routes.ts, the first message route) always handles.
 * Its draft is named after the activity, so creating it is the claim (services/intake/intake-start.ts).
 * The route says what it decided through `claimActivity`; the middleware finishes or releases it.
 */
export interface RouteClaim {
  readonly proceed: boolean;
  readonly state?: 'done' | 'in-progress';
  finish?(): Promise<void>;
  release?(): Promise<void>;
}

const CLAIMS_ITSELF = Symbol('routeClaimsActivity');
const CLAIM = Symbol('routeClaim');

/** Decided before routing, on the text as the routes will see it (a copy: the activity is left as it is). */
export function claimsItself(context: TurnContext): boolean {
  const activity = context.activity;
  if (activity.type !== ActivityTypes.Message || typeof activity.text !== 'string') return false;
  if (activity.conversation?.conversationType !== 'personal' || actorOf(context) === undefined) return false;
  const written = activity.recipient ? TurnContext.removeRecipientMention({ ...activity }) : activity.text;
  return commandTable()
    .match(normaliseCommandText(written ?? ''))
    .some((match) => match.name === 'newRequest');
}

/** Marks the turn as one whose route claims its activity (set by the middleware, read by the route). */
export function expectRouteClaim(context: TurnContext): void {
  context.turnState.set(CLAIMS_ITSELF, true);
}

export function routeClaimsActivity(context: TurnContext): boolean {
  return context.turnState.get(CLAIMS_ITSELF) === true;
}

export function claimActivity(context: TurnContext, claim: RouteClaim): void {
  context.turnState.set(CLAIM, claim);
}

export function routeClaimOf(context: TurnContext): RouteClaim | undefined {
  return context.turnState.get(CLAIM) as RouteClaim | undefined;
}
