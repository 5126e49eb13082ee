/**
 * A time budget for every storage call, retries included. Without one, a storage account that
 * stops answering (a paused Azurite, a hung connection, a failover) holds a turn for as long as the
 * TCP connection lives: Teams needs an invoke answered within a few seconds, so past the budget the
 * call fails with StorageTimeoutError (a StorageUnavailableError) and the user gets the storage-down
 * answer.
 *
 * It is a per-call pipeline policy on every client (TableService adds it), so it covers each
 * operation, each page of a query and each transaction without touching their call sites: it runs
 * once per call, before the SDK's retry policy, and gives the request an abort signal that fires
 * when the budget is spent. The SDK stops retrying, cancels the attempt in flight, and cancels any
 * wait between attempts.
 *
 * Why reporting a timed-out write as failed is safe: the write may still have been applied (the
 * service got the request; only the answer was late), but never in part. Every write is one entity
 * operation or one entity-group transaction, which Table Storage applies all or nothing. And every
 * write is safe to try again: creates fail with 409 once they exist (callers read the existing row
 * back, e.g. a request on its intake id), updates carry the ETag they read and fail with 412 once
 * the first one landed (callers read again and decide again), and the rest are upserts of the same
 * value. So the user's "try again" finds either nothing or the whole change, never half of it; only
 * an append decided again (a note) could land twice, unless it is idempotent on the activity id.
 */
import type { TableServiceClientOptions } from '@azure/data-tables';
import { StorageTimeoutError } from '../domain/ports/storage-errors';

type AdditionalPolicy = NonNullable<TableServiceClientOptions['additionalPolicies']>[number];
type PipelinePolicy = AdditionalPolicy['policy'];

/** What a turn may spend on one storage call: well inside the few seconds Teams gives an invoke. */
export const DEFAULT_STORAGE_TIMEOUT_MS = 3_000;

export function deadlinePolicy(timeoutMs: number): AdditionalPolicy {
  const policy: PipelinePolicy = {
    name: 'storageDeadlinePolicy',
    async sendRequest(request, next) {
      const controller = new AbortController();
      const callerSignal = request.abortSignal;
      const forward = (): void => controller.abort();
      if (callerSignal?.aborted) controller.abort();
      else callerSignal?.addEventListener('abort', forward);
      let expired = false;
      const timer = setTimeout(() => {
        expired = true;
        controller.abort();
      }, timeoutMs);
      request.abortSignal = controller.signal;
      try {
        return await next(request);
      } catch (error) {
        throw expired ? new StorageTimeoutError(timeoutMs, error) : error;
      } finally {
        clearTimeout(timer);
        callerSignal?.removeEventListener('abort', forward);
        request.abortSignal = callerSignal;
      }
    },
  };
  return { policy, position: 'perCall' };
}
