/**
 * What happened when the outbox tried to deliver a message, and what to do next: pure rules over
 * the connector's answer, so the worker never branches on raw status codes or messages.
 */
import type { OutboxTarget } from '../outbox-message';

export type DeliveryFailureKind =
  /** 429: over Teams' limits. Never counted as delivered, retried after Retry-After. */
  | 'throttled'
  /**
   * 412, 5xx, connection refused or reset: retried with exponential backoff and jitter (Teams'
   * guidance; a reset in the middle of a call could in theory follow a call that landed).
   */
  | 'transient'
  /** 408, or the connection timed out: the connector did not take the call. Retried like a transient failure. */
  | 'timeout'
  /**
   * No answer within the sender's hard limit (CALL_LIMIT_MS), or a call whose instance stopped before
   * recording its outcome: it may have landed or not. See CALL_LIMIT_MS for what happens next.
   */
  | 'uncertain'
  /** 403 / 404: the person cannot be messaged (app not installed, account gone). Final; takes the fallback route. */
  | 'unreachable'
  /** 400, 401, 413…: retrying cannot help. Final. */
  | 'rejected'
  /** Nothing to deliver to yet (no registered channel, no known service URL, original not posted yet). */
  | 'not-ready';

/**
 * How long the sender waits for one call to the Bot Connector before the outcome counts as unknown.
 *
 * The Bot Connector has no idempotency key for a new message: a call abandoned at a short timeout may
 * still land, and sending again then makes a second copy (measured: 2 duplicates in 53 notifications
 * with a 15 s timeout). The connector can be slow but honest for up to about 30 s, so the sender waits
 * for the answer, with a hard limit comfortably above that; meanwhile the conversation's later
 * messages wait behind it, so their order holds. Past the limit, a new message (DM, channel post) is
 * not sent again blindly: it is recorded as uncertain, counted and listed in the outbox status for an
 * admin to decide (resend or dismiss). A card update replaces the same activity with the same card,
 * so sending it twice is harmless: it is retried like a transient failure.
 */
export const CALL_LIMIT_MS = 45_000;

/** Whether delivering a message twice has the effect of delivering it once (a card update: PUT of the same activity). */
export function isRepeatable(target: OutboxTarget): boolean {
  return target.kind === 'update';
}

export interface DeliveryFailure {
  readonly kind: DeliveryFailureKind;
  readonly status?: number;
  /** From the Retry-After header of a 429, in ms. */
  readonly retryAfterMs?: number;
  /** Short, safe description for logs and the admin view (never message content). */
  readonly detail: string;
}

/** Where a delivered message landed: what a later `update` of it needs. */
export interface DeliveryReceipt {
  readonly conversationId: string;
  readonly activityId?: string;
  readonly serviceUrl?: string;
}

export type DeliveryResult = ({ readonly ok: true } & DeliveryReceipt) | ({ readonly ok: false } & DeliveryFailure);

/** The failure kind an HTTP status from the Bot Connector means. */
export function failureKindOfStatus(status: number): DeliveryFailureKind {
  if (status === 429) return 'throttled';
  if (status === 403 || status === 404) return 'unreachable';
  if (status === 408) return 'timeout';
  if (status === 412 || status === 502 || status === 503 || status === 504 || status === 500) return 'transient';
  if (status >= 500) return 'transient';
  return 'rejected';
}

/** Retry-After is either seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined | null, nowMs: number): number | undefined {
  if (value === undefined || value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

export interface RetryPolicyOptions {
  /** First backoff delay (ms); doubles with each attempt. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Transient failures and timeouts tolerated before the message is given up (failed-final). */
  readonly maxAttempts: number;
  /** 429s tolerated before giving up: they are not the message's fault, so the budget is larger. */
  readonly maxThrottles: number;
  /** Retry-After when a 429 carries none. */
  readonly defaultRetryAfterMs: number;
  /** "Not ready yet" is re-checked at this pace, for this long, before the message is given up. */
  readonly notReadyDelayMs: number;
  readonly notReadyGiveUpMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicyOptions = {
  baseDelayMs: 1_000,
  maxDelayMs: 5 * 60_000,
  maxAttempts: 8,
  maxThrottles: 50,
  defaultRetryAfterMs: 1_000,
  notReadyDelayMs: 60_000,
  notReadyGiveUpMs: 7 * 24 * 3_600_000,
};

