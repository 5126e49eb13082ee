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
] as const;
export type CanonicalColumn = (typeof CANONICAL_COLUMNS)[number];

/** One row of a catalog file as text, keyed by canonical column. Missing = empty. */
export type RowValues = Partial<Record<CanonicalColumn, string>>;

/** Columns a canonical file must have (the others may be left out and are then empty). */
export const REQUIRED_COLUMNS: readonly CanonicalColumn[] = ['id', 'name', 'tier', 'maker_email', 'maker_name', 'maker_aad_id'];

export function rowOf(record: SolutionRecord): Record<CanonicalColumn, string> {
  return {
    id: record.id,
    name: record.name,
    kind: record.kind,
    environment: record.environment,
    tier: record.tier,
    maker_email: record.maker.email,
    maker_name: record.maker.displayName,
    maker_aad_id: record.maker.aadObjectId,
    co_owners: formatPeople(record.coOwners),
    support_channel: record.supportChannel ?? '',
    business_unit: record.businessUnit ?? '',
    data_sources: formatList(record.dataSources),
    workarounds: record.workarounds ?? '',
    status: record.status,
  };
}
