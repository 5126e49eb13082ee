/**
 * What the maker and the co-owners do with a request (their card buttons), what timers do when they
 * don't, and the fallback when they cannot be messaged. Every change is one transaction: the request
 * row (ETag), its history, the outbox messages it causes (new route, requester DM, card updates).
 */
import { activityRecord, type ActivityRef } from '../../domain/activity-ref';
import type { DeliveryFailure } from '../../domain/delivery/delivery-outcome';
import { requestEvent, ticketEvent, type HistoryActor, type PersonRef, type RequestHistoryEvent, type TicketHistoryEvent } from '../../domain/history';
import { holderFor, type SupportRequest } from '../../domain/intake/support-request';
import {
  afterAction,
  authorize,
  cleanNote,
  holderLabel,
  isRecipient,
  refusalMessage,
  type HandlingAction,
} from '../../domain/notifications/request-handling';
import { DEFAULT_TIMER_DURATIONS, timerStillApplies, type RequestTimer, type TimerDurations } from '../../domain/notifications/request-timers';
import type { OutboxMessage } from '../../domain/outbox-message';
import { explainRoute, renderExplanation } from '../../domain/route-explanation';
import { everyoneReachable, routeRequest, type Route } from '../../domain/routing';
import type { Solution } from '../../domain/solution';
import { DEFAULT_SLA_CONFIG, type SlaConfig } from '../../domain/sla';
import type { TicketNumber } from '../../domain/ticket-number';
import { openTicketFor } from '../tickets/ticket-opening';
import { ConcurrencyConflictError } from '../../domain/ports/storage-errors';
import type { Clock } from '../../domain/ports/clock';
import type { TicketNumberAllocator } from '../../domain/ports/tickets';
import type { StoredRequest } from '../../domain/ports/requests';
import type { GiveUpReason, PendingDelivery } from '../../domain/delivery/outbox-records';
import type { UndeliverableHandler } from '../outbox/outbox-worker';
import { coOwnerCardData, handOffMessages, makerCardData, planRoute } from './route-messages';
import { cardUpdates, requesterUpdate } from './handling-messages';
import type { CatalogFlag } from '../../domain/notifications/catalog-flag';
import type { OutboxLookup, RequestChange, RequestChangeStore } from '../../domain/ports/request-changes';

export interface RequestHandlingDeps {
  readonly changes: RequestChangeStore;
  readonly outbox: OutboxLookup;
  readonly clock: Clock;
  readonly timers?: TimerDurations;
  /** Help desk tickets: a request handed (or falling back) to the help desk opens one, as at intake. */
  readonly tickets: { readonly numbers: Pick<TicketNumberAllocator, 'allocate'>; readonly sla?: SlaConfig };
}

/** What the actor's card shows after the action (bound by the Teams layer), or a refusal in words only. */
export type HandlingView =
  | { readonly kind: 'card'; readonly template: 'maker-notification' | 'co-owner-ping'; readonly data: Record<string, unknown> }
  | { readonly kind: 'refused'; readonly message: string }
  | { readonly kind: 'not-found' };

/** A change to compute from the current request; undefined = nothing to write. */
type Plan = (stored: StoredRequest, history: readonly RequestHistoryEvent[]) => Promise<Omit<RequestChange, 'stored' | 'historyOffset'> | undefined>;

const MAX_CONFLICT_RETRIES = 5;

export class RequestHandlingService implements UndeliverableHandler {
  private readonly durations: TimerDurations;

  constructor(private readonly deps: RequestHandlingDeps) {
    this.durations = deps.timers ?? DEFAULT_TIMER_DURATIONS;
  }

