/**
 * The queue holding a ticket. Tickets record it since issue 13; for one stored before, the
 * dedicated team holds it when its history says it was escalated to them and not handed back or
 * returned, else the default help desk queue. Without the history, an old ticket is the dedicated
 * team's only while its status is still 'escalated' to them; withRecordedQueue settles an old
 * ticket's queue once, from its history, before the escalation rules (which read only the ticket)
 * decide on it.
 */
import { currentHandOff } from '../escalation/hand-off';
import type { TicketHistoryEvent } from '../history';
import { DEDICATED_TEAM_QUEUE, DEFAULT_HELP_DESK_QUEUE, isHelpDeskQueue, type HelpDeskQueueId, type QueueId } from '../queues/queue';
import type { Ticket } from './ticket';

export function holdingQueue(ticket: Ticket, history?: readonly TicketHistoryEvent[]): QueueId {
  if (ticket.queue !== undefined) return ticket.queue;
  if (ticket.escalatedTo === undefined) return DEFAULT_HELP_DESK_QUEUE;
  if (history === undefined)
    return ticket.escalatedTo === 'dedicated-team' && ticket.status === 'escalated' ? DEDICATED_TEAM_QUEUE : DEFAULT_HELP_DESK_QUEUE;
  let withTeam = false;
  for (const event of history) {
    if (event.type === 'escalated' && event.target === 'dedicated-team') withTeam = true;
    else if (event.type === 'handed-back' || event.type === 'returned-to-help-desk') withTeam = false;
  }
  return withTeam ? DEDICATED_TEAM_QUEUE : DEFAULT_HELP_DESK_QUEUE;
}

/** The ticket with its holding queue recorded (unchanged when it already records one). */
export function withRecordedQueue(ticket: Ticket, history: readonly TicketHistoryEvent[]): Ticket {
  return ticket.queue !== undefined ? ticket : { ...ticket, queue: holdingQueue(ticket, history) };
}

/** "Marked escalated" means exactly this: the dedicated team's queue holds it. */
export function isEscalated(ticket: Ticket, history?: readonly TicketHistoryEvent[]): boolean {
  return holdingQueue(ticket, history) === DEDICATED_TEAM_QUEUE;
}

/** The help desk queue whose team works the ticket when the help desk has it: the holding one, else the one it came from. */
export function helpDeskQueueOf(ticket: Ticket, history?: readonly TicketHistoryEvent[]): HelpDeskQueueId {
  const queue = holdingQueue(ticket, history);
  return isHelpDeskQueue(queue) ? queue : returnQueueOf(ticket);
}

/** The help desk queue a Return sends the ticket to: the one it was handed over from. */
export function returnQueueOf(ticket: Ticket): HelpDeskQueueId {
  return currentHandOff(ticket.handOffs)?.fromQueue ?? DEFAULT_HELP_DESK_QUEUE;
}
