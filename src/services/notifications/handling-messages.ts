/**
 * The outbox messages a change to a request causes besides its new route: the requester's "who has
 * it now" DM, and updates of cards the outbox posted earlier (co-owners' pings, the maker's card).
 */
import type { SupportRequest } from '../../domain/intake/support-request';
import { holderLabel } from '../../domain/notifications/request-handling';
import type { OutboxMessage } from '../../domain/outbox-message';
import { coOwnerCardData, makerCardData, message } from './route-messages';
import type { PendingDelivery, SentRecord } from '../../domain/delivery/outbox-records';

/** The requester's DM: what happened, who has the request now. */
export function requesterUpdate(request: SupportRequest, suffix: string, text: string): OutboxMessage {
  return message(
    request,
    'requester-update',
    { kind: 'user', aadObjectId: request.requester.aadObjectId, displayName: request.requester.displayName },
    { template: 'requester-update', data: { update: text, explanation: request.explanation, holder: capitalise(holderLabel(request.holder)) }, suffix },
  );
}

type Posted = Pick<PendingDelivery, 'message'> | Pick<SentRecord, 'message'>;

/**
 * Replaces every maker card and co-owner ping of the request (except `exceptId`'s) with its current
 * state: "claimed by X", "moved on to the help desk". Pings not delivered yet are updated once they are.
 */
export function cardUpdates(request: SupportRequest, posted: readonly Posted[], suffix: string, exceptId?: string, notice = ''): OutboxMessage[] {
  const updates: OutboxMessage[] = [];
  for (const { message: original } of posted) {
    if (original.target.kind !== 'user') continue;
    if (original.purpose !== 'co-owner-ping' && original.purpose !== 'maker-notification') continue;
    const viewer = original.target.aadObjectId;
    if (viewer === exceptId) continue;
    const isPing = original.purpose === 'co-owner-ping';
    updates.push({
      id: `${original.id}.update.${suffix}`,
      requestId: request.id,
      purpose: original.purpose,
      target: { kind: 'update', messageId: original.id },
      card: { template: isPing ? 'co-owner-ping' : 'maker-notification', data: isPing ? coOwnerCardData(request, viewer, notice) : makerCardData(request, notice) },
      createdAt: request.updatedAt,
    });
  }
  return updates;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
