/**
 * "my requests" (cards `my-requests`, `my-request`): a page of the requester's own requests with
 * Next / Previous, and one request with its newest history. The page's data carries only positions
 * in the caller's own index (`after`, `trail`); the route checks their shape, the store their owner.
 */
import type { RequestHistoryEvent } from '../domain/history';
import type { SupportRequest } from '../domain/intake/support-request';
import type { MessageKey } from '../domain/message-keys';
import { instant, text, type Text } from '../domain/text';
import type { CardRef } from './cards';
import { holderHeading, requestStatusLabel } from './labels';

/** How many earlier pages Previous remembers; further back, Previous goes to the newest page. */
export const TRAIL_LIMIT = 20;

export type TicketStatuses = ReadonlyMap<string, { number: string; status: Text }>;

/** The trail travels as one string (card data binds plain values only): continuations joined by commas. */
export const TRAIL_SEPARATOR = ',';
const joined = (trail: readonly string[]): string => trail.join(TRAIL_SEPARATOR);

/** Where a page is: `after` (empty: the newest page) and the `after` of each earlier page, oldest first. */
export interface PagePosition {
  readonly after: string;
  readonly trail: readonly string[];
}

export const FIRST_PAGE: PagePosition = { after: '', trail: [] };

export function myRequestsCard(
  requests: readonly SupportRequest[],
  tickets: TicketStatuses = new Map(),
  position: PagePosition = FIRST_PAGE,
  next?: string,
): CardRef {
  const previous: PagePosition | undefined =
    position.after === '' ? undefined : { after: position.trail.at(-1) ?? '', trail: position.trail.slice(0, -1) };
  return {
    card: 'my-requests',
    data: {
      requests: requests.map((r) => ({ ...lineOf(r, tickets), requestId: r.id })),
      hasNext: next !== undefined,
      nextAfter: next ?? '',
      nextTrail: next === undefined ? '' : joined([...position.trail, position.after].slice(-TRAIL_LIMIT)),
      hasPrevious: previous !== undefined,
      previousAfter: previous?.after ?? '',
      previousTrail: joined(previous?.trail ?? []),
    },
  };
}

export function myRequestCard(
  request: SupportRequest,
  history: readonly RequestHistoryEvent[],
  tickets: TicketStatuses = new Map(),
): CardRef {
  return {
    card: 'my-request',
    data: {
      ...lineOf(request, tickets),
      solution: request.solution?.name ?? request.unlistedSolution?.name ?? '',
      description: request.details.description,
      history: history.map((event) => ({ line: eventLine(event), at: instant(event.at) })),
    },
  };
}

function lineOf(r: SupportRequest, tickets: TicketStatuses): Record<string, unknown> {
  return {
    reference: tickets.get(r.id)?.number ?? r.ticketNumber ?? r.reference,
    title: r.details.title,
    status: tickets.get(r.id)?.status ?? requestStatusLabel(r.status),
    holder: holderHeading(r.holder),
    severity: r.severity,
    submitted: instant(r.createdAt, 'date'),
  };
}

/** One key per event type; a type added later (and not yet worded here) reads as "updated". */
const EVENT_KEYS: Readonly<Record<string, MessageKey>> = {
  submitted: 'followup.history.submitted',
  routed: 'followup.history.routed',
  notified: 'followup.history.notified',
  unreachable: 'followup.history.unreachable',
  acknowledged: 'followup.history.acknowledged',
  claimed: 'followup.history.claimed',
  'handed-on': 'followup.history.handedOn',
  'ticket-opened': 'followup.history.ticketOpened',
  'linked-to-incident': 'followup.history.linkedToIncident',
  'catalog-flagged': 'followup.history.catalogFlagged',
  resolved: 'followup.history.resolved',
  withdrawn: 'followup.history.withdrawn',
};

function eventLine(event: RequestHistoryEvent): Text {
  const key = Object.hasOwn(EVENT_KEYS, event.type) ? EVENT_KEYS[event.type]! : 'followup.history.updated';
  // Each text gets only the placeholders its key has (the same in every language).
  if (event.type === 'notified' || event.type === 'unreachable') return text(key, { name: event.recipient.displayName });
  if (event.type === 'claimed') return text(key, { name: event.by.displayName });
  if (event.type === 'ticket-opened') return text(key, { ticket: event.ticketNumber });
  return text(key);
}
