/**
 * The cards about a submitted request: the maker's card, a co-owner's ping, the help desk's and the
 * dedicated team's notice (`request-notification`), the requester's update. Plain values and `Text`
 * only (written into outbox rows, rendered at delivery in the recipient's language).
 */
import { solutionNameOf } from './solution-lines';
import type { SupportRequest } from '../domain/intake/support-request';
import type { MessageKey } from '../domain/message-keys';
import type { OutboxPurpose } from '../domain/outbox-message';
import { text, type Text } from '../domain/text';
import type { CardRef } from './cards';
import { holderCapitalised, tierLabel } from './labels';

/** The card data every notification shows about the request. */
export function requestSummary(request: SupportRequest): Record<string, unknown> {
  return {
    requestId: request.id,
    reference: request.reference,
    requesterName: request.requester.displayName,
    title: request.details.title,
    description: request.details.description,
    since: request.details.since,
    severity: request.severity,
    solutionName: solutionNameOf(request, 'messages.requests.notInCatalog'),
    solutionTier: request.solution ? tierLabel(request.solution.tier) : '',
    environment: request.solution?.environment ?? '',
    notInCatalog: request.notInCatalog,
  };
}

/** The heading of the notification card, by purpose. */
const HEADINGS = {
  'maker-notification': 'messages.requests.heading.maker-notification',
  'co-owner-ping': 'messages.requests.heading.co-owner-ping',
  'help-desk-ticket': 'messages.requests.heading.help-desk-ticket',
  'dedicated-team-handoff': 'messages.requests.heading.dedicated-team-handoff',
  'requester-update': 'messages.requests.heading.requester-update',
  'ticket-question': 'messages.requests.heading.ticket-question',
} as const satisfies Record<OutboxPurpose, MessageKey>;

/** Who handed the request on, and their note: shown on the help desk's and dedicated team's notice. */
export interface HandOff {
  readonly by: Text | string;
  readonly note?: string;
}

/** The help desk's or the dedicated team's notice of a request (no buttons: tickets have their own card). */
export function requestNotice(request: SupportRequest, purpose: OutboxPurpose, handOff?: HandOff): CardRef {
  return {
    card: 'request-notification',
    data: {
      heading: text(HEADINGS[purpose]),
      ...requestSummary(request),
      ...(handOff ? { handedOnBy: handOff.by, note: handOff.note ?? '' } : {}),
    },
  };
}

/** The maker's card: the request, and "I'm on it", "Resolved", "Hand to help desk", "Not my solution", "I'm stuck". */
export function makerCard(request: SupportRequest, notice: Text | '' = '', handOff?: HandOff): CardRef {
  const state =
    request.status === 'resolved' || request.status === 'withdrawn' || request.holder.kind !== 'maker'
      ? 'closed'
      : request.status === 'acknowledged'
        ? 'acknowledged'
        : 'open';
  return {
    card: 'maker-notification',
    data: { ...requestSummary(request), heading: text(HEADINGS['maker-notification']), state, notice, ...handOffData(handOff) },
  };
}

/** A co-owner's card: "Claim" while nobody has; then the claimer's actions, or "claimed by X" for the others. */
export function coOwnerCard(request: SupportRequest, viewerId: string, notice: Text | '' = '', handOff?: HandOff): CardRef {
  const holder = request.holder;
  const claimedBy = holder.kind === 'co-owners' ? holder.claimedBy : undefined;
  const closed = request.status === 'resolved' || request.status === 'withdrawn' || holder.kind !== 'co-owners';
  const state = closed ? 'closed' : claimedBy === undefined ? 'open' : claimedBy.aadObjectId === viewerId ? 'mine' : 'claimed';
  const coOwnerNames = holder.kind === 'co-owners' ? holder.people.map((p) => p.displayName).join(', ') : '';
  return {
    card: 'co-owner-ping',
    data: {
      ...requestSummary(request),
      heading: text(HEADINGS['co-owner-ping']),
      state,
      claimedByName: claimedBy?.displayName ?? '',
      coOwnerNames,
      notice,
      ...handOffData(handOff),
    },
  };
}

function handOffData(handOff: HandOff | undefined): Record<string, unknown> {
  return handOff ? { handedOnBy: handOff.by, note: handOff.note ?? '' } : {};
}

/** The card a maker or co-owner sees for the request: theirs as maker, or as a co-owner. */
export function handlerCard(request: SupportRequest, viewerId: string, notice: Text | ''): CardRef {
  const s = request.solution;
  const isCoOwner =
    request.holder.kind === 'co-owners'
      ? request.holder.people.some((p) => p.aadObjectId === viewerId)
      : (s?.coOwners.some((p) => p.aadObjectId === viewerId) ?? false);
  const isMaker = s?.maker.aadObjectId === viewerId && !isCoOwner;
  if (isMaker || (request.holder.kind === 'maker' && request.holder.person.aadObjectId === viewerId)) return makerCard(request, notice);
  return coOwnerCard(request, viewerId, notice);
}

/** The card of a message posted earlier to a maker or co-owner, as it should look now. */
export function updatedHandlerCard(
  request: SupportRequest,
  purpose: 'maker-notification' | 'co-owner-ping',
  viewerId: string,
  notice: Text | '',
): CardRef {
  return purpose === 'co-owner-ping' ? coOwnerCard(request, viewerId, notice) : makerCard(request, notice);
}

/** The requester's DM: what happened, who has the request now. */
export function requesterUpdateCard(request: SupportRequest, update: Text): CardRef {
  const summary = requestSummary(request);
  return {
    card: 'requester-update',
    data: {
      reference: summary.reference,
      title: summary.title,
      solutionName: summary.solutionName,
      update,
      explanation: request.explanation,
      holder: holderCapitalised(request.holder),
    },
  };
}
