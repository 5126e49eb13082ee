/**
 * The requester's one-tap answer after a maker or co-owners resolved their request ("Did this solve
 * it?"), recorded once per request. The reports read the answers of a shard partition (`ofShard`)
 * and count them (row `sat|{requestId}` beside the request: see README "Satisfaction").
 */
import type { PersonRef } from '../history';

export const SATISFACTION_RATINGS = ['satisfied', 'not-satisfied'] as const;
export type SatisfactionRating = (typeof SATISFACTION_RATINGS)[number];

export interface SatisfactionAnswer {
  readonly requestId: string;
  readonly rating: SatisfactionRating;
  readonly by: PersonRef;
  readonly at: string;
  /** Who resolved it (the maker, or the co-owner who claimed it), for per-solution counts. */
  readonly solutionId?: string;
}

export interface SatisfactionStore {
  /** Records the answer; false when the request already has one (the first answer counts). */
  record(answer: SatisfactionAnswer): Promise<boolean>;
  get(requestId: string): Promise<SatisfactionAnswer | undefined>;
  /** Every answer in one shard partition of the cases table (reports: one range query per shard). */
  ofShard(shard: number): Promise<SatisfactionAnswer[]>;
}
