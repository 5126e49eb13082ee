/**
 * The outbox messages a ticket change causes: the card updated in place wherever it was posted,
 * the requester's DM, the hand-off post to the dedicated team. Ids are deterministic per ticket
 * version, so a change is never notified twice.
 */
import type { OutboxMessage } from '../../domain/outbox-message';
import { withAutoClose, withCardPost, type Ticket } from '../../domain/tickets/ticket';
import type { Text } from '../../domain/text';
import type { Change } from '../../domain/tickets/ticket-changes';
import type { CardRef } from '../../presentation/cards';
import { handOffCard } from '../../presentation/handoff-cards';
import { requesterCard, ticketCard } from '../../presentation/ticket-cards';
import { helpDeskQueueOf } from '../../domain/tickets/ticket-queue';

/** The message that first posts a ticket to the help desk channel (also the target of every card update). */
export function helpDeskPostId(ticketId: string): string {
  return `${ticketId}.help-desk-ticket.help-desk`;
}

export function dedicatedTeamPostId(ticketId: string, version: number): string {
  return version <= 1 ? `${ticketId}.dedicated-team-handoff.dedicated-team` : `${ticketId}.v${version}.dedicated-team-handoff`;
}

function message(
  ticket: Ticket,
  id: string,
  purpose: OutboxMessage['purpose'],
  target: OutboxMessage['target'],
  card: CardRef,
): OutboxMessage {
  return { id, requestId: ticket.id, purpose, target, card, createdAt: ticket.updatedAt };
}

/** Posted in the channel of the ticket's help desk queue (a named queue's, or the default one). */
export function postToHelpDesk(ticket: Ticket): OutboxMessage {
  return message(
    ticket,
    helpDeskPostId(ticket.id),
    'help-desk-ticket',
    { kind: 'channel', channel: helpDeskQueueOf(ticket) },
    ticketCard(ticket),
  );
}

/** The hand-off card in the dedicated team's channel. */
export function postToDedicatedTeam(ticket: Ticket, id: string): OutboxMessage {
  return message(ticket, id, 'dedicated-team-handoff', { kind: 'channel', channel: 'dedicated-team' }, handOffCard(ticket));
}

/** Each posted card as it looks now: the help desk's ticket card, or a hand-off card in the dedicated team's channel. */
function postedCard(ticket: Ticket, postId: string): { purpose: OutboxMessage['purpose']; card: CardRef } {
  return postId === helpDeskPostId(ticket.id)
    ? { purpose: 'help-desk-ticket', card: ticketCard(ticket) }
    : { purpose: 'dedicated-team-handoff', card: handOffCard(ticket) };
}

/** Replace every posted copy of the card (help desk, dedicated team) with the ticket as it is now. */
export function cardUpdates(ticket: Ticket, except: readonly string[] = []): OutboxMessage[] {
  return ticket.cardMessageIds
    .filter((id) => !except.includes(id))
    .map((messageId, i) => {
      const { purpose, card } = postedCard(ticket, messageId);
      return message(ticket, `${ticket.id}.v${ticket.version}.card.${i}`, purpose, { kind: 'update', messageId }, card);
    });
}

export function requesterMessage(
  ticket: Ticket,
  heading: Text,
  text: Text | string | undefined,
  reopenWindowMinutes: number,
  now: Date,
): OutboxMessage {
  return message(
    ticket,
    `${ticket.id}.v${ticket.version}.requester`,
    'requester-update',
    { kind: 'user', aadObjectId: ticket.requester.aadObjectId, displayName: ticket.requester.displayName },
    requesterCard(ticket, { heading, message: text, reopenWindowMinutes, now }),
  );
}

/**
 * Everything a change causes. A hand-off to the dedicated team adds its post to the ticket's
 * posted cards, so later changes update it too; returns the ticket to store.
 */
export function notificationsFor(change: Change, reopenWindowMinutes: number, now: Date): { ticket: Ticket; outbox: OutboxMessage[] } {
  let ticket = withAutoClose(change.next, reopenWindowMinutes);
  const outbox: OutboxMessage[] = [];
  let fresh: string[] = [];
  if (change.handToDedicatedTeam) {
    const id = dedicatedTeamPostId(ticket.id, ticket.version);
    if (!ticket.cardMessageIds.includes(id)) {
      ticket = { ...ticket, cardMessageIds: withCardPost(ticket.cardMessageIds, id) };
      outbox.push(postToDedicatedTeam(ticket, id));
      fresh = [id];
    }
  }
  outbox.push(...cardUpdates(ticket, fresh));
  if (change.tellRequester)
    outbox.push(requesterMessage(ticket, change.tellRequester.heading, change.tellRequester.message, reopenWindowMinutes, now));
  return { ticket, outbox };
}
