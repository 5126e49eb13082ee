/**
 * What the maker and the co-owners do with a request (their card buttons), what timers do when they
 * don't, and the fallback when they cannot be messaged. Each use case reads, decides (the domain's
 * rules, reroute.ts), and writes one transaction (request-change-loop.ts): the request row (ETag),
 * its history, the outbox messages it causes (new route, requester DM, card updates).
 */
import { activityRecord, type ActivityRef } from '../../domain/activity-ref';
import type { DeliveryFailure } from '../../domain/delivery/delivery-outcome';
import { requestEvent, type HistoryActor, type PersonRef, type RequestHistoryEvent } from '../../domain/history';
import type { SupportRequest } from '../../domain/intake/support-request';
import {
  afterAction,
  authorize,
  cleanNote,
  isRecipient,
  refusalMessage,
  type HandlingAction,
} from '../../domain/notifications/request-handling';
import {
  DEFAULT_TIMER_DURATIONS,
  timerStillApplies,
  type RequestTimer,
  type TimerDurations,
} from '../../domain/notifications/request-timers';
import type { CatalogFlag } from '../../domain/notifications/catalog-flag';
import type { GiveUpReason, PendingDelivery } from '../../domain/delivery/outbox-records';
import { text, type Text } from '../../domain/text';
import { cardAnswer, messageAnswer, type Answer } from '../../presentation/answer';
import { holderInSentence } from '../../presentation/labels';
import { handlerCard } from '../../presentation/request-cards';
import { doneText } from '../../presentation/request-words';
import type { UndeliverableHandler } from '../outbox/outbox-worker';
import { satisfactionQuestion } from './satisfaction-service';
import { cardUpdates, requesterUpdate } from './handling-messages';
import { planHandOn } from './hand-on';
import { changeRequest, type Plan, type PlannedChange } from './request-change-loop';
import { planReroute, rerouteFrom } from './reroute';
import type { RequestHandlingDeps } from './request-handling-deps';
import { undeliverablePlan } from './undeliverable-fallback';

