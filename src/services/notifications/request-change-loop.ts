/**
 * Read, plan, write with the ETag; on a conflict read again and plan again. Every change to a
 * request after submission goes through here: the request row, its history and the outbox messages
 * it causes in one transaction (RequestChangeStore.apply).
 */
import { ConcurrencyConflictError } from '../../domain/ports/storage-errors';
import type { RequestHistoryEvent } from '../../domain/history';
import type { RequestChange, RequestChangeStore } from '../../domain/ports/request-changes';
import type { StoredRequest } from '../../domain/ports/requests';

/** A change to compute from the current request; undefined = nothing to write. */
export type PlannedChange = Omit<RequestChange, 'stored' | 'historyOffset'>;
export type Plan = (stored: StoredRequest, history: readonly RequestHistoryEvent[]) => Promise<PlannedChange | undefined>;

const MAX_CONFLICT_RETRIES = 5;

/** Returns the request as it ended (undefined when there is none). */
export async function changeRequest(changes: RequestChangeStore, requestId: string, plan: Plan): Promise<StoredRequest | undefined> {
  for (let attempt = 0; ; attempt++) {
    const stored = await changes.get(requestId);
    if (stored === undefined) return undefined;
    const history = await changes.history(requestId);
    const planned = await plan(stored, history);
    if (planned === undefined) return stored;
    try {
      await changes.apply({ ...planned, stored, historyOffset: history.length });
      return { request: planned.next, etag: '' };
    } catch (error) {
      if (!(error instanceof ConcurrencyConflictError) || attempt >= MAX_CONFLICT_RETRIES) throw error;
    }
  }
}
