import type { PersonRef } from '../history';

/** "Not my solution": a catalog entry whoever keeps the catalog should review. */
export interface CatalogFlag {
  readonly solutionId: string;
  readonly requestId: string;
  readonly reason: 'not-my-solution';
  readonly note?: string;
  readonly flaggedBy: PersonRef;
  readonly flaggedAt: string;
}

/** A flag with what an admin did about it (absent while it is open). */
export interface ReviewedFlag extends CatalogFlag {
  readonly resolvedAt?: string;
  readonly resolvedBy?: PersonRef;
  readonly resolution?: string;
}