export type { RequestHandlingDeps } from './request-handling-deps';

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
  async act(actor: PersonRef, requestId: string, action: HandlingAction, activity?: ActivityRef): Promise<Answer> {
    let notice: Text | undefined;
    let refusal: Text | undefined;
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
      return { ...planned, ...(activity ? { activity: activityRecord(activity, doneText(action), now) } : {}) };
    });
    if (stored === undefined) return messageAnswer(text('messages.requests.notFound'));
    // Someone the request was never sent to learns why, and nothing of the request itself: also when
    // the activity they sent was applied already (another person's press replayed under its ids is
    // found by its key before any authorisation).
    if ((refusal !== undefined || notice !== undefined) && !isRecipient(stored.request, actor.aadObjectId)) {
      return messageAnswer(refusal ?? refusalMessage('not-holder'));
    }
    return cardAnswer(handlerCard(stored.request, actor.aadObjectId, refusal ?? notice ?? doneText(action)));
  }

  /** A due timer: move the request on if its holder still has not answered; drop the timer either way. */
  async fireTimer(timer: RequestTimer): Promise<'moved-on' | 'not-applicable'> {
    let moved = false;
    await this.change(timer.requestId, async (current, history) => {
      moved = false;
      if (!timerStillApplies(timer, current.request)) return { next: current.request, history: [], outbox: [], timersDone: [timer] };
      moved = true;
      const request = current.request;
      const makerTimer = timer.kind === 'maker-ack';
      const minutes = Math.round((makerTimer ? this.durations.makerAckMs : this.durations.coOwnerClaimMs) / 60_000);
      const change = await planReroute(
        this.deps,
        request,
        history,
        {
          route: rerouteFrom(request, makerTimer ? 'maker' : 'co-owners'),
          actor: { kind: 'system', component: 'sla-scheduler' },
          why: makerTimer
            ? { kind: 'maker-timeout', holder: holderInSentence(request.holder), minutes }
            : { kind: 'co-owners-timeout', minutes },
        },
        this.deps.clock.now(),
      );
      return { ...change, timersDone: [timer] };
    });
    return moved ? 'moved-on' : 'not-applicable';
  }

  /**
   * The outbox gave up on a message. For the maker's card or a co-owner's ping this is the fallback:
   * route again with that person unreachable, in one transaction with the failed message's move.
   */
  async onUndeliverable(pending: PendingDelivery, reason: GiveUpReason, failure: DeliveryFailure): Promise<boolean> {
    const plan = undeliverablePlan(this.deps, pending, reason, failure);
    return plan !== undefined && (await this.change(pending.message.requestId, plan)) !== undefined;
  }

  private change(requestId: string, plan: Plan) {
    return changeRequest(this.deps.changes, requestId, plan);
  }

  private async planAction(
    request: SupportRequest,
    history: readonly RequestHistoryEvent[],
    actor: Extract<HistoryActor, { kind: 'user' }>,
    action: HandlingAction,
  ): Promise<PlannedChange> {
    const now = this.deps.clock.now();
    const seq = String(history.length);
    const person: PersonRef = { aadObjectId: actor.aadObjectId, displayName: actor.displayName };
    const name = person.displayName;
    const posted = async () => {
      const { pending, sent } = await this.deps.outbox.messagesOf(request.id);
      return [...sent, ...pending];
    };
    switch (action.type) {
      case 'acknowledge': {
        const next = afterAction(request, person, action, now);
        return {
          next,
          history: [requestEvent('acknowledged', actor, now, {})],
          outbox: [requesterUpdate(next, seq, text('messages.requests.update.acknowledged', { name }))],
        };
      }
      case 'claim': {
        const next = afterAction(request, person, action, now);
        const solution = request.solution?.name;
        const update = solution
          ? text('messages.requests.update.claimed', { name, solution })
          : text('messages.requests.update.claimedUnnamed', { name });
        return {
          next,
          history: [requestEvent('claimed', actor, now, { by: person })],
          outbox: [
            requesterUpdate(next, seq, update),
            ...cardUpdates(next, await posted(), seq, person.aadObjectId, text('messages.requests.notice.claimed', { name })),
          ],
        };
      }
      case 'resolve': {
        const note = cleanNote(action.note);
        const next = afterAction(request, person, action, now);
        const update = note
          ? text('messages.requests.update.resolvedWithNote', { name, note })
          : text('messages.requests.update.resolved', { name });
        return {
          next,
          history: [requestEvent('resolved', actor, now, note ? { resolution: note } : {})],
          outbox: [
            requesterUpdate(next, seq, update),
            // After the update: "Did that solve your problem?", one tap, counted for the reports.
            satisfactionQuestion(next, name, seq),
            ...cardUpdates(next, await posted(), seq, person.aadObjectId, text('messages.requests.notice.resolved', { name })),
          ],
        };
      }
      case 'hand-to-help-desk':
      case 'stuck':
        return planHandOn(
          this.deps.tickets,
          request,
          seq,
          actor,
          person,
          action.type === 'stuck' ? 'dedicated-team' : 'help-desk',
          cleanNote(action.note),
          await posted(),
          now,
        );
      case 'not-my-solution': {
        const note = cleanNote(action.note);
        const change = await planReroute(
          this.deps,
          request,
          history,
          { route: rerouteFrom(request, 'maker'), actor, why: { kind: 'not-mine', name, solution: request.solution?.name }, note },
          now,
        );
        const flags: CatalogFlag[] = request.solution
          ? [
              {
                solutionId: request.solution.id,
                requestId: request.id,
                reason: 'not-my-solution',
                flaggedBy: person,
                flaggedAt: now.toISOString(),
                ...(note ? { note } : {}),
              },
            ]
          : [];
        const flagEvents = request.solution
          ? [
              requestEvent('catalog-flagged', actor, now, {
                solutionId: request.solution.id,
                reason: 'not-my-solution',
                ...(note ? { note } : {}),
              }),
            ]
          : [];
        return { ...change, history: [...flagEvents, ...change.history], flags };
      }
    }
  }
}
