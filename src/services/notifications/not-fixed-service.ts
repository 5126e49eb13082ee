/**
 * "No, not fixed" on the satisfaction question: authorised from storage (only the requester, only
 * while the request is resolved), applied in one transaction (request-change-loop.ts) with the
 * activity's key, so a redelivered tap is answered with what was done and not applied again; a
 * second tap (a new activity) finds the request no longer resolved and acts on nothing.
 */
import { activityRecord, type ActivityRef } from '../../domain/activity-ref';
import type { PersonRef } from '../../domain/history';
import type { StoredRequest } from '../../domain/ports/requests';
import type { Text } from '../../domain/text';
import { changeRequest } from './request-change-loop';
import type { RequestHandlingDeps } from './request-handling-deps';
import { planNotFixed } from './not-fixed';

export type NotFixedResult =
  | { readonly kind: 'acted'; readonly outcome: Text; readonly stored: StoredRequest }
  | { readonly kind: 'replayed'; readonly outcome: Text; readonly stored: StoredRequest }
  | { readonly kind: 'unknown' | 'not-yours' | 'not-resolved' };

export class NotFixedService {
  constructor(private readonly deps: Pick<RequestHandlingDeps, 'changes' | 'outbox' | 'clock' | 'tickets'>) {}

  async notFixed(actor: PersonRef, requestId: string, activity?: ActivityRef): Promise<NotFixedResult> {
    // Set by the plan (which may run again on a conflict): what the last run decided.
    const seen: { result: 'acted' | 'replayed' | 'not-yours' | 'not-resolved'; outcome?: Text } = { result: 'not-resolved' };
    const stored = await changeRequest(this.deps.changes, requestId, async (current, history) => {
      const request = current.request;
      if (request.requester.aadObjectId.toLowerCase() !== actor.aadObjectId.toLowerCase()) {
        seen.result = 'not-yours';
        return undefined;
      }
      const applied = activity ? await this.deps.changes.activity(requestId, activity.key) : undefined;
      if (applied) {
        seen.result = 'replayed';
        seen.outcome = applied.outcome;
        return undefined;
      }
      if (request.status !== 'resolved') {
        seen.result = 'not-resolved';
        return undefined;
      }
      const now = this.deps.clock.now();
      const { pending, sent } = await this.deps.outbox.messagesOf(requestId);
      const person = { aadObjectId: actor.aadObjectId.toLowerCase(), displayName: actor.displayName };
      const plan = await planNotFixed(this.deps.tickets, request, history, person, [...sent, ...pending], now);
      seen.result = 'acted';
      seen.outcome = plan.outcome;
      return { ...plan.change, ...(activity ? { activity: activityRecord(activity, plan.outcome, now) } : {}) };
    });
    if (stored === undefined) return { kind: 'unknown' };
    const { result, outcome } = seen;
    if ((result === 'acted' || result === 'replayed') && outcome) return { kind: result, outcome, stored };
    return { kind: result === 'not-yours' ? 'not-yours' : 'not-resolved' };
  }
}