  /**
   * A button on the maker's card or a co-owner's ping. Authorised from storage, never from card data.
   * `activity` names the Teams activity: the change records it in its transaction, and a redelivery
   * of it is answered with the card as it is now and what was done, not applied again.
   */
  async act(actor: PersonRef, requestId: string, action: HandlingAction, activity?: ActivityRef): Promise<HandlingView> {
    let notice: string | undefined;
    let refusal: string | undefined;
    const stored = await this.change(requestId, async (current, history) => {
      refusal = undefined;
      const applied = activity ? await this.deps.changes.activity(requestId, activity.key) : undefined;
      notice = applied?.outcome;
      if (applied) return undefined;
      const auth = authorize(current.request, actor.aadObjectId, action);
      if (!auth.ok) {
        refusal = refusalMessage(auth.reason, auth.claimedBy);
        return undefined;
      }
      const now = this.deps.clock.now();
      const planned = await this.planAction(current.request, history, { kind: 'user', role: auth.role, ...actor }, action);
      return { ...planned, ...(activity ? { activity: activityRecord(activity, doneMessage(action), now) } : {}) };
    });
    if (stored === undefined) return { kind: 'not-found' };
    // Someone the request was never sent to learns why, and nothing of the request itself: also when
    // the activity they sent was applied already (another person's press replayed under its ids is
    // found by its key before any authorisation).
    if ((refusal !== undefined || notice !== undefined) && !isRecipient(stored.request, actor.aadObjectId)) {
      return { kind: 'refused', message: refusal ?? refusalMessage('not-holder') };
    }
    return this.viewFor(stored.request, actor, refusal ?? notice ?? doneMessage(action));
  }

  /** A due timer: move the request on if its holder still has not answered; drop the timer either way. */
  async fireTimer(timer: RequestTimer): Promise<'moved-on' | 'not-applicable'> {
    let moved = false;
    await this.change(timer.requestId, async (current, history) => {
      moved = false;
      if (!timerStillApplies(timer, current.request)) return { next: current.request, history: [], outbox: [], timersDone: [timer] };
      moved = true;
      const system: HistoryActor = { kind: 'system', component: 'sla-scheduler' };
      const request = current.request;
      const minutes = Math.round((timer.kind === 'maker-ack' ? this.durations.makerAckMs : this.durations.coOwnerClaimMs) / 60_000);
      const route = rerouteFrom(request, timer.kind === 'maker-ack' ? 'maker' : 'co-owners');
      const why =
        timer.kind === 'maker-ack'
          ? `${holderLabel(request.holder)} didn't pick it up within ${duration(minutes)}`
          : `none of its co-owners picked it up within ${duration(minutes)}`;
      const change = await this.reroute(request, history, route, system, why);
      return { ...change, timersDone: [timer] };
    });
    return moved ? 'moved-on' : 'not-applicable';
  }

  /**
   * The outbox gave up on a message. For the maker's card or a co-owner's ping this is the fallback:
   * route again with that person unreachable, in one transaction with the failed message's move.
   */
  async onUndeliverable(pending: PendingDelivery, reason: GiveUpReason, failure: DeliveryFailure): Promise<boolean> {
    const message = pending.message;
    if (message.target.kind !== 'user' || (message.purpose !== 'maker-notification' && message.purpose !== 'co-owner-ping')) return false;
    const recipient: PersonRef = { aadObjectId: message.target.aadObjectId, displayName: message.target.displayName };
    const failedDelivery = { pending, reason, failure, at: this.deps.clock.now() };
    const stored = await this.change(message.requestId, async (current, history) => {
      const request = current.request;
      const now = this.deps.clock.now();
      const outbox: HistoryActor = { kind: 'system', component: 'outbox' };
      const unreachable = requestEvent('unreachable', outbox, now, { recipient });
      const holder = request.holder;
      const stillTheirs =
        (message.purpose === 'maker-notification' && holder.kind === 'maker' && holder.person.aadObjectId === recipient.aadObjectId && request.status === 'open') ||
        (message.purpose === 'co-owner-ping' && holder.kind === 'co-owners' && holder.claimedBy === undefined && request.status === 'open');
      if (!stillTheirs) return { next: request, history: [unreachable], outbox: [], failedDelivery };
      if (message.purpose === 'co-owner-ping' && holder.kind === 'co-owners') {
        const gone = new Set(history.filter((e) => e.type === 'unreachable').map((e) => (e as Extract<RequestHistoryEvent, { type: 'unreachable' }>).recipient.aadObjectId));
        gone.add(recipient.aadObjectId);
        const left = holder.people.filter((p) => !gone.has(p.aadObjectId));
        // Someone can still claim it: only the fact is recorded.
        if (left.length > 0) return { next: request, history: [unreachable], outbox: [], failedDelivery };
      }
      const route = rerouteFrom(request, message.purpose === 'maker-notification' ? 'maker' : 'co-owners');
      const change = await this.reroute(request, history, route, outbox, `${recipient.displayName} can't be reached in Teams`, undefined, message.id);
      return { ...change, history: [unreachable, ...change.history], failedDelivery };
    });
    return stored !== undefined;
  }

