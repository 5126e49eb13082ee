/**
 * Rows the outbox, its timers and catalog flags keep in a request's shard partition (next to the
 * request, so one entity-group transaction can write them with the change that caused them):
 *
 * - `out|{messageId}`   pending: the OutboxMessage JSON, attempts, throttles, nextAttemptAt, last error,
 *                       and while a call for it is under way, who claimed it and when.
 * - `sent|{messageId}`  delivered: the message and where it landed (conversation id, activity id),
 *                       so a later `update` target can find the card to replace.
 * - `fail|{messageId}`  failed for good: the reason and last error (the admin view lists them).
 * - `unsure|{messageId}` its call may have landed or not: not sent again until an admin resends it
 *                       or dismisses it (the admin view lists them).
 * - `due|{iso}|{requestId}|{kind}`  a timer; a range query up to "now" finds the due ones.
 * - `flag|{solutionId}|{requestId}` "Not my solution": a catalog entry to review (resolution fields
 *                       once an admin dealt with it).
 * - `flagopen|{inverted time}|{requestId}` the open-flags index, newest first: written with the flag,
 *                       deleted with its resolution, so the review list reads only open flags.
 *
 * Pending rows never share a prefix with delivered or failed ones, so the worker's range query
 * reads only work to do.
 */
import { encodeKey } from '../table-keys';

export const OUTBOX_ROW = {
  pending: (messageId: string) => `out|${messageId}`,
  pendingPrefix: 'out|',
  sent: (messageId: string) => `sent|${messageId}`,
  sentPrefix: 'sent|',
  failed: (messageId: string) => `fail|${messageId}`,
  failedPrefix: 'fail|',
  uncertain: (messageId: string) => `unsure|${messageId}`,
  uncertainPrefix: 'unsure|',
  timer: (dueAt: string, requestId: string, kind: string) => `due|${dueAt}|${requestId}|${kind}`,
  timerPrefix: 'due|',
  flag: (solutionId: string, requestId: string) => `flag|${encodeKey(solutionId)}|${requestId}`,
  flagPrefix: 'flag|',
  flagsOfSolutionPrefix: (solutionId: string) => `flag|${encodeKey(solutionId)}|`,
  openFlag: (invertedFlaggedAt: string, requestId: string) => `flagopen|${invertedFlaggedAt}|${requestId}`,
  openFlagPrefix: 'flagopen|',
} as const;

export interface PendingRow {
  partitionKey: string;
  rowKey: string;
  /** The OutboxMessage JSON as UTF-8 bytes, possibly continued in `data_1`… (stored-text.ts); a string in rows written before. */
  data: Uint8Array | string;
  status: string;
  attempts: number;
  throttles?: number;
  nextAttemptAt: string;
  lastError?: string;
  lastStatus?: number;
  /** Set (ISO time, owner) while a call for it is under way; '' once its outcome is recorded. */
  claimedAt?: string;
  claimedBy?: string;
}

export interface SentRow {
  partitionKey: string;
  rowKey: string;
  /** The OutboxMessage JSON as UTF-8 bytes, possibly continued in `data_1`… (stored-text.ts); a string in rows written before. */
  data: Uint8Array | string;
  conversationId: string;
  activityId?: string;
  serviceUrl?: string;
  deliveredAt: string;
  attempts: number;
  throttles: number;
}

export interface FailedRow {
  partitionKey: string;
  rowKey: string;
  /** The OutboxMessage JSON as UTF-8 bytes, possibly continued in `data_1`… (stored-text.ts); a string in rows written before. */
  data: Uint8Array | string;
  reason: string;
  lastError: string;
  lastStatus?: number;
  failedAt: string;
  attempts: number;
  throttles: number;
}

export interface UncertainRow {
  partitionKey: string;
  rowKey: string;
  data: string;
  attemptedAt: string;
  recordedAt: string;
  lastError: string;
  attempts: number;
  throttles: number;
}

export interface TimerRow {
  partitionKey: string;
  rowKey: string;
  requestId: string;
  kind: string;
  dueAt: string;
}

export interface FlagRow {
  partitionKey: string;
  rowKey: string;
  solutionId: string;
  requestId: string;
  reason: string;
  /** UTF-8 bytes (stored-text.ts); a string in rows written before. */
  note?: Uint8Array | string;
  flaggedBy: string;
  flaggedAt: string;
  resolvedAt?: string;
  /** JSON PersonRef of the admin. */
  resolvedBy?: string;
  resolution?: Uint8Array | string;
}
