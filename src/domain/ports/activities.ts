/**
 * Records of the activities being handled or handled already (storage/activities/table-activity-log.ts),
 * and of the ones applied with a change (storage/cases/activity-rows.ts): see services/activities/.
 */
import type { ActivityClaim } from '../activity-ref';

export interface ActivityLog {
  /** Records the activity as in progress; if it is recorded already, says how it stands. */
  begin(key: string, now: Date, expiresAt: string): Promise<ActivityClaim>;
  /** Claims a record left in progress, with its ETag; the new ETag, or undefined if someone else did first. */
  takeOver(key: string, etag: string, now: Date, expiresAt: string): Promise<string | undefined>;
  /** Marks it done (nothing if someone took it over meanwhile). */
  finish(key: string, etag: string): Promise<void>;
  /** Forgets it, so a retry is handled again. */
  release(key: string): Promise<void>;
  /**
   * Records it as done without an earlier `begin` (a message whose own effect is its claim, as a
   * "new request" whose draft is named after the activity: services/intake/intake-start.ts).
   */
  markDone(key: string, now: Date, expiresAt: string): Promise<void>;
}

/** A store of activity records that can delete its expired ones; returns how many went. */
export interface ExpiringRecords {
  sweepExpired(now: Date): Promise<number>;
}
