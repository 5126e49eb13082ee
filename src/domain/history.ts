/**
 * History events: who did what, when, to a ticket (help desk / dedicated team) or to a request
 * handled by a maker or co-owners. Events are append-only facts; each carries its status change,
 * if any, so one change is one event. Timestamps are ISO-8601 strings (as stored).
 */
import type { EscalationTrigger, InfoParty } from './escalation/escalation-trigger';
import type { ExternalCaseStatus } from './external-cases/case-status';
import type { QueueId } from './queues/queue';
import type { RouteKind, RouteReason, SkippedParty } from './routing';
import type { RequestCategory } from './request-category';
import type { Impact, Severity, Urgency } from './severity';
import type { SlaKind } from './sla';
import type { SlaPauseReason } from './sla-clock';
import type { Person } from './solution';
import type { EscalationTarget, ExternalEscalationTarget } from './support-model';
import type { TicketAction, TicketStatus } from './ticket-status';

export type PersonRef = Pick<Person, 'aadObjectId' | 'displayName'>;

/** The part a person played when they acted, as established by services from storage. */
export type ActorRole = 'requester' | 'maker' | 'co-owner' | 'agent' | 'dedicated-team' | 'admin';
export type SystemComponent = 'intake' | 'router' | 'sla-scheduler' | 'outbox' | 'catalog';

export type HistoryActor =
  ({ readonly kind: 'user'; readonly role: ActorRole } & PersonRef) | { readonly kind: 'system'; readonly component: SystemComponent };

interface EventBase<T extends string> {
  readonly type: T;
  /** ISO-8601 instant. */
  readonly at: string;
  readonly actor: HistoryActor;
  readonly statusChange?: { readonly from: TicketStatus; readonly to: TicketStatus };
}

type Ev<T extends string, P = object> = EventBase<T> & Readonly<P>;

export type TicketHistoryEvent =
  | Ev<'created', { category: RequestCategory; impact: Impact; urgency: Urgency; severity: Severity; routeReason: RouteReason }>
  | Ev<'assigned', { assignee: PersonRef; previous?: PersonRef }>
  | Ev<'started'>
  /** A question; `from` absent = the requester (as stored before the dedicated team could ask others). */
  | Ev<'info-requested', { question: string; from?: InfoParty }>
  /** The help desk or the maker answered the dedicated team's question. */
  | Ev<'info-given', { from: Exclude<InfoParty, 'requester'>; text: string }>
  | Ev<'requester-replied', { text: string }>
  | Ev<'waiting-on-vendor', { target: ExternalEscalationTarget; caseReference?: string }>
  | Ev<'escalated', { target: EscalationTarget; trigger: EscalationTrigger; caseReference?: string; fromQueue?: QueueId }>
  /** The owning team took the escalation (first accept wins). */
  | Ev<'accepted', { queue: QueueId }>
  /** Legacy "Back from escalation" (retired; stored rows keep it): Return (below) replaced it. */
  | Ev<'handed-back', { note?: string }>
  /** The dedicated team gave the ticket back: no longer escalated, the help desk queue holds it again. */
  | Ev<'returned-to-help-desk', { note: string; toQueue: QueueId }>
  | Ev<'resolved', { resolution: string }>
  | Ev<'closed', { reason: 'confirmed' | 'reopen-window-passed' | 'agent' }>
  | Ev<'reopened', { reason?: string }>
  | Ev<'withdrawn', { reason?: string }>
  | Ev<'note-added', { text: string }>
  | Ev<'replied-to-requester', { text: string }>
  | Ev<'details-added', { text: string }>
  /** `reason` is required for changes made since issue 13 (older events have none). */
  | Ev<'severity-changed', { from: Severity; to: Severity; reason?: string }>
  | Ev<'sla-paused', { reason: SlaPauseReason }>
  | Ev<'sla-resumed', { reason: SlaPauseReason }>
  | Ev<'sla-warning', { clock: SlaKind; dueAt: string }>
  | Ev<'sla-breached', { clock: SlaKind; dueAt: string }>
  | Ev<'external-reference-added', { target: ExternalEscalationTarget; caseReference: string }>
  | Ev<
      'external-case-opened',
      { caseId: string; vendor: ExternalEscalationTarget; caseReference: string; severity: Severity; confirmedBy?: PersonRef }
    >
  /** A Sev A or B Microsoft case waits for an IT admin to file it. */
  | Ev<'external-case-confirmation-requested', { vendor: 'microsoft'; severity: Severity }>
  | Ev<'external-case-confirmation-declined', { note?: string }>
  | Ev<'external-case-status-changed', { caseId: string; from: ExternalCaseStatus; to: ExternalCaseStatus }>
  | Ev<'linked-to-incident', { incidentId: string; automatic: boolean }>;
export type TicketEventType = TicketHistoryEvent['type'];

