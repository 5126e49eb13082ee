import { ActivityTypes, Middleware } from 'botbuilder';
import type { Logger } from '../logging/logger';
import type { ActivityGate } from '../services/activities/activity-gate';
import { activityRefOf } from './activity-key';

/**
 * Handles each message (and conversation update) once, however often Teams delivers it: a second
 * delivery, while the first is in progress or after it finished, gets the HTTP 200 and nothing else.
 * Why the record is written before the turn and how a crashed turn is recovered: see ActivityGate.
 * Invokes are not gated here: each must get its own answer, and their changes record the activity
 * in their own transaction (tickets, requests) or are idempotent on it (drafts).
 */
const GATED: ReadonlySet<string> = new Set([ActivityTypes.Message, ActivityTypes.ConversationUpdate]);

export function oncePerActivity(gate: ActivityGate, logger: Pick<Logger, 'info' | 'warn'>): Middleware {
  return {
    async onTurn(context, next) {
      const activity = context.activity;
      const ref = GATED.has(activity.type) ? activityRefOf(context) : undefined;
      if (!ref) return next();
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
