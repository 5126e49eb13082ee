/**
 * A tenant's calls to Teams per second, shared by every instance of the bot through storage (issue 19;
 * the arithmetic is domain/delivery/shared-budget.ts, the row storage/budget/table-tenant-budget.ts).
 */
export type BudgetClaim =
  | {
      readonly granted: number;
      /** The granted calls may be made from `atMs` up to `untilMs` (the end of their second), not later. */
      readonly atMs: number;
      readonly untilMs: number;
    }
  | {
      readonly granted: 0;
      /** Nothing left now: the earliest instant a call may be granted. */
      readonly retryAtMs: number;
    };

export interface TenantBudgetStore {
  /**
   * Claims up to `want` calls for `tenant` in the current second. Never more than the shared rate in
   * a second, whatever the other instances claim; a lost race is retried a few times, then reported
   * as "retry shortly". Throws StorageUnavailableError when storage cannot be reached (no call is
   * made then).
   */
  claim(tenant: string, want: number): Promise<BudgetClaim>;
}
