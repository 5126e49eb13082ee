/**
 * Timers that move a request on when nobody answers: stored next to the request (never a
 * per-process setTimeout), fired by whichever instance holds the shard's timer lease.
 */
export const TIMER_KINDS = ['maker-ack', 'co-owner-claim'] as const;
export type TimerKind = (typeof TIMER_KINDS)[number];

export interface RequestTimer {
  readonly requestId: string;
  readonly kind: TimerKind;
  /** ISO-8601 instant at which it fires. */
  readonly dueAt: string;
}

export interface TimerDurations {
  /** No "I'm on it" from the maker within this → co-owners (or the help desk). */
  readonly makerAckMs: number;
  /** No claim from a co-owner within this → the help desk. */
  readonly coOwnerClaimMs: number;
}

export const DEFAULT_TIMER_DURATIONS: TimerDurations = { makerAckMs: 4 * 3_600_000, coOwnerClaimMs: 8 * 3_600_000 };

/** The timer that delivering a message starts, if any: the clock runs from when they were told. */
export function timerForDelivery(
  purpose: string,
  requestId: string,
  deliveredAt: Date,
  durations: TimerDurations,
): RequestTimer | undefined {
  const at = (ms: number) => new Date(deliveredAt.getTime() + ms).toISOString();
  if (purpose === 'maker-notification') return { requestId, kind: 'maker-ack', dueAt: at(durations.makerAckMs) };
  if (purpose === 'co-owner-ping') return { requestId, kind: 'co-owner-claim', dueAt: at(durations.coOwnerClaimMs) };
  return undefined;
}

/** Whether a timer still guards the request: its holder has not answered since. */
export function timerStillApplies(
  timer: Pick<RequestTimer, 'kind'>,
  request: { readonly status: string; readonly holder: { readonly kind: string; readonly claimedBy?: unknown } },
): boolean {
  if (timer.kind === 'maker-ack') return request.holder.kind === 'maker' && request.status === 'open';
  return request.holder.kind === 'co-owners' && request.holder.claimedBy === undefined && request.status === 'open';
}
