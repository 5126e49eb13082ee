/** The help desk's list views kept level with the tickets (storage/tickets/ticket-list-index.ts). */
export interface TicketListRepairs {
  /**
   * Brings level the list rows of every ticket changed before `olderThan` whose rows have not followed
   * yet (the instance that changed it failed or stopped midway); at most `limit` tickets. How many.
   */
  repairPending(olderThan: Date, limit?: number): Promise<number>;
}