  /** Read, plan, write with the ETag; on a conflict read again and plan again. Returns the request as it ended. */
  private async change(requestId: string, plan: Plan): Promise<StoredRequest | undefined> {
    for (let attempt = 0; ; attempt++) {
      const stored = await this.deps.changes.get(requestId);
      if (stored === undefined) return undefined;
      const history = await this.deps.changes.history(requestId);
      const planned = await plan(stored, history);
      if (planned === undefined) return stored;
      try {
        await this.deps.changes.apply({ ...planned, stored, historyOffset: history.length });
        return { request: planned.next, etag: '' };
      } catch (error) {
        if (!(error instanceof ConcurrencyConflictError) || attempt >= MAX_CONFLICT_RETRIES) throw error;
      }
    }
  }

  private async planAction(
    request: SupportRequest,
    history: readonly RequestHistoryEvent[],
    actor: Extract<HistoryActor, { kind: 'user' }>,
    action: HandlingAction,
  ): Promise<Omit<RequestChange, 'stored' | 'historyOffset'>> {
    const now = this.deps.clock.now();
    const seq = String(history.length);
    const person: PersonRef = { aadObjectId: actor.aadObjectId, displayName: actor.displayName };
    switch (action.type) {
      case 'acknowledge': {
        const next = afterAction(request, person, action, now);
        return {
          next,
          history: [requestEvent('acknowledged', actor, now, {})],
          outbox: [requesterUpdate(next, seq, `${person.displayName} is on it.`)],
        };
      }
      case 'claim': {
        const next = afterAction(request, person, action, now);
        const { pending, sent } = await this.deps.outbox.messagesOf(request.id);
        return {
          next,
          history: [requestEvent('claimed', actor, now, { by: person })],
          outbox: [
            requesterUpdate(next, seq, `${person.displayName}, a co-owner of ${request.solution?.name ?? 'the solution'}, picked up your request.`),
            ...cardUpdates(next, [...sent, ...pending], seq, person.aadObjectId, `Claimed by ${person.displayName}.`),
          ],
        };
      }
      case 'resolve': {
        const note = cleanNote(action.note);
        const next = afterAction(request, person, action, now);
        const { pending, sent } = await this.deps.outbox.messagesOf(request.id);
        return {
          next,
          history: [requestEvent('resolved', actor, now, note ? { resolution: note } : {})],
          outbox: [
            requesterUpdate(next, seq, `${person.displayName} resolved your request.${note ? ` Their note: "${note}"` : ''}`),
            ...cardUpdates(next, [...sent, ...pending], seq, person.aadObjectId, `Resolved by ${person.displayName}.`),
          ],
        };
      }
      case 'hand-to-help-desk':
      case 'stuck': {
        const note = cleanNote(action.note);
        const to = action.type === 'stuck' ? 'dedicated-team' : 'help-desk';
        const next: SupportRequest = {
          ...request,
          routeKind: to,
          routeReason: to === 'help-desk' ? 'no-reachable-support' : 'maker-stuck',
          handToDedicatedTeam: false,
          holder: { kind: to },
          status: 'open',
          chatLink: undefined,
          explanation:
            to === 'help-desk'
              ? `${person.displayName} handed your request to the help desk.`
              : `${person.displayName} asked the Power Platform team to help with your request.`,
          updatedAt: now.toISOString(),
        };
        const { pending, sent } = await this.deps.outbox.messagesOf(request.id);
        const opened = to === 'help-desk' ? await this.openTicket(next, actor, now, note ? `${person.displayName} handed this on: ${note}` : undefined) : undefined;
        const handed = opened?.next ?? next;
        return {
          next: handed,
          history: [requestEvent('handed-on', actor, now, note ? { to, note } : { to }), ...(opened?.events ?? [])],
          outbox: [
            ...(opened?.outbox ?? handOffMessages(next, to, seq, { by: person.displayName, text: note })),
            requesterUpdate(handed, seq, `${next.explanation}${opened ? ` Ticket ${opened.number}.` : ''} They now have it.`),
            ...cardUpdates(handed, [...sent, ...pending], seq, person.aadObjectId, `Handed on by ${person.displayName}.`),
          ],
          ...(opened ? { ticket: opened.ticket } : {}),
        };
      }
      case 'not-my-solution': {
        const note = cleanNote(action.note);
        const route = rerouteFrom(request, 'maker');
        const change = await this.reroute(request, history, route, actor, `${person.displayName} says ${request.solution?.name ?? 'this solution'} isn't theirs`, note);
        const flags: CatalogFlag[] = request.solution
          ? [{ solutionId: request.solution.id, requestId: request.id, reason: 'not-my-solution', flaggedBy: person, flaggedAt: now.toISOString(), ...(note ? { note } : {}) }]
          : [];
        const flagEvents = request.solution
          ? [requestEvent('catalog-flagged', actor, now, { solutionId: request.solution.id, reason: 'not-my-solution', ...(note ? { note } : {}) })]
          : [];
        return { ...change, history: [...flagEvents, ...change.history], flags };
      }
    }
  }

