/** The governance variables of ENV_SPEC (env-spec.ts): the under-supported solutions job's thresholds. */
import type { EnvVariableSpec } from './env-variable-spec';

export const GOVERNANCE_ENV_SPEC = [
  {
    name: 'UNDER_SUPPORTED_SHARED_USERS',
    optional: true,
    default: '`50`',
    description:
      'a Productivity solution the CoE inventory shows shared with at least this many users is under-supported: its maker is asked to request graduation or add co-owners (1-1000000)',
  },
  {
    name: 'UNDER_SUPPORTED_LAUNCHES',
    optional: true,
    default: '`500`',
    description: 'the same for launches in the past 30 days (1-10000000)',
  },
  {
    name: 'UNDER_SUPPORTED_REQUESTS_PRODUCTIVITY',
    optional: true,
    default: '`20`',
    description:
      'a Productivity solution with at least this many requests in `UNDER_SUPPORTED_WINDOW_DAYS` (from the report counters) is under-supported (1-1000000)',
  },
  {
    name: 'UNDER_SUPPORTED_REQUESTS_IMPORTANT',
    optional: true,
    default: '`60`',
    description: 'the same for an Important solution (1-1000000)',
  },
  {
    name: 'UNDER_SUPPORTED_MAKER_TIMEOUTS',
    optional: true,
    default: '`3`',
    description:
      'a solution whose maker or co-owners let at least this many requests time out (handed on unanswered) in `UNDER_SUPPORTED_WINDOW_DAYS` is under-supported (1-100000)',
  },
  {
    name: 'UNDER_SUPPORTED_WINDOW_DAYS',
    optional: true,
    default: '`30`',
    description: 'the days, ending today, over which requests and timeouts are counted (1-366)',
  },
  {
    name: 'UNDER_SUPPORTED_CHECK_HOURS',
    optional: true,
    default: '`24`',
    description: 'hours between two runs of the under-supported solutions job; a maker is told once per ISO week at most (1-168)',
  },
] as const satisfies readonly EnvVariableSpec[];
