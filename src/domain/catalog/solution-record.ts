/**
 * A catalog record: a solution without its timestamps, i.e. exactly what an import file describes.
 * Timestamps belong to the catalog (set when a record is first stored or really changes).
 */
import type { CatalogPerson, Solution, SolutionUsage } from '../solution';
import { identityState } from './person-identity';

export type SolutionRecord = Omit<Solution, 'createdAt' | 'updatedAt'>;

/** The fields a change can touch, in the order an import report lists them. */
export const RECORD_FIELDS = [
  'name',
  'kind',
  'environment',
  'tier',
  'maker',
  'coOwners',
  'supportChannel',
  'businessUnit',
  'dataSources',
  'workarounds',
  'status',
  'manager',
  'usage',
] as const satisfies readonly (keyof SolutionRecord)[];
export type RecordField = (typeof RECORD_FIELDS)[number];

export function recordOf(solution: Solution): SolutionRecord {
  const { createdAt: _created, updatedAt: _updated, ...record } = solution;
  return record;
}

/** When the directory answered is not a change; what it answered is. */
function samePerson(a: CatalogPerson | undefined, b: CatalogPerson | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return (
    a.aadObjectId === b.aadObjectId &&
    a.displayName === b.displayName &&
    a.email === b.email &&
    identityState(a) === identityState(b) &&
    a.preferredLanguage === b.preferredLanguage
  );
}

const USAGE_FIELDS = [
  'sharedUsers',
  'sharedGroups',
  'lastUsedAt',
  'lastModifiedAt',
  'sessions',
  'department',
] as const satisfies readonly (keyof SolutionUsage)[];

function sameUsage(a: SolutionUsage | undefined, b: SolutionUsage | undefined): boolean {
  return USAGE_FIELDS.every((field) => a?.[field] === b?.[field]);
}

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  return a.length === b.length && a.every((item, i) => same(item, b[i] as T));
}

function sameField(field: RecordField, a: SolutionRecord, b: SolutionRecord): boolean {
  switch (field) {
    case 'maker':
      return samePerson(a.maker, b.maker);
    case 'manager':
      return samePerson(a.manager, b.manager);
    case 'usage':
      return sameUsage(a.usage, b.usage);
    case 'coOwners':
      return sameList(a.coOwners, b.coOwners, (x, y) => samePerson(x, y));
    case 'dataSources':
      return sameList(a.dataSources, b.dataSources, (x, y) => x === y);
    default:
      // Optional text: absent and empty are the same thing.
      return (a[field] ?? '') === (b[field] ?? '');
  }
}

/** The fields that differ (order of co-owners and data sources counts: exports keep it). */
export function changedFields(before: SolutionRecord, after: SolutionRecord): RecordField[] {
  return RECORD_FIELDS.filter((field) => !sameField(field, before, after));
}

/** The solution to store for `record`: a new one, or `previous` with its creation time kept. */
export function withTimestamps(record: SolutionRecord, previous: Solution | undefined, now: Date): Solution {
  const at = now.toISOString();
  return { ...record, createdAt: previous?.createdAt ?? at, updatedAt: at };
}
