/**
 * The catalog as JSON: an array of objects with the canonical field names (as in the CSV header),
 * `co_owners` and `data_sources` either in their CSV text form or as arrays:
 *   { "id": "expense-tracker", "name": "Expense Tracker", "kind": "canvas", "tier": "Productivity",
 *     "maker_email": "…", "maker_name": "…", "maker_aad_id": "…",
 *     "co_owners": [{ "name": "Lee Gu", "email": "leeg@contoso.com", "aad_id": "f0fc…" }],
 *     "data_sources": ["SharePoint", "Dataverse"], … }
 * A Dataverse Web API answer (`{ "value": [ … ] }`) with CoE Starter Kit columns is read too; there a
 * single-valued navigation property expanded with `$expand` (`"admin_AppOwner": { … }`) is read as
 * columns `admin_AppOwner.<column>`, like the columns Power Query's "Expand" makes.
 */
import { CANONICAL_COLUMNS, rowOf } from '../../../domain/catalog/canonical-columns';
import { mapHeader } from '../../../domain/catalog/header-mapping';
import { formatList, formatPeople, NAME_DELIMITERS } from '../../../domain/catalog/list-formats';
import type { SourceRow } from '../../../domain/catalog/row-validation';
import type { SolutionRecord } from '../../../domain/catalog/solution-record';
import { CatalogFileError } from './catalog-file-error';
import { elementStartLines, lineAt } from './json-element-lines';
import type { ParsedCatalogFile } from './parsed-file';

export function readJson(text: string): ParsedCatalogFile {
  const source = text.replace(/^\uFEFF/, '');
  let parsed: unknown;
  try {
    parsed = JSON.parse(source);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    throw new CatalogFileError(`not valid JSON: ${(error as Error).message}`, position ? lineAt(source, Number(position)) : undefined);
  }
  const dataverse = !Array.isArray(parsed) && isObject(parsed) && Array.isArray(parsed.value);
  const raw = Array.isArray(parsed) ? parsed : dataverse ? (parsed as { value: unknown[] }).value : undefined;
  if (raw === undefined) throw new CatalogFileError('expected an array of solutions (or a Dataverse answer with a "value" array)');
  const items = dataverse ? raw.map(flattenExpanded) : raw;

  // The header is every key used, in order of first appearance.
  const header = [...new Set(items.flatMap((item) => (isObject(item) ? Object.keys(item) : [])))];
  const mapped = mapHeader(header);
  if (!mapped.ok) throw new CatalogFileError(mapped.problem);
  const lines = elementStartLines(source);

  const rows: SourceRow[] = items.map((item, i) => {
    const line = lines[i] ?? 1;
    if (!isObject(item)) return { line, values: {}, problems: ['the record is not an object'] };
    const problems: string[] = [];
    const cells = header.map((key) => cellText(key, item[key], problems));
    return { line, values: mapped.mapping.rowValues(cells), problems };
  });
  return { source: mapped.mapping.source, ignoredColumns: mapped.mapping.ignored, rows };
}

/** `{ "admin_AppOwner": { "admin_userprincipalname": "…" } }` → `{ "admin_AppOwner.admin_userprincipalname": "…" }`. */
function flattenExpanded(item: unknown): unknown {
  if (!isObject(item)) return item;
  const flat: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) {
    if (isObject(value)) {
      for (const [inner, innerValue] of Object.entries(value))
        if (!isObject(innerValue) && !Array.isArray(innerValue)) flat[`${key}.${inner}`] = innerValue;
    } else if (!Array.isArray(value)) {
      // Collection-valued navigation properties (arrays) say nothing the catalog reads.
      flat[key] = value;
    }
  }
  return flat;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON value as the text the CSV would hold, noting what cannot be expressed. */
function cellText(key: string, value: unknown, problems: string[]): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && key.toLowerCase() === 'co_owners') return coOwnersText(value, problems);
  if (Array.isArray(value) && key.toLowerCase() === 'data_sources') {
    if (value.every((v) => typeof v === 'string' && !v.includes(';'))) return formatList(value as string[]);
    problems.push('data_sources must be names without ";"');
    return '';
  }
  problems.push(`${key} must be text`);
  return '';
}

function coOwnersText(value: unknown[], problems: string[]): string {
  const entries: string[] = [];
  for (const entry of value) {
    if (typeof entry === 'string') {
      entries.push(entry);
      continue;
    }
    const person = isObject(entry) ? entry : {};
    const name = String(person.name ?? person.displayName ?? person.display_name ?? '');
    const email = String(person.email ?? '');
    const aadId = String(person.aad_id ?? person.aadObjectId ?? person.aad_object_id ?? '');
    if (NAME_DELIMITERS.test(name) || /[;<>[\]]/.test(email + aadId)) {
      problems.push(`co-owner "${name}" contains ; < > [ or ]`);
      continue;
    }
    entries.push(formatPeople([{ displayName: name, email, aadObjectId: aadId }]));
  }
  return entries.join('; ');
}

/** Canonical JSON: the CSV's fields, with the two lists as arrays. */
export function writeJson(records: readonly SolutionRecord[]): string {
  const objects = records.map((record) => {
    const row: Record<string, unknown> = {
      ...rowOf(record),
      co_owners: record.coOwners.map((p) => ({ name: p.displayName, email: p.email, aad_id: p.aadObjectId })),
      data_sources: [...record.dataSources],
    };
    return Object.fromEntries(CANONICAL_COLUMNS.map((column) => [column, row[column]]));
  });
  return `${JSON.stringify(objects, null, 2)}\n`;
}
