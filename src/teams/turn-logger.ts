import { Middleware } from 'botbuilder';
import { Logger } from '../logging/logger';

/** One structured log line per turn: ids and duration, never message text. */
export function logTurns(logger: Logger): Middleware {
  return {
    async onTurn(context, next) {
      const started = process.hrtime.bigint();
      const activity = context.activity;
      let outcome = 'ok';
      try {
        await next();
      } catch (error) {
        outcome = 'error';
        throw error;
      } finally {
        logger.info(
          {
            activityId: activity.id,
            activityType: activity.type,
            activityName: activity.name,
            conversationId: activity.conversation?.id,
            conversationType: activity.conversation?.conversationType,
            durationMs: Number(process.hrtime.bigint() - started) / 1e6,
            outcome,
          },
          'turn',
        );
      }
    },
  };
}
