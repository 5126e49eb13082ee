/**
 * The outbox messages of a suggestion, written in its own transactions, in its ticket's partition
 * (requestId is the ticket's id): its card posted in the Power Platform team's channel, that card
 * updated in place at each status change, and the suggester told. Ids are deterministic, so
 * planning the same change twice yields the same messages.
 */
import type { OutboxMessage } from '../../domain/outbox-message';
import type { Suggestion } from '../../domain/suggestions/suggestion';
import { suggestionCard, suggestionUpdateCard } from '../../presentation/suggestion-cards';

const base = (s: Suggestion) => `${s.ticketId}.suggestion.${s.id}`;
const postId = (s: Suggestion) => `${base(s)}.post`;

/** The item's card in the Power Platform team's queue channel. */
export function suggestionPost(s: Suggestion): OutboxMessage {
  return {
    id: postId(s),
    requestId: s.ticketId,
    purpose: 'dedicated-team-handoff',
    target: { kind: 'channel', channel: 'dedicated-team' },
    card: suggestionCard(s),
    createdAt: s.createdAt,
  };
}

/** At a status change: the queue card updated in place, and the suggester told in their language. */
export function statusMessages(s: Suggestion): OutboxMessage[] {
  return [
    {
      id: `${base(s)}.${s.status}`,
      requestId: s.ticketId,
      purpose: 'dedicated-team-handoff',
      target: { kind: 'update', messageId: postId(s) },
      card: suggestionCard(s),
      createdAt: s.changedAt,
    },
    {
      id: `${base(s)}.told.${s.status}`,
      requestId: s.ticketId,
      purpose: 'requester-update',
      target: { kind: 'user', aadObjectId: s.suggester.aadObjectId, displayName: s.suggester.displayName },
      card: suggestionUpdateCard(s),
      createdAt: s.changedAt,
    },
  ];
}