/** How many times a message was tried, by kind of failure (stored on its outbox row). */
export interface AttemptCounts {
  readonly attempts: number;
  readonly throttles: number;
}

export type NextStep =
  | { readonly kind: 'retry'; readonly at: Date; readonly counts: AttemptCounts }
  | {
      readonly kind: 'give-up';
      readonly reason: 'unreachable' | 'rejected' | 'too-many-attempts' | 'never-ready';
      readonly counts: AttemptCounts;
    }
  /** The call may have landed and sending again could make a second copy: an admin decides. */
  | { readonly kind: 'uncertain'; readonly counts: AttemptCounts };

/** The message a failure happened to, as far as the next step depends on it. */
export interface AttemptContext {
  readonly counts: AttemptCounts;
  readonly now: Date;
  /** When the message was first queued ("not ready" is given up after a while). */
  readonly firstQueuedAt: Date;
  /** Delivering it twice is harmless (see isRepeatable). */
  readonly repeatable: boolean;
}

/**
 * What to do after a failure. `random` is in [0, 1) (injected for tests). Backoff is exponential with
 * "equal jitter": half the delay fixed, half random, so many retries never synchronise.
 */
export function nextStep(
  failure: DeliveryFailure,
  attempt: AttemptContext,
  policy: RetryPolicyOptions = DEFAULT_RETRY_POLICY,
  random: () => number = Math.random,
): NextStep {
  const { counts, now, firstQueuedAt } = attempt;
  const at = (ms: number) => new Date(now.getTime() + Math.max(0, Math.round(ms)));
  switch (failure.kind) {
    case 'unreachable':
      return { kind: 'give-up', reason: 'unreachable', counts: { ...counts, attempts: counts.attempts + 1 } };
    case 'rejected':
      return { kind: 'give-up', reason: 'rejected', counts: { ...counts, attempts: counts.attempts + 1 } };
    case 'throttled': {
      const next = { ...counts, throttles: counts.throttles + 1 };
      if (next.throttles > policy.maxThrottles) return { kind: 'give-up', reason: 'too-many-attempts', counts: next };
      const wait = failure.retryAfterMs ?? policy.defaultRetryAfterMs;
      // Honour Retry-After exactly, plus up to 10% jitter so throttled senders don't return together.
      return { kind: 'retry', at: at(wait + random() * Math.max(50, wait * 0.1)), counts: next };
    }
    case 'uncertain':
      if (!attempt.repeatable) return { kind: 'uncertain', counts: { ...counts, attempts: counts.attempts + 1 } };
      return backOff(counts, policy, random, at);
    case 'transient':
    case 'timeout':
      return backOff(counts, policy, random, at);
    case 'not-ready':
      if (now.getTime() - firstQueuedAt.getTime() > policy.notReadyGiveUpMs) return { kind: 'give-up', reason: 'never-ready', counts };
      return { kind: 'retry', at: at(policy.notReadyDelayMs * (0.5 + random() / 2)), counts };
  }
}

function backOff(counts: AttemptCounts, policy: RetryPolicyOptions, random: () => number, at: (ms: number) => Date): NextStep {
  const next = { ...counts, attempts: counts.attempts + 1 };
  if (next.attempts >= policy.maxAttempts) return { kind: 'give-up', reason: 'too-many-attempts', counts: next };
  return { kind: 'retry', at: at(backoffMs(next.attempts, policy, random)), counts: next };
}

/** Exponential backoff with equal jitter for the n-th failed attempt (n ≥ 1). */
export function backoffMs(
  attempt: number,
  policy: Pick<RetryPolicyOptions, 'baseDelayMs' | 'maxDelayMs'>,
  random: () => number = Math.random,
): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return exp / 2 + random() * (exp / 2);
}
