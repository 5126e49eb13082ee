/** Governance settings from the environment: when the under-supported solutions job reaches out. */
import { integerReader, type Problem, type Reader } from './env-reader';

export interface GovernanceConfig {
  /** A Productivity solution shared with at least this many users needs more support (CoE `admin_appsharedusers`). */
  readonly sharedUsers: number;
  /** The same for launches in the past 30 days (CoE `admin_launchesinthepast30days`). */
  readonly launches: number;
  /** Requests in the window that are many for the tier (from the report counters). */
  readonly requestsProductivity: number;
  readonly requestsImportant: number;
  /** Requests handed on because the maker or co-owners did not answer in time, in the window. */
  readonly timeouts: number;
  /** The days requests and timeouts are counted over. */
  readonly windowDays: number;
  /** How often the job looks; a solution's maker is told once per ISO week at most. */
  readonly checkIntervalMs: number;
}

export const DEFAULT_GOVERNANCE: GovernanceConfig = {
  sharedUsers: 50,
  launches: 500,
  requestsProductivity: 20,
  requestsImportant: 60,
  timeouts: 3,
  windowDays: 30,
  checkIntervalMs: 24 * 3_600_000,
};

export function readGovernance(read: Reader, problem: Problem): GovernanceConfig {
  const integer = integerReader(read, problem);
  const d = DEFAULT_GOVERNANCE;
  return {
    sharedUsers: integer('UNDER_SUPPORTED_SHARED_USERS', d.sharedUsers, 1, 1_000_000),
    launches: integer('UNDER_SUPPORTED_LAUNCHES', d.launches, 1, 10_000_000),
    requestsProductivity: integer('UNDER_SUPPORTED_REQUESTS_PRODUCTIVITY', d.requestsProductivity, 1, 1_000_000),
    requestsImportant: integer('UNDER_SUPPORTED_REQUESTS_IMPORTANT', d.requestsImportant, 1, 1_000_000),
    timeouts: integer('UNDER_SUPPORTED_MAKER_TIMEOUTS', d.timeouts, 1, 100_000),
    windowDays: integer('UNDER_SUPPORTED_WINDOW_DAYS', d.windowDays, 1, 366),
    checkIntervalMs: integer('UNDER_SUPPORTED_CHECK_HOURS', 24, 1, 168) * 3_600_000,
  };
}

/** The job's thresholds from the settings. */
export const governanceThresholds = (g: GovernanceConfig) => ({
  sharedUsers: g.sharedUsers,
  launches: g.launches,
  requests: { Productivity: g.requestsProductivity, Important: g.requestsImportant },
  timeouts: g.timeouts,
});
