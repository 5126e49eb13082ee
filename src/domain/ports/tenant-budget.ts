/**
 * A tenant's calls to Teams, scheduled for every instance of the bot through storage (issue 19; the
 * arithmetic is domain/delivery/shared-budget.ts, the row storage/budget/table-tenant-budget.ts).
 */
export type BudgetClaim =
  | {
      readonly granted: number;
      /** The instant of the first granted call; the others follow `intervalMs` apart. */
      readonly firstAtMs: number;
      readonly intervalMs: number;
    }
  | {
      readonly granted: 0;
      /** Nothing free soon enough: the earliest instant a claim may be granted something. */
      readonly retryAtMs: number;
    };

export interface TenantBudgetStore {
  /**
   * Claims up to `want` instants for calls of `tenant`, never closer together than the shared rate
   * allows, whatever the other instances claim; a lost race is retried a few times, then reported
   * as "retry shortly". Throws StorageUnavailableError when storage cannot be reached (no call is
   * made then).
   */
  claim(tenant: string, want: number): Promise<BudgetClaim>;
}
