/**
 * Named leases, so that with several instances running exactly one runs a given background job at a
 * time (storage/leases/table-lease-store.ts; services/jobs/ keeps them renewed).
 */
export interface LeaseStore {
  /** Takes the lease if it is free, expired or already ours; true if we hold it until now + ttl. */
  tryAcquire(name: string, owner: string, ttlMs: number, now: Date): Promise<boolean>;
  /** Gives the lease up early (on shutdown), only if we still hold it. */
  release(name: string, owner: string): Promise<void>;
}
