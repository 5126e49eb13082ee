/**
 * The outbox messages a route causes: the maker's card, the co-owners' pings, the help desk's and the
 * dedicated team's posts (one planner per route kind), and the card data they carry. The caller
 * writes them in the same transaction as the request (at intake, or when a request moves on), so
 * nothing is lost between "saved" and "sent".
 */
import type { SupportRequest } from '../../domain/intake/support-request';
import type { OutboxMessage, OutboxPurpose, OutboxTarget } from '../../domain/outbox-message';
import type { Route } from '../../domain/routing';

export interface RouteHandler<R extends Route = Route> {
  plan(request: SupportRequest, route: R, suffix?: string): OutboxMessage[];
}

/** The card data every route's notification shows about the request. Plain values only. */
export function requestSummary(request: SupportRequest): Record<string, unknown> {
  return {
    requestId: request.id,
    reference: request.reference,
    requesterName: request.requester.displayName,
    title: request.details.title,
    description: request.details.description,
    since: request.details.since,
    severity: request.severity,
    solutionName: request.solution?.name ?? 'Not in the catalog',
    solutionTier: request.solution?.tier ?? '',
    environment: request.solution?.environment ?? '',
    notInCatalog: request.notInCatalog,
  };
}

/** The heading of the notification card, by purpose. */
const HEADINGS: Readonly<Record<OutboxPurpose, string>> = {
  'maker-notification': 'A problem was reported with a solution you made',
  'co-owner-ping': 'A problem was reported with a solution you co-own: the first co-owner to pick it up owns it',
  'help-desk-ticket': 'New help desk request',
  'dedicated-team-handoff': 'Handed to the Power Platform team',
  'requester-update': 'Update on your request',
};

/**
 * One outbox message. Ids are deterministic (planning the same change twice yields the same ids, and
 * delivery is idempotent on them); `suffix` tells apart the messages of later changes to the request.
 */
export function message(
  request: SupportRequest,
  purpose: OutboxPurpose,
  target: OutboxTarget,
  card: { template?: string; data?: Record<string, unknown>; suffix?: string } = {},
): OutboxMessage {
  const recipient = target.kind === 'user' ? target.aadObjectId : target.kind === 'channel' ? target.channel : target.messageId;
  return {
    id: `${request.id}.${purpose}.${recipient}${card.suffix ? `.${card.suffix}` : ''}`,
    requestId: request.id,
    purpose,
    target,
    card: { template: card.template ?? 'request-notification', data: { heading: HEADINGS[purpose], ...requestSummary(request), ...(card.data ?? {}) } },
    createdAt: card.suffix ? request.updatedAt : request.createdAt,
  };
}

/** The maker's card: the request, and "I'm on it", "Resolved", "Hand to help desk", "Not my solution", "I'm stuck". */
export function makerCardData(request: SupportRequest, notice = ''): Record<string, unknown> {
  const state = request.status === 'resolved' || request.status === 'withdrawn' || request.holder.kind !== 'maker' ? 'closed' : request.status === 'acknowledged' ? 'acknowledged' : 'open';
  return { ...requestSummary(request), heading: HEADINGS['maker-notification'], state, notice };
}

/** A co-owner's card: "Claim" while nobody has; then the claimer's actions, or "claimed by X" for the others. */
export function coOwnerCardData(request: SupportRequest, viewerId: string, notice = ''): Record<string, unknown> {
  const holder = request.holder;
  const claimedBy = holder.kind === 'co-owners' ? holder.claimedBy : undefined;
  const closed = request.status === 'resolved' || request.status === 'withdrawn' || holder.kind !== 'co-owners';
  const state = closed ? 'closed' : claimedBy === undefined ? 'open' : claimedBy.aadObjectId === viewerId ? 'mine' : 'claimed';
  const coOwnerNames = holder.kind === 'co-owners' ? holder.people.map((p) => p.displayName).join(', ') : '';
  return { ...requestSummary(request), heading: HEADINGS['co-owner-ping'], state, claimedByName: claimedBy?.displayName ?? '', coOwnerNames, notice };
}

export const makerNotification: RouteHandler<Extract<Route, { kind: 'maker' }>> = {
  plan: (request, route, suffix) => [
    message(
      request,
      'maker-notification',
      { kind: 'user', aadObjectId: route.maker.aadObjectId, displayName: route.maker.displayName },
      { template: 'maker-notification', data: makerCardData(request), suffix },
    ),
  ],
};

export const coOwnerPing: RouteHandler<Extract<Route, { kind: 'co-owners' }>> = {
  plan: (request, route, suffix) =>
    route.coOwners.map((person) =>
      message(
        request,
        'co-owner-ping',
        { kind: 'user', aadObjectId: person.aadObjectId, displayName: person.displayName },
        { template: 'co-owner-ping', data: coOwnerCardData(request, person.aadObjectId), suffix },
      ),
    ),
};

export const helpDeskTicket: RouteHandler<Extract<Route, { kind: 'help-desk' }>> = {
  plan: (request, route, suffix) => [
    message(request, 'help-desk-ticket', { kind: 'channel', channel: 'help-desk' }, { suffix }),
    // Sev A on a Critical solution: the dedicated team gets it at once, alongside the ticket.
    ...(route.handToDedicatedTeam ? [handoff(request, suffix)] : []),
  ],
};

export const dedicatedTeamHandoff: RouteHandler<Extract<Route, { kind: 'dedicated-team' }>> = {
  plan: (request, _route, suffix) => [handoff(request, suffix)],
};

/**
 * A request handed on by the person who had it (or by a timer): the help desk's or the dedicated
 * team's message, carrying their note.
 */
export function handOffMessages(request: SupportRequest, to: 'help-desk' | 'dedicated-team', suffix: string, note: { by: string; text?: string }): OutboxMessage[] {
  const data = { handedOnBy: note.by, note: note.text ?? '' };
  return to === 'help-desk'
    ? [message(request, 'help-desk-ticket', { kind: 'channel', channel: 'help-desk' }, { suffix, data })]
    : [message(request, 'dedicated-team-handoff', { kind: 'channel', channel: 'dedicated-team' }, { suffix, data })];
}

function handoff(request: SupportRequest, suffix?: string): OutboxMessage {
  return message(request, 'dedicated-team-handoff', { kind: 'channel', channel: 'dedicated-team' }, { suffix });
}

/** The outbox messages a route causes; `suffix` for a route taken after submission (a fallback). */
export function planRoute(request: SupportRequest, route: Route, suffix?: string): OutboxMessage[] {
  switch (route.kind) {
    case 'maker':
      return makerNotification.plan(request, route, suffix);
    case 'co-owners':
      return coOwnerPing.plan(request, route, suffix);
    case 'help-desk':
      return helpDeskTicket.plan(request, route, suffix);
    case 'dedicated-team':
      return dedicatedTeamHandoff.plan(request, route, suffix);
  }
}
