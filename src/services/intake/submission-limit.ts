/**
 * The per-person submission limit, shared by every instance: the person's recent submissions are one
 * stored record, read and written back with its ETag. Checked at Submit before anything else is
 * written; a Submit that is refused changes nothing (the draft stays as it is).
 */
import { decideSubmission, type SubmissionPolicy } from '../../domain/intake/submission-limit';
import type { SubmissionLogStore } from '../../domain/ports/submission-log';
import { ConcurrencyConflictError } from '../../domain/ports/storage-errors';

export type Reservation = { readonly allowed: true } | { readonly allowed: false; readonly retryAt: Date };

/** Attempts when several Submits of one person race for the same record. */
const MAX_ATTEMPTS = 5;

export class SubmissionLimit {
  constructor(
    private readonly store: SubmissionLogStore,
    readonly policy: SubmissionPolicy,
  ) {}

  /** Counts `requestId` against the requester's limit, or says when they may submit again. */
  async reserve(requesterId: string, requestId: string, now: Date): Promise<Reservation> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.store.read(requesterId);
      const decision = decideSubmission(current?.records ?? [], requestId, now, this.policy);
      if (!decision.allowed) return { allowed: false, retryAt: decision.retryAt };
      if (!decision.counted) return { allowed: true };
      try {
        await this.store.write(requesterId, decision.records, current?.etag);
        return { allowed: true };
      } catch (error) {
        // Another Submit of theirs wrote first: count again on what it wrote.
        if (!(error instanceof ConcurrencyConflictError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }
}
