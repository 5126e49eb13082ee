/**
 * A catalog record: a solution without its timestamps, i.e. exactly what an import file describes.
 * Timestamps belong to the catalog (set when a record is first stored or really changes).
 */
import type { Person, Solution } from '../solution';

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
] as const satisfies readonly (keyof SolutionRecord)[];
export type RecordField = (typeof RECORD_FIELDS)[number];

export function recordOf(solution: Solution): SolutionRecord {
  const { createdAt: _created, updatedAt: _updated, ...record } = solution;
  return record;
}

function samePerson(a: Person, b: Person): boolean {
  return a.aadObjectId === b.aadObjectId && a.displayName === b.displayName && a.email === b.email;
}

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  return a.length === b.length && a.every((item, i) => same(item, b[i] as T));
}

function sameField(field: RecordField, a: SolutionRecord, b: SolutionRecord): boolean {
  switch (field) {
    case 'maker':
      return samePerson(a.maker, b.maker);
    case 'coOwners':
      return sameList(a.coOwners, b.coOwners, samePerson);
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
