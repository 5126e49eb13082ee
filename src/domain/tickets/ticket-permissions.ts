/**
 * Who may take an action on a ticket, from the stored ticket and the person's standing (rosters and
 * configuration, see queues/actor-standing.ts), never from card data. A member of the team whose
 * queue holds the ticket is its agent: the help desk's members on the help desk's tickets, the
 * dedicated team's members on the tickets escalated to them. The dedicated team's questions are
 * answered by the help desk queue the ticket came from, or by the solution's maker.
 */
import { sameId, type ActorStanding, belongsTo } from '../queues/actor-standing';
import { ACTION_ACTORS, waitingOn, type TicketAction, type TicketActor } from '../ticket-status';
import type { TicketHistoryEvent } from '../history';
import type { Ticket } from './ticket';
import { holdingQueue, returnQueueOf } from './ticket-queue';

/** The parts a person plays on this ticket (never 'system'). */
export function ticketActorsFor(ticket: Ticket, standing: ActorStanding, history?: readonly TicketHistoryEvent[]): readonly TicketActor[] {
  const actors: TicketActor[] = [];
  if (belongsTo(standing, holdingQueue(ticket, history))) actors.push('agent');
  if (sameId(ticket.requester.aadObjectId, standing.aadObjectId)) actors.push('requester');
  if (isMakerOf(ticket, standing)) actors.push('maker');
  return actors;
}

export function isMakerOf(ticket: Pick<Ticket, 'solution'>, standing: Pick<ActorStanding, 'aadObjectId'>): boolean {
  const maker = ticket.solution?.maker.aadObjectId;
  return maker !== undefined && maker !== '' && sameId(maker, standing.aadObjectId);
}

/**
 * Whether this person may take `action` on the ticket as it is stored. The answer to the dedicated
 * team's question comes only from whoever was asked: a member of the help desk queue the ticket was
 * handed over from, or the maker.
 */
export function mayTake(ticket: Ticket, action: TicketAction, standing: ActorStanding, history?: readonly TicketHistoryEvent[]): boolean {
  if (action === 'info-given') {
    const party = waitingOn(ticket.status);
    if (party === 'help-desk') return belongsTo(standing, returnQueueOf(ticket));
    if (party === 'maker') return isMakerOf(ticket, standing);
    return false;
  }
  const actors = ticketActorsFor(ticket, standing, history);
  return ACTION_ACTORS[action].some((a) => actors.includes(a));
}
