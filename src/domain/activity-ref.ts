/**
 * Which incoming activity asked for a change. Teams redelivers an activity it got no timely answer
 * for, and a redelivery carries the same id: services record the activity's key with the change it
 * made (in the same transaction), so a second delivery is answered with the current state instead of
 * being applied again. The key is made by the Teams layer from the signed activity (tenant,
 * conversation and activity id, hashed): never from card data.
 */
import type { Text } from './text';

export interface ActivityRef {
  /** 32 lowercase hex characters. */
  readonly key: string;
}

/** What is kept of an applied activity, next to the change it made: what the person was told. */
export interface ActivityRecord {
  readonly key: string;
  /** The line the actor saw ("Note added…"), as words to render; a redelivery is answered with it. */
  readonly outcome: Text;
  /** ISO-8601; after this the record may be swept. */
  readonly expiresAt: string;
}

/** How a message activity stands in the record of activities being handled (see services/activities). */
export type ActivityClaim =
  | { readonly kind: 'claimed'; readonly etag: string }
  | { readonly kind: 'in-progress'; readonly claimedAt: string; readonly etag: string }
  | { readonly kind: 'done' };

/**
 * How long an activity is remembered. Teams retries an unanswered activity within about a minute
 * (first after ~15 s); an hour is ample for that, and keeps the records few (they are swept after).
 */
export const ACTIVITY_MEMORY_MS = 60 * 60_000;

const KEY = /^[0-9a-f]{32}$/;

export function isActivityKey(value: unknown): value is string {
  return typeof value === 'string' && KEY.test(value);
}

export function activityRecord(ref: ActivityRef, outcome: Text, now: Date): ActivityRecord {
  return { key: ref.key, outcome, expiresAt: new Date(now.getTime() + ACTIVITY_MEMORY_MS).toISOString() };
}

/**
 * A UUID named by the activity (RFC 4122 layout with the name-based version 5 and variant bits set):
 * the same activity always names the same thing, so a redelivered "new request" finds the draft the
 * first delivery created instead of starting another.
 */
export function uuidOfActivity(ref: ActivityRef): string {
  if (!isActivityKey(ref.key)) throw new RangeError('not an activity key');
  const hex = ref.key;
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The most recent activity keys a single entity keeps (drafts): bounded, newest last. */
export const RECENT_ACTIVITY_KEYS = 8;

export function withRecentActivity(recent: readonly string[] | undefined, ref: ActivityRef | undefined): readonly string[] | undefined {
  if (!ref) return recent;
  return [...(recent ?? []).filter((k) => k !== ref.key), ref.key].slice(-RECENT_ACTIVITY_KEYS);
}
