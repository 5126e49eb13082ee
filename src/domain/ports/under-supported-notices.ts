/** The under-supported solutions found each period (storage/governance/table-under-supported-notices.ts). */
import type { UnderSupportedNotice } from '../governance/under-supported';
import type { OutboxMessage } from '../outbox-message';

export interface UnderSupportedNotices {
  /**
   * Records the notice with its DM (if any) in one transaction, once per solution and period: false
   * when it was recorded already (by this instance or another), and then nothing is written.
   */
  record(notice: UnderSupportedNotice, messages: readonly OutboxMessage[]): Promise<boolean>;
  /** The notices of a period, at most `limit`, by solution name. */
  list(period: string, limit: number): Promise<UnderSupportedNotice[]>;
}