/** Requests routed to a maker or co-owners live outside the ticket queue; these are their events. */
export type RequestHistoryEvent =
  | Ev<'submitted', { category: RequestCategory; severity: Severity; solutionId?: string }>
  | Ev<'routed', { routeKind: RouteKind; reason: RouteReason; skipped: readonly SkippedParty[] }>
  | Ev<'notified', { recipient: PersonRef; via: 'dm' | 'channel' }>
  | Ev<'unreachable', { recipient: PersonRef }>
  | Ev<'acknowledged'>
  | Ev<'claimed', { by: PersonRef }>
  | Ev<'handed-on', { to: 'co-owners' | 'help-desk' | 'dedicated-team'; note?: string }>
  | Ev<'ticket-opened', { ticketNumber: string }>
  /** Reported while a major incident covering it was open: linked to it instead of routed. */
  | Ev<'linked-to-incident', { incidentId: string; automatic: boolean }>
  /** The maker said "Not my solution": the catalog entry needs a look from whoever keeps the catalog. */
  | Ev<'catalog-flagged', { solutionId: string; reason: 'not-my-solution'; note?: string }>
  | Ev<'resolved', { resolution?: string }>
  /** The requester answered a resolution with "No": `round` 1 goes back to the holder, 2 on to the help desk. */
  | Ev<'not-fixed', { round: number; to: 'holder' | 'help-desk' }>
  | Ev<'withdrawn', { reason?: string }>;
export type RequestEventType = RequestHistoryEvent['type'];

export type HistoryEvent = TicketHistoryEvent | RequestHistoryEvent;

type Payload<E, T> = Omit<Extract<E, { type: T }>, 'type' | 'at' | 'actor'>;

/** Build a ticket event; `at` is the caller's clock, stored as ISO-8601. */
export function ticketEvent<T extends TicketEventType>(
  type: T,
  actor: HistoryActor,
  at: Date,
  payload: Payload<TicketHistoryEvent, T>,
): Extract<TicketHistoryEvent, { type: T }> {
  return { type, actor, at: at.toISOString(), ...payload } as unknown as Extract<TicketHistoryEvent, { type: T }>;
}

export function requestEvent<T extends RequestEventType>(
  type: T,
  actor: HistoryActor,
  at: Date,
  payload: Payload<RequestHistoryEvent, T>,
): Extract<RequestHistoryEvent, { type: T }> {
  return { type, actor, at: at.toISOString(), ...payload } as unknown as Extract<RequestHistoryEvent, { type: T }>;
}

/** The event type that records each state-machine action. */
export const ACTION_EVENT_TYPES = {
  assign: 'assigned',
  start: 'started',
  'request-info': 'info-requested',
  'requester-replied': 'requester-replied',
  'wait-on-vendor': 'waiting-on-vendor',
  escalate: 'escalated',
  resolve: 'resolved',
  close: 'closed',
  reopen: 'reopened',
  withdraw: 'withdrawn',
  accept: 'accepted',
  'ask-help-desk': 'info-requested',
  'ask-maker': 'info-requested',
  'info-given': 'info-given',
  'return-to-help-desk': 'returned-to-help-desk',
} as const satisfies Record<TicketAction, TicketEventType>;

/** Oldest first; events with the same instant keep their stored order. */
export function sortHistory<E extends HistoryEvent>(events: readonly E[]): E[] {
  return events
    .map((e, i) => ({ e, i, t: Date.parse(e.at) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.e);
}

/**
 * Whether an event is a first response: a reply to the requester (a reply, a question to them, the
 * resolution) or the owning team's acceptance, by a person of the help desk or the dedicated team.
 * An assignment is not a response: the requester hears nothing from it.
 */
export function isFirstResponse(event: TicketHistoryEvent): boolean {
  if (event.actor.kind !== 'user' || (event.actor.role !== 'agent' && event.actor.role !== 'dedicated-team')) return false;
  switch (event.type) {
    case 'replied-to-requester':
    case 'accepted':
    case 'resolved':
      return true;
    case 'info-requested':
      return event.from === undefined || event.from === 'requester';
    default:
      return false;
  }
}

/** When support first responded (see isFirstResponse); undefined while nobody has. */
export function firstResponseAt(events: readonly TicketHistoryEvent[]): string | undefined {
  return sortHistory(events).find(isFirstResponse)?.at;
}

/** The most recent event of a type, e.g. the last internal note for the card. */
export function lastEventOfType<E extends HistoryEvent, T extends E['type']>(
  events: readonly E[],
  type: T,
): Extract<E, { type: T }> | undefined {
  const sorted = sortHistory(events);
  for (let i = sorted.length - 1; i >= 0; i--) {
    const e = sorted[i];
    if (e.type === type) return e as Extract<E, { type: T }>;
  }
  return undefined;
}
