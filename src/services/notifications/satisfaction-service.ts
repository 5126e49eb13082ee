/**
 * "Did that solve your problem?": asked of the requester once a maker or co-owners resolved their
 * request (an outbox message written with the resolution, request-handling-service.ts), answered
 * with one tap, recorded once (the first answer counts) for the reports. Only the requester, from
 * storage, may answer, and only while the request is resolved.
 */
import type { ActivityRef } from '../../domain/activity-ref';
import type { PersonRef } from '../../domain/history';
import type { SupportRequest } from '../../domain/intake/support-request';
import type { OutboxMessage } from '../../domain/outbox-message';
import type { Clock } from '../../domain/ports/clock';
import type { RequestRepository } from '../../domain/ports/requests';
import type { SatisfactionAnswer, SatisfactionRating, SatisfactionStore } from '../../domain/ports/satisfaction';
import { text } from '../../domain/text';
import { cardAnswer, messageAnswer, type Answer } from '../../presentation/answer';
import { satisfactionCard } from '../../presentation/satisfaction-cards';
import type { NotFixedService } from './not-fixed-service';
import { message } from './route-messages';

/** The question, sent to the requester with the resolution (`seq` is the resolution's change). */
export function satisfactionQuestion(resolved: SupportRequest, resolvedBy: string, seq: string): OutboxMessage {
  const requester = resolved.requester;
  return message(
    resolved,
    'requester-update',
    { kind: 'user', aadObjectId: requester.aadObjectId, displayName: requester.displayName },
    satisfactionCard(resolved, resolvedBy),
    `${seq}.satisfaction`,
  );
}

export class SatisfactionService {
  constructor(
    private readonly deps: {
      readonly requests: Pick<RequestRepository, 'get'>;
      readonly answers: SatisfactionStore;
      readonly clock: Clock;
      /** "No" acts: back to whoever resolved it, then on to the help desk (not-fixed.ts). */
      readonly notFixed: NotFixedService;
    },
  ) {}

  async answer(actor: PersonRef, requestId: string, rating: SatisfactionRating, activity?: ActivityRef): Promise<Answer> {
    const stored = await this.deps.requests.get(requestId);
    if (!stored) return messageAnswer(text('followup.satisfaction.unknown'));
    const request = stored.request;
    if (request.requester.aadObjectId.toLowerCase() !== actor.aadObjectId.toLowerCase())
      return messageAnswer(text('followup.satisfaction.notYours'));
    const previous = await this.deps.answers.get(requestId);
    // "Not fixed" acts unless the first answer was "solved" (a later resolution asks again).
    if (rating === 'not-satisfied' && previous?.rating !== 'satisfied') return this.notFixed(actor, request, previous, activity);
    // "Solved" after a new resolution that followed a "not fixed": thanked; the reports keep the first answer.
    if (rating === 'satisfied' && previous?.rating === 'not-satisfied' && request.status === 'resolved')
      return cardAnswer(satisfactionCard(request, resolverName(request), rating, text('followup.notFixed.solvedAfter')));
    if (previous)
      return cardAnswer(satisfactionCard(request, resolverName(request), previous.rating, text('followup.satisfaction.already')));
    if (request.status !== 'resolved') return messageAnswer(text('followup.satisfaction.notResolved'));
    const recorded = await this.record(actor, request, rating);
    const kept = recorded ? rating : ((await this.deps.answers.get(requestId))?.rating ?? rating);
    const notice = text(recorded ? 'followup.satisfaction.thanks' : 'followup.satisfaction.already');
    return cardAnswer(satisfactionCard(request, resolverName(request), kept, notice));
  }

  private async notFixed(
    actor: PersonRef,
    request: SupportRequest,
    previous: SatisfactionAnswer | undefined,
    activity: ActivityRef | undefined,
  ): Promise<Answer> {
    const result = await this.deps.notFixed.notFixed(actor, request.id, activity);
    switch (result.kind) {
      case 'unknown':
        return messageAnswer(text('followup.satisfaction.unknown'));
      case 'not-yours':
        return messageAnswer(text('followup.satisfaction.notYours'));
      case 'not-resolved':
        // A second tap: the first one moved the request on already.
        return previous
          ? cardAnswer(satisfactionCard(request, resolverName(request), previous.rating, text('followup.satisfaction.already')))
          : messageAnswer(text('followup.satisfaction.notResolved'));
      case 'acted':
      case 'replayed':
        // Counted for the reports once, the first answer; a redelivery records it if the first write was lost.
        if (!previous) await this.record(actor, result.stored.request, 'not-satisfied');
        return cardAnswer(satisfactionCard(request, resolverName(request), 'not-satisfied', result.outcome));
    }
  }

  private record(actor: PersonRef, request: SupportRequest, rating: SatisfactionRating): Promise<boolean> {
    return this.deps.answers.record({
      requestId: request.id,
      rating,
      by: { aadObjectId: actor.aadObjectId.toLowerCase(), displayName: actor.displayName },
      at: this.deps.clock.now().toISOString(),
      ...(request.solution ? { solutionId: request.solution.id } : {}),
    });
  }
}

/** Who resolved it, as the question named them: the maker, or the co-owner who claimed it. */
export function resolverName(request: SupportRequest): string {
  const holder = request.holder;
  if (holder.kind === 'maker') return holder.person.displayName;
  if (holder.kind === 'co-owners') return holder.claimedBy?.displayName ?? holder.people.map((p) => p.displayName).join(', ');
  return '';
}