  /** The request moved on to `route`: new holder, its messages, the requester told, old cards updated. */
  private async reroute(
    request: SupportRequest,
    history: readonly RequestHistoryEvent[],
    route: Route,
    actor: HistoryActor,
    why: string,
    note?: string,
    /** A message leaving the outbox in this same change (its card will never exist to update). */
    skipMessageId?: string,
  ): Promise<Omit<RequestChange, 'stored' | 'historyOffset'>> {
    const now = this.deps.clock.now();
    const seq = String(history.length);
    const next: SupportRequest = {
      ...request,
      routeKind: route.kind,
      routeReason: route.reason,
      handToDedicatedTeam: route.kind === 'help-desk' && route.handToDedicatedTeam,
      holder: holderFor(route),
      status: 'open',
      explanation: renderExplanation(explainRoute(route)),
      chatLink: undefined,
      updatedAt: now.toISOString(),
    };
    const to = route.kind === 'maker' ? 'co-owners' : route.kind;
    const events: RequestHistoryEvent[] = [
      requestEvent('routed', { kind: 'system', component: 'router' }, now, { routeKind: route.kind, reason: route.reason, skipped: route.skipped }),
      requestEvent('handed-on', actor, now, { to, note: note ? `${why}. Note: ${note}` : why }),
    ];
    const { pending, sent } = await this.deps.outbox.messagesOf(request.id);
    const opened = route.kind === 'help-desk' ? await this.openTicket(next, actor, now, note ? `${capitalise(why)}: ${note}` : `${capitalise(why)}.`) : undefined;
    const moved = opened?.next ?? next;
    const routed = opened?.outbox ?? planRoute(next, route, seq).map((m) => withNote(m, note, why));
    const outbox: OutboxMessage[] = [
      ...routed,
      requesterUpdate(moved, seq, `${capitalise(why)}. Now: ${holderLabel(next.holder)}${opened ? `, ticket ${opened.number}` : ''}.`),
      ...cardUpdates(moved, [...sent, ...pending.filter((p) => p.message.id !== skipMessageId)], seq, undefined, `Moved on: ${why}.`),
    ];
    return { next: moved, history: [...events, ...(opened?.events ?? [])], outbox, ...(opened ? { ticket: opened.ticket } : {}) };
  }

