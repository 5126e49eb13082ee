import type { ActivityRef } from '../../domain/activity-ref';
import type { TicketRepository } from '../../domain/ports/tickets';
import type { Text } from '../../domain/text';

/**
 * What the actor was told when this activity was applied to the ticket, if it was: a redelivered
 * activity is answered with that, not applied again.
 */
export async function appliedActivity(
  tickets: TicketRepository,
  ticketId: string,
  activity: ActivityRef | undefined,
): Promise<Text | undefined> {
  return activity ? (await tickets.activity(ticketId, activity.key))?.outcome : undefined;
}
