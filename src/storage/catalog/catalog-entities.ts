/**
 * Catalog entities in Table Storage.
 *
 * CatalogSolutions: PartitionKey = solution id, RowKey = "solution". Properties are the canonical
 * CSV columns (co-owners and data sources in their `;` text form, readable in Storage Explorer)
 * plus createdAt / updatedAt. One partition per solution spreads load and makes `get` a point read.
 * A column that is not plain ASCII is stored as its UTF-8 bytes (see stored-text.ts `columnValue`:
 * a whole row of Korean names and workarounds is a large request body, which Azurite would corrupt
 * as text); rows written before, or edited by hand, hold strings, and both read back the same.
 *
 * Beside the columns, `identities` (JSON) caches what Microsoft Graph said about each person (state,
 * when, language: see identity-cache.ts), so people named by email are not looked up again.
 *
 * CatalogPeople: PartitionKey = Entra object id, RowKey = solution id, role = maker | co-owner.
 *
 * CatalogMeta: PartitionKey = "catalog", RowKey = "version", revision = a counter. Its ETag is the
 * catalog's version token.
 */
import type { TableEntity } from '@azure/data-tables';
import { CANONICAL_COLUMNS, rowOf, type CanonicalColumn } from '../../domain/catalog/canonical-columns';
import { CATALOG_ROLES, type CatalogRole } from '../../domain/catalog/person-roles';
import { identityCacheOf, withIdentityCache } from '../../domain/catalog/identity-cache';
import { validateRecord } from '../../domain/catalog/record-validation';
import type { Solution } from '../../domain/solution';
import { InvalidKeyError } from '../../domain/ports/storage-errors';
import { columnValue, readText } from '../stored-text';
import { decodeKey, encodeKey, fitsInKey } from '../table-keys';

export const SOLUTION_ROW = 'solution';
export const VERSION_KEY = { partitionKey: 'catalog', rowKey: 'version' } as const;

export type SolutionEntity = TableEntity<
  Record<CanonicalColumn, string | Uint8Array> & { createdAt: string; updatedAt: string; identities?: string | Uint8Array }
>;

export interface PersonIndexEntity extends TableEntity {
  role: CatalogRole;
  /** When the solution last changed, for people reading the table by hand. */
  solutionUpdatedAt: string;
}

export interface VersionEntity extends TableEntity {
  revision: number;
  changedAt: string;
}

export function keyOf(value: string): string {
  const encoded = encodeKey(value);
  if (!fitsInKey(encoded)) throw new InvalidKeyError(value, 'longer than 1 KiB once encoded');
  return encoded;
}

export function toSolutionEntity(solution: Solution): SolutionEntity {
  const columns = rowOf(solution);
  const stored = {} as Record<CanonicalColumn, string | Uint8Array>;
  for (const column of CANONICAL_COLUMNS) stored[column] = columnValue(columns[column]);
  const identities = identityCacheOf(solution);
  return {
    partitionKey: keyOf(solution.id),
    rowKey: SOLUTION_ROW,
    ...stored,
    ...(Object.keys(identities).length > 0 ? { identities: columnValue(JSON.stringify(identities)) } : {}),
    createdAt: solution.createdAt,
    updatedAt: solution.updatedAt,
  };
}

/** Undefined when the stored row is not a valid solution (edited by hand, or by an older version). */
export function fromSolutionEntity(entity: Partial<SolutionEntity>): { solution?: Solution; problems: readonly string[] } {
  const values: Partial<Record<CanonicalColumn, string>> = {};
  const unreadable: string[] = [];
  for (const column of CANONICAL_COLUMNS) {
    const value = entity[column];
    if (typeof value !== 'string' && !(value instanceof Uint8Array)) continue;
    try {
      values[column] = readText(entity, column);
    } catch {
      unreadable.push(`${column} is not valid UTF-8 text`);
    }
  }
  if (unreadable.length > 0) return { problems: unreadable };
  values.id ??= decodeKey(entity.partitionKey ?? '');
  const result = validateRecord(values);
  if (!result.ok) return { problems: result.issues.map((issue) => issue.message) };
  const createdAt = typeof entity.createdAt === 'string' ? entity.createdAt : '';
  const updatedAt = typeof entity.updatedAt === 'string' ? entity.updatedAt : createdAt;
  return { solution: { ...withIdentityCache(result.record, identitiesOf(entity)), createdAt, updatedAt }, problems: [] };
}

/** The cached identities, or undefined when absent or unreadable (the people are then looked up again). */
function identitiesOf(entity: Partial<SolutionEntity>): unknown {
  if (entity.identities === undefined) return undefined;
  try {
    return JSON.parse(readText(entity, 'identities'));
  } catch {
    return undefined;
  }
}

export function toPersonIndexEntity(aadObjectId: string, solution: Solution, role: CatalogRole): PersonIndexEntity {
  return { partitionKey: keyOf(aadObjectId), rowKey: keyOf(solution.id), role, solutionUpdatedAt: solution.updatedAt };
}

export function isCatalogRole(value: unknown): value is CatalogRole {
  return (CATALOG_ROLES as readonly unknown[]).includes(value);
}