  /**
   * The help desk ticket for a request that reaches the help desk after submission, built as the
   * intake builds one (number allocated first, idempotent on the request id), with the note of whoever
   * handed it on as an internal note. None when the request has one already.
   */
  private async openTicket(
    next: SupportRequest,
    actor: HistoryActor,
    now: Date,
    note: string | undefined,
  ): Promise<{ next: SupportRequest; number: TicketNumber; events: RequestHistoryEvent[]; outbox: readonly OutboxMessage[]; ticket: NonNullable<RequestChange['ticket']> } | undefined> {
    const tickets = this.deps.tickets;
    if (next.ticketNumber) return undefined;
    const number = await tickets.numbers.allocate(next.id);
    const withTicket: SupportRequest = { ...next, ticketNumber: number };
    const opened = openTicketFor(withTicket, number, tickets.sla ?? DEFAULT_SLA_CONFIG, now);
    const history: TicketHistoryEvent[] = [...opened.history, ...(note ? [ticketEvent('note-added', actor, now, { text: note })] : [])];
    return {
      next: withTicket,
      number,
      events: [requestEvent('ticket-opened', { kind: 'system', component: 'router' }, now, { ticketNumber: number })],
      outbox: opened.outbox,
      ticket: { ticket: opened.ticket, history },
    };
  }

  private viewFor(request: SupportRequest, actor: PersonRef, notice: string): HandlingView {
    const id = actor.aadObjectId;
    const s = request.solution;
    const isCoOwner = request.holder.kind === 'co-owners' ? request.holder.people.some((p) => p.aadObjectId === id) : (s?.coOwners.some((p) => p.aadObjectId === id) ?? false);
    const isMaker = s?.maker.aadObjectId === id && !isCoOwner;
    if (isMaker || (request.holder.kind === 'maker' && request.holder.person.aadObjectId === id)) {
      return { kind: 'card', template: 'maker-notification', data: makerCardData(request, notice) };
    }
    return { kind: 'card', template: 'co-owner-ping', data: coOwnerCardData(request, id, notice) };
  }
}


/**
 * Route the request again with `passedOver` (and everyone before it) unreachable: past the maker, the
 * co-owners (all of them: routing leaves out the requester and the maker); past the co-owners, nobody
 * of the solution is left, so the help desk.
 */
function rerouteFrom(request: SupportRequest, passedOver: 'maker' | 'co-owners'): Route {
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

function withNote(message: OutboxMessage, note: string | undefined, why: string): OutboxMessage {
  return { ...message, card: { ...message.card, data: { ...message.card.data, handedOnBy: why, note: note ?? '' } } };
}

function doneMessage(action: HandlingAction): string {
  switch (action.type) {
    case 'acknowledge':
      return "Thanks — we told the requester you're on it.";
    case 'claim':
      return "It's yours — we told the requester and the other co-owners.";
    case 'resolve':
      return 'Marked as resolved — we told the requester.';
    case 'hand-to-help-desk':
      return 'Handed to the help desk — we told the requester.';
    case 'not-my-solution':
      return "Thanks — we passed it on and flagged the catalog entry for review.";
    case 'stuck':
      return 'Escalated to the Power Platform team — we told the requester.';
  }
}

function duration(minutes: number): string {
  if (minutes % 60 === 0 && minutes >= 60) return `${minutes / 60} hour${minutes === 60 ? '' : 's'}`;
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
