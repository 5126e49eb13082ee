import { Middleware, TurnContext } from 'botbuilder';
import { Logger } from '../logging/logger';

const TICKET_IDS = 'turnLogger.ticketIds';

/** Handlers call this with the ticket (request) a turn created or changed, so the turn's log line names it. */
export function noteTicketId(context: TurnContext, ticketId: string): void {
  const ids: string[] = context.turnState.get(TICKET_IDS) ?? [];
  if (!ids.includes(ticketId)) context.turnState.set(TICKET_IDS, [...ids, ticketId]);
}

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
            ticketIds: context.turnState.get(TICKET_IDS),
            durationMs: Number(process.hrtime.bigint() - started) / 1e6,
            outcome,
          },
          'turn',
        );
      }
    },
  };
}
