/** Each person's recent submissions, for the per-person limit (storage/intake/table-submission-log.ts). */
import type { SubmissionRecord } from '../intake/submission-limit';

export interface SubmissionLogStore {
  read(requesterId: string): Promise<{ readonly records: readonly SubmissionRecord[]; readonly etag: string } | undefined>;
  /** Creates the record when `etag` is undefined, else replaces it if unchanged; ConcurrencyConflictError otherwise. */
  write(requesterId: string, records: readonly SubmissionRecord[], etag: string | undefined): Promise<void>;
}
