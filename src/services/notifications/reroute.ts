/**
 * A request moving on without its holder (a timer ran out, a message could not be delivered, the
 * maker said "not my solution"): the routing policy for what comes next, and the one change that
 * moves it (new holder, its messages, the requester told, old cards updated, a ticket when it
 * reaches the help desk).
 */
import { requestEvent, type HistoryActor, type RequestHistoryEvent } from '../../domain/history';
import { routedFields, type SupportRequest } from '../../domain/intake/support-request';
import type { OutboxLookup } from '../../domain/ports/request-changes';
import { everyoneReachable, routeRequest, type Route } from '../../domain/routing';
import type { Solution } from '../../domain/solution';
import { text } from '../../domain/text';
import { holderInSentence } from '../../presentation/labels';
import { moveReason, type MoveReason } from '../../presentation/request-words';
import { cardUpdates, requesterUpdate } from './handling-messages';
import { openHelpDeskTicket, type TicketDeps } from './help-desk-ticket';
import type { PlannedChange } from './request-change-loop';
import { planRoute } from './route-messages';

/**
 * Route the request again with `passedOver` (and everyone before it) unreachable: past the maker, the
 * co-owners (all of them: routing leaves out the requester and the maker); past the co-owners, nobody
 * of the solution is left, so the help desk.
 */
export function rerouteFrom(request: SupportRequest, passedOver: 'maker' | 'co-owners'): Route {
  const solution = solutionOf(request);
  // Past the maker: the co-owners Teams can reach (known by their Entra object id); past them, nobody.
  const reachableCoOwnerIds = passedOver === 'maker' ? everyoneReachable(solution).reachableCoOwnerIds : [];
  return routeRequest({
    category: request.category,
    impact: request.details.impact,
    urgency: request.details.urgency,
    solution,
    // The maker's card went to the maker, or to the manager standing in: neither is asked again.
    reachability: { makerReachable: false, reachableCoOwnerIds, managerReachable: false },
    requesterId: request.requester.aadObjectId,
  });
}

/** The catalog entry as the request knew it (routing needs a whole Solution). */
function solutionOf(request: SupportRequest): Solution | undefined {
  const s = request.solution;
  if (!s) return undefined;
  return { ...s, dataSources: [], status: 'active', createdAt: request.createdAt, updatedAt: request.createdAt };
}

export interface RerouteDeps {
  readonly outbox: OutboxLookup;
  readonly tickets: TicketDeps;
}

export interface Reroute {
  readonly route: Route;
  readonly actor: HistoryActor;
  readonly why: MoveReason;
  /** What the person who passed it on typed. */
  readonly note?: string;
  /** A message leaving the outbox in this same change (its card will never exist to update). */
  readonly skipMessageId?: string;
}

/** The request moved on to `route`: new holder, its messages, the requester told, old cards updated. */
export async function planReroute(
  deps: RerouteDeps,
  request: SupportRequest,
  history: readonly RequestHistoryEvent[],
  move: Reroute,
  now: Date,
): Promise<PlannedChange> {
  const { route, actor, note } = move;
  const seq = String(history.length);
  const next: SupportRequest = { ...request, ...routedFields(route), chatLink: undefined, status: 'open', updatedAt: now.toISOString() };
  const to = route.kind === 'maker' ? 'co-owners' : route.kind;
  const events: RequestHistoryEvent[] = [
    requestEvent('routed', { kind: 'system', component: 'router' }, now, {
      routeKind: route.kind,
      reason: route.reason,
      skipped: route.skipped,
    }),
    requestEvent('handed-on', actor, now, note ? { to, note } : { to }),
  ];
  const { pending, sent } = await deps.outbox.messagesOf(request.id);
  const opened = route.kind === 'help-desk' ? await openHelpDeskTicket(deps.tickets, next, actor, now, note) : undefined;
  const moved = opened?.next ?? next;
  const reason = moveReason(move.why);
  const routed = opened?.outbox ?? planRoute(next, route, seq, { by: reason, note });
  const holder = holderInSentence(next.holder);
  const update = opened
    ? text('messages.requests.update.movedOnWithTicket', { reason: moveReason(move.why, true), holder, ticket: opened.number })
    : text('messages.requests.update.movedOn', { reason: moveReason(move.why, true), holder });
  const outbox = [
    ...routed,
    requesterUpdate(moved, seq, update),
    ...cardUpdates(
      moved,
      [...sent, ...pending.filter((p) => p.message.id !== move.skipMessageId)],
      seq,
      undefined,
      text('messages.requests.notice.movedOn', { reason }),
    ),
  ];
  return { next: moved, history: [...events, ...(opened?.events ?? [])], outbox, ...(opened ? { ticket: opened.ticket } : {}) };
}
