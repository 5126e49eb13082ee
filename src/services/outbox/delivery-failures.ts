/**
 * A delivery that did not land, written back to the message's row: retry scheduled (attempts, last
 * error, next attempt), failed for good (moved to `fail|`, or handed to the fallback route), or
 * uncertain (moved to `unsure|`: the call may have landed, so it is never made again).
 */
import { isRepeatable, nextStep, type DeliveryFailure } from '../../domain/delivery/delivery-outcome';
import type { PendingDelivery, SentRecord } from '../../domain/delivery/outbox-records';
import type { OutboxStore } from '../../domain/ports/outbox';
import { ConcurrencyConflictError } from '../../domain/ports/storage-errors';
import { limiterKey } from './conversation-queues';
import type { DeliveryContext, Outcome } from './outbox-worker-types';

/** The retry policy's next step for a failed call. */
export async function afterFailure(
  ctx: DeliveryContext,
  pending: PendingDelivery,
  failure: DeliveryFailure,
  original: SentRecord | undefined,
): Promise<Outcome> {
  const message = pending.message;
  const now = ctx.deps.clock.now();
  const step = nextStep(
    failure,
    { counts: pending.counts, now, firstQueuedAt: new Date(message.createdAt), repeatable: isRepeatable(message.target) },
    ctx.retry,
    ctx.random,
  );
  // Teams throttled the conversation, not only this message: everything to it waits for Retry-After.
  if (failure.kind === 'throttled' && step.kind === 'retry') ctx.deps.limiter.pause(limiterKey(message, original), step.at.getTime());
  switch (step.kind) {
    case 'retry':
      await reschedule(ctx, pending, step.counts, step.at, failure);
      return { kind: 'retried' };
    case 'uncertain':
      return markUncertain(ctx, { ...pending, counts: step.counts }, failure, now);
    case 'give-up':
      return giveUp(ctx, { ...pending, counts: step.counts }, step.reason, failure);
  }
}

async function markUncertain(ctx: DeliveryContext, pending: PendingDelivery, failure: DeliveryFailure, at: Date): Promise<Outcome> {
  ctx.deps.log?.warn(
    { messageId: pending.message.id, purpose: pending.message.purpose },
    'outbox message may or may not have been delivered: recorded as uncertain, not sent again',
  );
  try {
    await ctx.deps.store.markUncertain(pending, failure, at);
  } catch (error) {
    if (!(error instanceof ConcurrencyConflictError)) throw error;
  }
  return { kind: 'uncertain' };
}

export async function reschedule(
  ctx: DeliveryContext,
  pending: PendingDelivery,
  counts: PendingDelivery['counts'],
  at: Date,
  failure: DeliveryFailure,
): Promise<void> {
  try {
    await ctx.deps.store.scheduleRetry(pending, counts, at, failure);
  } catch (error) {
    if (!(error instanceof ConcurrencyConflictError)) throw error;
  }
}

export async function giveUp(
  ctx: DeliveryContext,
  pending: PendingDelivery,
  reason: Parameters<OutboxStore['markFailed']>[1],
  failure: DeliveryFailure,
): Promise<{ kind: 'failed' }> {
  ctx.deps.log?.warn(
    { messageId: pending.message.id, purpose: pending.message.purpose, reason, status: failure.status },
    'outbox message failed for good',
  );
  try {
    const handled = (await ctx.deps.undeliverable?.onUndeliverable(pending, reason, failure)) ?? false;
    if (!handled) await ctx.deps.store.markFailed(pending, reason, failure, ctx.deps.clock.now());
  } catch (error) {
    if (!(error instanceof ConcurrencyConflictError)) throw error;
  }
  return { kind: 'failed' };
}
