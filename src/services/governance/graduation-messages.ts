/**
 * The outbox messages of a graduation request, written in the request's own transactions: the card
 * posted in the Power Platform team's channel, its update in place at the decision, and the decision
 * told to the requester and the maker (rendered in each one's language at delivery). Ids are
 * deterministic, so planning the same change twice yields the same messages.
 */
import type { GraduationRequest } from '../../domain/governance/graduation-request';
import { toldOfDecision } from '../../domain/governance/graduation-request';
import type { OutboxMessage } from '../../domain/outbox-message';
import { graduationDecisionCard, graduationRequestCard } from '../../presentation/governance-cards';

const postId = (request: GraduationRequest) => `${request.id}.dedicated-team-handoff.graduation`;

/** The request's card in the Power Platform team's queue channel. */
export function queuePost(request: GraduationRequest): OutboxMessage {
  return {
    id: postId(request),
    requestId: request.id,
    purpose: 'dedicated-team-handoff',
    target: { kind: 'channel', channel: 'dedicated-team' },
    card: graduationRequestCard(request),
    createdAt: request.createdAt,
  };
}

/** At the decision: the queue card updated in place, and the people told. */
export function decisionMessages(request: GraduationRequest): OutboxMessage[] {
  const at = request.decidedAt ?? request.createdAt;
  const update: OutboxMessage = {
    id: `${request.id}.dedicated-team-handoff.${request.status}`,
    requestId: request.id,
    purpose: 'dedicated-team-handoff',
    target: { kind: 'update', messageId: postId(request) },
    card: graduationRequestCard(request),
    createdAt: at,
  };
  const told = toldOfDecision(request).map((p): OutboxMessage => ({
    id: `${request.id}.requester-update.${p.aadObjectId}.${request.status}`,
    requestId: request.id,
    purpose: 'requester-update',
    target: { kind: 'user', aadObjectId: p.aadObjectId, displayName: p.displayName },
    card: graduationDecisionCard(request),
    createdAt: at,
  }));
  return [update, ...told];
}
