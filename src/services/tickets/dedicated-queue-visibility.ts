/** Who sees the dedicated team's cards, and the team's question as a DM to the maker. */
import type { OutboxMessage } from '../../domain/outbox-message';
import { belongsTo, type ActorStanding } from '../../domain/queues/actor-standing';
import { DEDICATED_TEAM_QUEUE } from '../../domain/queues/queue';
import type { Ticket } from '../../domain/tickets/ticket';
import { helpDeskQueueOf, holdingQueue } from '../../domain/tickets/ticket-queue';
import { makerQuestionCard } from '../../presentation/handoff-cards';

/**
 * Who may see a ticket's cards at all (refusals come with the card, so this comes first): the members
 * of the ticket's help desk queue see it; the dedicated team's members the help desk card of a ticket their
 * queue holds, and the hand-off card of one handed to them (also after they returned it).
 */
export function seesTicketCard(ticket: Ticket, standing: ActorStanding): boolean {
  return (
    belongsTo(standing, helpDeskQueueOf(ticket)) ||
    (belongsTo(standing, DEDICATED_TEAM_QUEUE) && holdingQueue(ticket) === DEDICATED_TEAM_QUEUE)
  );
}

export function seesHandOff(ticket: Ticket, standing: ActorStanding): boolean {
  return belongsTo(standing, helpDeskQueueOf(ticket)) || (belongsTo(standing, DEDICATED_TEAM_QUEUE) && (ticket.handOffs?.length ?? 0) > 0);
}

/** The dedicated team's question in the maker's 1:1 chat. */
export function makerQuestion(ticket: Ticket): OutboxMessage {
  const maker = ticket.solution!.maker;
  return {
    id: `${ticket.id}.v${ticket.version}.maker-question`,
    requestId: ticket.id,
    purpose: 'ticket-question',
    target: { kind: 'user', aadObjectId: maker.aadObjectId!, displayName: maker.displayName },
    card: makerQuestionCard(ticket),
    createdAt: ticket.updatedAt,
  };
}
