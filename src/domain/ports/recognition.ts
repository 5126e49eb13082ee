/**
 * The makers' recognition (issue 17): each person's choice about the monthly thank-you card, and the
 * record that a month's card was sent (storage/recognition/).
 */
import type { OutboxMessage } from '../outbox-message';
import type { Month } from '../recognition/recognition-month';
import type { Thanks } from '../recognition/thanks';
import type { Versioned } from './versioned';

export interface RecognitionChoice {
  /** True: no thank-you cards, and never named "most helpful". */
  readonly optedOut: boolean;
  readonly changedAt: string;
}

/** At most this many opted-out people are read at once (a bound, far above any tenant's makers who opt out). */
export const MAX_OPTED_OUT = 5000;

export interface RecognitionChoices {
  read(aadObjectId: string): Promise<(RecognitionChoice & Versioned) | undefined>;
  /** Creates (etag undefined) or replaces the version read; ConcurrencyConflictError when it changed since. */
  write(aadObjectId: string, choice: RecognitionChoice, etag: string | undefined): Promise<void>;
  /** Every opted-out person's Entra object id (lower case), at most MAX_OPTED_OUT. */
  optedOut(): Promise<ReadonlySet<string>>;
}

export interface ThanksRecords {
  /**
   * Records the thanks with its DM in one transaction, once per person and month: false when it was
   * recorded already (by this instance or another), and then nothing is written.
   */
  record(thanks: Thanks, messages: readonly OutboxMessage[]): Promise<boolean>;
  /** True once a month's run went through every person (later runs of the month do nothing). */
  monthDone(month: Month): Promise<boolean>;
  markMonthDone(month: Month, at: Date): Promise<void>;
}
