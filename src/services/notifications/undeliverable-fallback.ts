/** When the maker's card or a co-owner's ping cannot be delivered: the request moves on. */
import type { DeliveryFailure } from '../../domain/delivery/delivery-outcome';
import type { GiveUpReason, PendingDelivery } from '../../domain/delivery/outbox-records';
import { requestEvent, type HistoryActor, type PersonRef, type RequestHistoryEvent } from '../../domain/history';
import type { SupportRequest } from '../../domain/intake/support-request';
import type { Plan } from './request-change-loop';
import type { RequestHandlingDeps } from './request-handling-deps';
import { planReroute, rerouteFrom } from './reroute';

/**
 * The outbox gave up on a message. For the maker's card or a co-owner's ping this is the fallback:
 * route again with that person unreachable, in one transaction with the failed message's move. None
 * for any other message.
 */
export function undeliverablePlan(
  deps: RequestHandlingDeps,
  pending: PendingDelivery,
  reason: GiveUpReason,
  failure: DeliveryFailure,
): Plan | undefined {
  const message = pending.message;
  if (message.target.kind !== 'user' || (message.purpose !== 'maker-notification' && message.purpose !== 'co-owner-ping')) return undefined;
  const recipient: PersonRef = { aadObjectId: message.target.aadObjectId, displayName: message.target.displayName };
  const failedDelivery = { pending, reason, failure, at: deps.clock.now() };
  return async (current, history) => {
    const request = current.request;
    const now = deps.clock.now();
    const outbox: HistoryActor = { kind: 'system', component: 'outbox' };
    const unreachable = requestEvent('unreachable', outbox, now, { recipient });
    if (!stillTheirs(request, message.purpose as 'maker-notification' | 'co-owner-ping', recipient))
      return { next: request, history: [unreachable], outbox: [], failedDelivery };
    const holder = request.holder;
    if (message.purpose === 'co-owner-ping' && holder.kind === 'co-owners') {
      const gone = new Set(
        history
          .filter((e) => e.type === 'unreachable')
          .map((e) => (e as Extract<RequestHistoryEvent, { type: 'unreachable' }>).recipient.aadObjectId),
      );
      gone.add(recipient.aadObjectId);
      // Someone can still claim it: only the fact is recorded.
      if (holder.people.some((p) => !gone.has(p.aadObjectId))) return { next: request, history: [unreachable], outbox: [], failedDelivery };
    }
    const change = await planReroute(
      deps,
      request,
      history,
      {
        route: rerouteFrom(request, message.purpose === 'maker-notification' ? 'maker' : 'co-owners'),
        actor: outbox,
        why: { kind: 'unreachable', name: recipient.displayName },
        skipMessageId: message.id,
      },
      now,
    );
    return { ...change, history: [unreachable, ...change.history], failedDelivery };
  };
}

/** The undelivered message was the current holder's: only then does the request move on. */
function stillTheirs(request: SupportRequest, purpose: 'maker-notification' | 'co-owner-ping', recipient: PersonRef): boolean {
  const holder = request.holder;
  if (request.status !== 'open') return false;
  if (purpose === 'maker-notification') return holder.kind === 'maker' && holder.person.aadObjectId === recipient.aadObjectId;
  return holder.kind === 'co-owners' && holder.claimedBy === undefined;
}
