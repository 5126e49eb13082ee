/** Governance settings from the environment: when the under-supported solutions job reaches out. */
import { integerReader, type Problem, type Reader } from './env-reader';

export interface GovernanceConfig {
  /** A Productivity solution shared with at least this many users needs more support (CoE `admin_appsharedusers`). */
  readonly sharedUsers: number;
  /** The same for launches in the past 30 days (CoE `admin_launchesinthepast30days`). */
  readonly launches: number;
  /** How often the job looks; a solution's maker is told once per ISO week at most. */
  readonly checkIntervalMs: number;
}

export const DEFAULT_GOVERNANCE: GovernanceConfig = { sharedUsers: 50, launches: 500, checkIntervalMs: 24 * 3_600_000 };

export function readGovernance(read: Reader, problem: Problem): GovernanceConfig {
  const integer = integerReader(read, problem);
  return {
    sharedUsers: integer('UNDER_SUPPORTED_SHARED_USERS', DEFAULT_GOVERNANCE.sharedUsers, 1, 1_000_000),
    launches: integer('UNDER_SUPPORTED_LAUNCHES', DEFAULT_GOVERNANCE.launches, 1, 10_000_000),
    checkIntervalMs: integer('UNDER_SUPPORTED_CHECK_HOURS', 24, 1, 168) * 3_600_000,
  };
}
