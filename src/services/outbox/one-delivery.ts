/**
 * One pending message, one attempt: checks, the call to Teams, and its outcome written back to the
 * message's row. A new message (DM, channel post) is called for at most once: its row is claimed with
 * its ETag right before the call, so no other worker (a shard taken over, a restart) calls for it again
 * meanwhile; a claim whose outcome was never recorded makes the message uncertain.
 */
import { isRepeatable, type DeliveryResult } from '../../domain/delivery/delivery-outcome';
import type { PendingDelivery, SentRecord } from '../../domain/delivery/outbox-records';
import { timerForDelivery } from '../../domain/notifications/request-timers';
import { ConcurrencyConflictError } from '../../domain/ports/storage-errors';
import { limiterKey } from './conversation-queues';
import { afterFailure, giveUp, reschedule } from './delivery-failures';
import type { DeliveryContext, Outcome, Work } from './outbox-worker-types';
import type { Allowance, TenantAllowance } from './tenant-allowance';

/** An update waits this long for the card it replaces to be posted. */
const ORIGINAL_PENDING_DELAY_MS = 1_000;

export async function deliverOne(ctx: DeliveryContext, work: Work): Promise<Outcome> {
  const { deps } = ctx;
  let pending = work.pending;
  const message = pending.message;
  if (pending.inFlight) {
    // Claimed for a call whose outcome was never recorded (the worker making it stopped): it may have landed.
    const { since, by } = pending.inFlight;
    return afterFailure(
      ctx,
      pending,
      { kind: 'uncertain', detail: `a call started at ${since} by ${by} never recorded its outcome` },
      undefined,
    );
  }
  let original: SentRecord | undefined;
  if (message.target.kind === 'update') {
    // Pending first, then sent: a message only ever moves pending → sent, so this order cannot miss it.
    if (await deps.store.isPending(message.requestId, message.target.messageId)) {
      // The card it replaces is not posted yet: look again shortly, without counting an attempt.
      await reschedule(ctx, pending, pending.counts, new Date(deps.clock.now().getTime() + ORIGINAL_PENDING_DELAY_MS), {
        kind: 'not-ready',
        detail: 'the card to update is not posted yet',
      });
      return { kind: 'deferred', waitMs: ORIGINAL_PENDING_DELAY_MS, noWait: true };
    }
    original = await deps.store.sentRecord(message.requestId, message.target.messageId);
    if (original === undefined)
      return giveUp(ctx, pending, 'no-original', {
        kind: 'not-ready',
        detail: 'the card to update was never posted (or its delivery is uncertain)',
      });
  }

  const prepared = deps.sender.prepare ? await deps.sender.prepare(message, original) : () => deps.sender.send(message, original);
  let result: DeliveryResult;
  if (typeof prepared === 'function') {
    // Checked before every call, not once per run: a worker whose lease renewals failed stops here,
    // before another instance may take the shard over.
    if (!ctx.holds(work.shard)) return { kind: 'deferred', waitMs: ctx.pollMs, noWait: true };
    const key = limiterKey(message, original);
    // The conversation's limits first (nothing else calls it meanwhile: one queue per conversation).
    const waitMs = deps.limiter.waitMs(key, ctx.tenantKey, deps.clock.now().getTime());
    if (waitMs > 0) return { kind: 'deferred', waitMs };
    const claimed = !isRepeatable(message.target);
    if (claimed) {
      const at = deps.clock.now();
      try {
        pending = await deps.store.claim(pending, ctx.owner, at, new Date(at.getTime() + ctx.claimMs));
      } catch (error) {
        if (!(error instanceof ConcurrencyConflictError)) throw error;
        return { kind: 'deferred', waitMs: ctx.pollMs, noWait: true }; // another worker has it
      }
    }
    // Then the tenant's instant, shared by every instance (tenant-allowance.ts), last: after the claim's
    // write, so the call is made at its instant and not a storage round-trip later.
    const share = deps.tenantAllowance ? await takeOrUnclaim(ctx, deps.tenantAllowance, pending, claimed) : undefined;
    if (share && !share.ok) return { kind: 'deferred', waitMs: share.waitMs };
    const permit = deps.limiter.tryAcquire(key, ctx.tenantKey, deps.clock.now().getTime());
    if (!permit.ok) {
      if (share?.ok) deps.tenantAllowance?.giveBack(share.atMs);
      if (claimed) await unclaim(ctx, pending, permit.waitMs);
      return { kind: 'deferred', waitMs: permit.waitMs };
    }
    result = await prepared();
  } else {
    result = prepared;
  }
  if (!result.ok) return afterFailure(ctx, pending, result, original);
  const at = deps.clock.now();
  const receipt = { conversationId: result.conversationId, activityId: result.activityId, serviceUrl: result.serviceUrl };
  const timer = message.target.kind === 'user' ? timerForDelivery(message.purpose, message.requestId, at, ctx.timers) : undefined;
  try {
    await deps.store.markSent(pending, receipt, at, timer);
  } catch (error) {
    if (!(error instanceof ConcurrencyConflictError)) throw error;
    // Another worker moved it meanwhile (only possible past the claim, or for an update).
    deps.log?.warn({ messageId: message.id }, 'outbox message moved by another worker while being delivered');
  }
  return { kind: 'delivered' };
}

/** The tenant's instant for a claimed call; if none comes in time (or storage fails), the claim is given up first. */
async function takeOrUnclaim(
  ctx: DeliveryContext,
  allowance: TenantAllowance,
  pending: PendingDelivery,
  claimed: boolean,
): Promise<Allowance> {
  let share: Allowance;
  try {
    share = await allowance.takeWithin();
  } catch (error) {
    if (claimed) await unclaim(ctx, pending, 0);
    throw error;
  }
  if (!share.ok && claimed) await unclaim(ctx, pending, share.waitMs);
  return share;
}

/**
 * The claim given up: no call was made. If that fails too, the claim runs out and the message comes
 * back as uncertain (never sent twice), as after a crash.
 */
async function unclaim(ctx: DeliveryContext, pending: PendingDelivery, waitMs: number): Promise<void> {
  try {
    await ctx.deps.store.unclaim(pending, new Date(ctx.deps.clock.now().getTime() + waitMs));
  } catch (error) {
    ctx.deps.log?.warn({ err: error, messageId: pending.message.id }, 'outbox claim not given up; the message will be uncertain');
  }
}
