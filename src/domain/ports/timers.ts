/** The request timers (no acknowledgement, no claim) kept in each request's shard (storage/outbox/table-outbox-store.ts). */
import type { RequestTimer } from '../notifications/request-timers';

export interface TimerStore {
  /** Timers of a shard due at `now` or before, oldest first. */
  dueTimers(shard: number, now: Date, limit: number): Promise<RequestTimer[]>;
  /** Nothing happens if it is gone already. */
  deleteTimer(timer: RequestTimer): Promise<void>;
}
