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
