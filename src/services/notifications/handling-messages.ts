/**
 * The outbox messages a change to a request causes besides its new route: the requester's "who has
 * it now" DM, and updates of cards the outbox posted earlier (co-owners' pings, the maker's card).
 */
import type { SupportRequest } from '../../domain/intake/support-request';
import type { OutboxMessage } from '../../domain/outbox-message';
import type { Text } from '../../domain/text';
import type { PendingDelivery, SentRecord } from '../../domain/delivery/outbox-records';
import { requesterUpdateCard, updatedHandlerCard } from '../../presentation/request-cards';
import { message } from './route-messages';

/** The requester's DM: what happened, who has the request now. */
export function requesterUpdate(request: SupportRequest, suffix: string, update: Text): OutboxMessage {
  const requester = request.requester;
  return message(
    request,
    'requester-update',
    { kind: 'user', aadObjectId: requester.aadObjectId, displayName: requester.displayName },
    requesterUpdateCard(request, update),
    suffix,
  );
}

type Posted = Pick<PendingDelivery, 'message'> | Pick<SentRecord, 'message'>;

/**
 * Replaces every maker card and co-owner ping of the request (except `exceptId`'s) with its current
 * state: "claimed by X", "moved on to the help desk". Pings not delivered yet are updated once they are.
 */
export function cardUpdates(
  request: SupportRequest,
  posted: readonly Posted[],
  suffix: string,
  exceptId?: string,
  notice: Text | '' = '',
): OutboxMessage[] {
  const updates: OutboxMessage[] = [];
  for (const { message: original } of posted) {
    if (original.purpose !== 'co-owner-ping' && original.purpose !== 'maker-notification') continue;
    // The ping in the solution's support channel is everyone's: nobody's "you claimed it".
    if (original.target.kind !== 'user' && original.target.kind !== 'team-channel') continue;
    const viewer = original.target.kind === 'user' ? original.target.aadObjectId : '';
    if (viewer === exceptId) continue;
    updates.push({
      id: `${original.id}.update.${suffix}`,
      requestId: request.id,
      purpose: original.purpose,
      target: { kind: 'update', messageId: original.id },
      card: updatedHandlerCard(request, original.purpose, viewer, notice),
      createdAt: request.updatedAt,
    });
  }
  return updates;
}
