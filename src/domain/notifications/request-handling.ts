/**
 * What the people a request was sent to may do with it (the maker's and co-owners' card buttons),
 * and what each action changes. Pure: authorisation is decided from the stored request and the
 * caller's Entra object id, never from card data.
 */
import type { ActorRole, PersonRef } from '../history';
import type { RequestHolder, RequestStatus, SupportRequest } from '../intake/support-request';
import type { MessageKey } from '../message-keys';
import { text, type Text } from '../text';

export type HandlingAction =
  | { readonly type: 'acknowledge' }
  | { readonly type: 'claim' }
  | { readonly type: 'resolve'; readonly note?: string }
  | { readonly type: 'hand-to-help-desk'; readonly note?: string }
  | { readonly type: 'not-my-solution'; readonly note?: string }
  | { readonly type: 'stuck'; readonly note?: string };
export type HandlingActionType = HandlingAction['type'];

export type RefusalReason =
  'closed' | 'not-holder' | 'not-co-owner' | 'already-claimed' | 'not-yet-claimed' | 'already-acknowledged' | 'moved-on';

export type Authorization =
  | { readonly ok: true; readonly role: Extract<ActorRole, 'maker' | 'co-owner'> }
  | { readonly ok: false; readonly reason: RefusalReason; readonly claimedBy?: PersonRef };

const CLOSED: ReadonlySet<RequestStatus> = new Set<RequestStatus>(['resolved', 'withdrawn']);

/** Whether `actorId` may do `action` on `request` as it is stored now. */
export function authorize(request: SupportRequest, actorId: string, action: HandlingAction): Authorization {
  const id = actorId.toLowerCase();
  if (CLOSED.has(request.status)) return { ok: false, reason: 'closed' };
  const holder = request.holder;
  if (action.type === 'claim' && holder.kind !== 'co-owners') {
    return { ok: false, reason: wasOfferedTo(request, id) && holder.kind !== 'maker' ? 'moved-on' : 'not-co-owner' };
  }
  switch (holder.kind) {
    case 'maker': {
      if (holder.person.aadObjectId.toLowerCase() !== id) {
        return { ok: false, reason: wasOfferedTo(request, id) ? 'moved-on' : 'not-holder' };
      }
      if (action.type === 'claim') return { ok: false, reason: 'not-co-owner' };
      if (action.type === 'acknowledge' && request.status === 'acknowledged') return { ok: false, reason: 'already-acknowledged' };
      return { ok: true, role: 'maker' };
    }
    case 'co-owners': {
      const isCoOwner = holder.people.some((p) => p.aadObjectId.toLowerCase() === id);
      if (action.type === 'claim') {
        if (!isCoOwner) return { ok: false, reason: 'not-co-owner' };
        if (holder.claimedBy) return { ok: false, reason: 'already-claimed', claimedBy: holder.claimedBy };
        return { ok: true, role: 'co-owner' };
      }
      if (!isCoOwner) return { ok: false, reason: wasOfferedTo(request, id) ? 'moved-on' : 'not-co-owner' };
      if (!holder.claimedBy) return { ok: false, reason: 'not-yet-claimed' };
      if (holder.claimedBy.aadObjectId.toLowerCase() !== id) return { ok: false, reason: 'already-claimed', claimedBy: holder.claimedBy };
      if (action.type === 'acknowledge' || action.type === 'not-my-solution')
        return { ok: false, reason: 'already-claimed', claimedBy: holder.claimedBy };
      return { ok: true, role: 'co-owner' };
    }
    case 'help-desk':
    case 'dedicated-team':
      return { ok: false, reason: wasOfferedTo(request, id) ? 'moved-on' : 'not-holder' };
  }
}

/**
 * Whether the request was sent to this person, so its card may show them what it is about: the maker
 * or a co-owner of the solution as submitted, or whoever holds it now. Anyone else, even with the
 * request's id in hand, gets a refusal in words and never the request's content.
 */
export function isRecipient(request: SupportRequest, actorId: string): boolean {
  const id = actorId.toLowerCase();
  if (wasOfferedTo(request, id)) return true;
  const holder = request.holder;
  if (holder.kind === 'maker') return holder.person.aadObjectId.toLowerCase() === id;
  if (holder.kind === 'co-owners')
    return holder.people.some((p) => p.aadObjectId.toLowerCase() === id) || holder.claimedBy?.aadObjectId.toLowerCase() === id;
  return false;
}

/** The maker or a co-owner of the solution as submitted: they get "it moved on", not "not yours". */
function wasOfferedTo(request: SupportRequest, id: string): boolean {
  const s = request.solution;
  return s !== undefined && (s.maker.aadObjectId?.toLowerCase() === id || s.coOwners.some((p) => p.aadObjectId?.toLowerCase() === id));
}

const REFUSALS = {
  closed: 'messages.requests.refused.closed',
  'not-holder': 'messages.requests.refused.not-holder',
  'not-co-owner': 'messages.requests.refused.not-co-owner',
  'already-claimed': 'messages.requests.refused.already-claimed',
  'not-yet-claimed': 'messages.requests.refused.not-yet-claimed',
  'already-acknowledged': 'messages.requests.refused.already-acknowledged',
  'moved-on': 'messages.requests.refused.moved-on',
} as const satisfies Record<RefusalReason, MessageKey>;

/** Plain-words reason for a refused action, shown on the refreshed card. */
export function refusalMessage(reason: RefusalReason, claimedBy?: PersonRef): Text {
  if (reason === 'already-claimed') {
    return claimedBy
      ? text(REFUSALS[reason], { name: claimedBy.displayName })
      : text('messages.requests.refused.already-claimed-by-another');
  }
  return text(REFUSALS[reason]);
}

/** The state a request is in after an action by its holder (pure, no routing). */
export function afterAction(
  request: SupportRequest,
  actor: PersonRef,
  action: Extract<HandlingAction, { type: 'acknowledge' | 'claim' | 'resolve' }>,
  at: Date,
): SupportRequest {
  const updatedAt = at.toISOString();
  switch (action.type) {
    case 'acknowledge':
      return { ...request, status: 'acknowledged', updatedAt };
    case 'claim': {
      if (request.holder.kind !== 'co-owners') return request;
      const holder: RequestHolder = { ...request.holder, claimedBy: { aadObjectId: actor.aadObjectId, displayName: actor.displayName } };
      return { ...request, holder, status: 'claimed', updatedAt };
    }
    case 'resolve':
      return { ...request, status: 'resolved', updatedAt };
  }
}

/** Notes typed on a card: trimmed, bounded; empty means none. */
export function cleanNote(value: unknown, max = 1000): string | undefined {
  if (typeof value !== 'string') return undefined;
  const note = value.trim().slice(0, max);
  return note === '' ? undefined : note;
}
