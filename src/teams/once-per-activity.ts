import { ActivityTypes, Middleware, TurnContext } from 'botbuilder';
import type { Logger } from '../logging/logger';
import type { ActivityGate } from '../services/activities/activity-gate';
import { activityRefOf } from './activity-key';
import { claimsItself, expectRouteClaim, routeClaimOf } from './route-claim';

/**
 * Handles each message (and conversation update) once, however often Teams delivers it: a second
 * delivery, while the first is in progress or after it finished, gets the HTTP 200 and nothing else.
 * Why the record is written before the turn and how a crashed turn is recovered: see ActivityGate.
 * Invokes are not gated here: each must get its own answer, and their changes record the activity
 * in their own transaction (tickets, requests) or are idempotent on it (drafts). A "new request"
 * claims its activity in its route, with the draft named after it (route-claim.ts): this only
 * finishes or releases what the route claimed, and logs a redelivery it declined, as for the others.
 */
const GATED: ReadonlySet<string> = new Set([ActivityTypes.Message, ActivityTypes.ConversationUpdate]);

export function oncePerActivity(gate: ActivityGate, logger: Pick<Logger, 'info' | 'warn'>): Middleware {
  return {
    async onTurn(context, next) {
      const activity = context.activity;
      const ref = GATED.has(activity.type) ? activityRefOf(context) : undefined;
      if (!ref) return next();
      if (claimsItself(context)) return claimedByRoute(context, next, logger);
      const decision = await gate.enter(ref);
      if (!decision.proceed) {
        logger.info(
          { activityId: activity.id, activityType: activity.type, conversationId: activity.conversation?.id, state: decision.state },
          'activity delivered again: not handled twice',
        );
        return;
      }
      try {
        await next();
      } catch (error) {
        await decision
          .release()
          .catch((releaseError: unknown) =>
            logger.warn({ err: releaseError, activityId: activity.id }, 'could not release the activity record'),
          );
        throw error;
      }
      await decision
        .finish()
        .catch((finishError: unknown) => logger.warn({ err: finishError, activityId: activity.id }, 'could not mark the activity handled'));
    },
  };
}

async function claimedByRoute(context: TurnContext, next: () => Promise<void>, logger: Pick<Logger, 'info' | 'warn'>): Promise<void> {
  const activity = context.activity;
  expectRouteClaim(context);
  try {
    await next();
  } catch (error) {
    await routeClaimOf(context)
      ?.release?.()
      .catch((releaseError: unknown) =>
        logger.warn({ err: releaseError, activityId: activity.id }, 'could not release the activity record'),
      );
    throw error;
  }
  const claim = routeClaimOf(context);
  if (claim && !claim.proceed) {
    logger.info(
      { activityId: activity.id, activityType: activity.type, conversationId: activity.conversation?.id, state: claim.state },
      'activity delivered again: not handled twice',
    );
    return;
  }
  await claim
    ?.finish?.()
    .catch((finishError: unknown) => logger.warn({ err: finishError, activityId: activity.id }, 'could not mark the activity handled'));
}
