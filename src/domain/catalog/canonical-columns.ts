/**
 * The canonical catalog file: its columns (CSV header and JSON field names) and the mapping from a
 * record to one row of text values. The reverse mapping is `validateRecord`.
 */
import { formatList, formatPeople } from './list-formats';
import type { SolutionRecord } from './solution-record';

export const CANONICAL_COLUMNS = [
  'id',
  'name',
  'kind',
  'environment',
  'tier',
  'maker_email',
  'maker_name',
  'maker_aad_id',
  'co_owners',
  'support_channel',
  'business_unit',
  'data_sources',
  'workarounds',
  'status',
  // The maker's manager (who stands in for a maker who has left) and language, and the inventory's
  // usage figures: all optional, filled from a CoE Starter Kit export or by hand.
  'manager_email',
  'manager_name',
  'manager_aad_id',
  'maker_language',
  'department',
  'shared_users',
  'shared_groups',
  'last_used_at',
  'last_modified_at',
  'sessions',
] as const;
export type CanonicalColumn = (typeof CANONICAL_COLUMNS)[number];

/** One row of a catalog file as text, keyed by canonical column. Missing = empty. */
export type RowValues = Partial<Record<CanonicalColumn, string>>;

/**
 * Columns a canonical file must have (the others may be left out and are then empty). The maker's
 * object id is not one of them: people may be named by email or UPN alone.
 */
export const REQUIRED_COLUMNS: readonly CanonicalColumn[] = ['id', 'name', 'tier', 'maker_email'];

function count(value: number | undefined): string {
  return value === undefined ? '' : String(value);
}

export function rowOf(record: SolutionRecord): Record<CanonicalColumn, string> {
  const usage = record.usage ?? {};
  return {
    id: record.id,
    name: record.name,
    kind: record.kind,
    environment: record.environment,
    tier: record.tier,
    maker_email: record.maker.email,
    maker_name: record.maker.displayName,
    maker_aad_id: record.maker.aadObjectId ?? '',
    co_owners: formatPeople(record.coOwners),
    support_channel: record.supportChannel ?? '',
    business_unit: record.businessUnit ?? '',
    data_sources: formatList(record.dataSources),
    workarounds: record.workarounds ?? '',
    status: record.status,
    manager_email: record.manager?.email ?? '',
    manager_name: record.manager?.displayName ?? '',
    manager_aad_id: record.manager?.aadObjectId ?? '',
    maker_language: record.maker.preferredLanguage ?? '',
    department: usage.department ?? '',
    shared_users: count(usage.sharedUsers),
    shared_groups: count(usage.sharedGroups),
    last_used_at: usage.lastUsedAt ?? '',
    last_modified_at: usage.lastModifiedAt ?? '',
    sessions: count(usage.sessions),
  };
}
