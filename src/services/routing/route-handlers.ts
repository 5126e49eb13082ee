/**
 * One handler per route: what a freshly routed request causes. Each returns the outbox messages to
 * write in the same transaction as the request, so nothing is lost between "saved" and "sent".
 * The notification and ticket features build these out; the interface stays.
 */
import type { SupportRequest } from '../../domain/intake/support-request';
import type { OutboxMessage, OutboxPurpose, OutboxTarget } from '../../domain/outbox-message';
import type { Route } from '../../domain/routing';

export interface RouteHandler<R extends Route = Route> {
  plan(request: SupportRequest, route: R): OutboxMessage[];
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

function message(request: SupportRequest, purpose: OutboxPurpose, target: OutboxTarget): OutboxMessage {
  const recipient = target.kind === 'user' ? target.aadObjectId : target.kind === 'channel' ? target.channel : target.messageId;
  return {
    // Deterministic: planning the same request twice yields the same ids (delivery is idempotent on them).
    id: `${request.id}.${purpose}.${recipient}`,
    requestId: request.id,
    purpose,
    target,
    card: { template: 'request-notification', data: { heading: HEADINGS[purpose], ...requestSummary(request) } },
    createdAt: request.createdAt,
  };
}

export const makerNotification: RouteHandler<Extract<Route, { kind: 'maker' }>> = {
  plan: (request, route) => [
    message(request, 'maker-notification', { kind: 'user', aadObjectId: route.maker.aadObjectId, displayName: route.maker.displayName }),
  ],
};

export const coOwnerPing: RouteHandler<Extract<Route, { kind: 'co-owners' }>> = {
  plan: (request, route) =>
    route.coOwners.map((person) =>
      message(request, 'co-owner-ping', { kind: 'user', aadObjectId: person.aadObjectId, displayName: person.displayName }),
    ),
};

export const helpDeskTicket: RouteHandler<Extract<Route, { kind: 'help-desk' }>> = {
  plan: (request, route) => [
    message(request, 'help-desk-ticket', { kind: 'channel', channel: 'help-desk' }),
    // Sev A on a Critical solution: the dedicated team gets it at once, alongside the ticket.
    ...(route.handToDedicatedTeam ? [handoff(request)] : []),
  ],
};

export const dedicatedTeamHandoff: RouteHandler<Extract<Route, { kind: 'dedicated-team' }>> = {
  plan: (request) => [handoff(request)],
};

function handoff(request: SupportRequest): OutboxMessage {
  return message(request, 'dedicated-team-handoff', { kind: 'channel', channel: 'dedicated-team' });
}

/** The outbox messages a route causes. */
export function planRoute(request: SupportRequest, route: Route): OutboxMessage[] {
  switch (route.kind) {
    case 'maker':
      return makerNotification.plan(request, route);
    case 'co-owners':
      return coOwnerPing.plan(request, route);
    case 'help-desk':
      return helpDeskTicket.plan(request, route);
    case 'dedicated-team':
      return dedicatedTeamHandoff.plan(request, route);
  }
}
