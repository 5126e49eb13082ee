/**
 * The optional columns an inventory adds: the maker's language and department and the usage figures.
 * They inform the governance report and never decide routing, so a value that cannot be read is left
 * out with a warning instead of rejecting the row (an Excel export writes dates in the local format).
 */
import type { SolutionUsage } from '../solution';
import type { CanonicalColumn } from './canonical-columns';
import { LIMITS, singleLineProblem } from './field-rules';

/** BCP 47 as Entra ID and the CoE write it: `en-US`, `fr`, `zh-Hant-TW`. */
const LANGUAGE = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,3}$/;
/** ISO 8601 date, optionally with a time and zone: what Dataverse's Web API returns. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const MAX_COUNT = 1_000_000_000;

export interface UsageResult {
  readonly usage?: SolutionUsage;
  readonly preferredLanguage?: string;
  readonly warnings: readonly string[];
}

export function readUsage(text: (column: CanonicalColumn) => string): UsageResult {
  const warnings: string[] = [];
  const count = (column: CanonicalColumn): number | undefined => {
    const value = text(column).replace(/[\s,]/g, '');
    if (value === '') return undefined;
    const n = Number(value);
    if (/^\d+(?:\.0+)?$/.test(value) && n <= MAX_COUNT) return n;
    warnings.push(`${column} "${value.slice(0, 40)}" is not a whole number; left out`);
    return undefined;
  };
  const date = (column: CanonicalColumn): string | undefined => {
    const value = text(column);
    if (value === '') return undefined;
    const time = ISO_DATE.test(value) ? Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value.replace(' ', 'T')) : NaN;
    if (!Number.isNaN(time)) return new Date(time).toISOString();
    warnings.push(`${column} "${value.slice(0, 40)}" is not an ISO 8601 date (2024-05-31 or 2024-05-31T09:30:00Z); left out`);
    return undefined;
  };
  const department = text('department');
  const departmentProblem = singleLineProblem('department', department, LIMITS.businessUnit);
  if (departmentProblem) warnings.push(`${departmentProblem}; left out`);
  const language = text('maker_language');
  const languageOk = language === '' || LANGUAGE.test(language);
  if (!languageOk) warnings.push(`maker_language "${language.slice(0, 40)}" is not a language tag such as en-US; left out`);

  const usage: SolutionUsage = {
    ...defined('sharedUsers', count('shared_users')),
    ...defined('sharedGroups', count('shared_groups')),
    ...defined('lastUsedAt', date('last_used_at')),
    ...defined('lastModifiedAt', date('last_modified_at')),
    ...defined('sessions', count('sessions')),
    ...defined('department', department !== '' && !departmentProblem ? department : undefined),
  };
  return {
    ...(Object.keys(usage).length > 0 ? { usage } : {}),
    ...(language !== '' && languageOk ? { preferredLanguage: language } : {}),
    warnings,
  };
}

function defined<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}
