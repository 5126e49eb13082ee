/**
 * Which column of a file feeds which canonical column. A file is either canonical (it has an `id`
 * column) or a CoE Starter Kit inventory export (admin_appid / admin_flowid / admin_pvaid), to which
 * canonical columns may be added; a canonical column always wins over its CoE counterpart.
 * Web API annotations (`@odata.etag`, `…@OData.Community.Display.V1.FormattedValue`) are metadata:
 * read where the mapping names them, never reported as ignored columns.
 */
import { CANONICAL_COLUMNS, REQUIRED_COLUMNS, type CanonicalColumn, type RowValues } from './canonical-columns';
import { COE_TABLES, isYes, POWERAPPS_TYPES, type CoeTable } from './coe-columns';
import { isGuid } from './field-rules';
import { parseKindText } from './solution-fields';

export type FileSource = 'canonical' | `coe-${CoeTable}`;

export interface HeaderMapping {
  readonly source: FileSource;
  /** Columns of the file that feed nothing (CoE exports have dozens). */
  readonly ignored: readonly string[];
  /** The canonical values of one row, given its cells in header order. */
  rowValues(cells: readonly string[]): RowValues;
}

export type HeaderResult = { readonly ok: true; readonly mapping: HeaderMapping } | { readonly ok: false; readonly problem: string };

/** Header names compare trimmed and case-insensitively. */
function key(name: string): string {
  return name.trim().toLowerCase();
}

export function mapHeader(header: readonly string[]): HeaderResult {
  const position = new Map<string, number>();
  for (const [i, name] of header.entries()) {
    const k = key(name);
    if (k === '') continue;
    if (position.has(k)) return { ok: false, problem: `column "${name.trim()}" appears twice in the header` };
    position.set(k, i);
  }
  const coe = (Object.keys(COE_TABLES) as CoeTable[]).find((table) => COE_TABLES[table].idColumns.some((c) => position.has(c)));
  const source: FileSource = position.has('id') || coe === undefined ? 'canonical' : `coe-${coe}`;

  // Canonical column → index of the file column it is read from (canonical name first).
  const from = new Map<CanonicalColumn, number[]>();
  for (const column of CANONICAL_COLUMNS) {
    const candidates = [column, ...(source === 'canonical' || !coe ? [] : (COE_TABLES[coe].columns[column] ?? []))];
    const found = candidates.map((c) => position.get(c)).filter((i): i is number => i !== undefined);
    if (found.length > 0) from.set(column, found);
  }

  // A CoE row names its maker by the owner lookup (an object id Graph can look up) or by email.
  const required = source === 'canonical' ? REQUIRED_COLUMNS : (['id', 'name'] as const);
  const missing: CanonicalColumn[] = required.filter((column) => !from.has(column));
  if (source !== 'canonical' && !from.has('maker_aad_id') && !from.has('maker_email')) missing.push('maker_email');
  if (missing.length > 0) return { ok: false, problem: missingColumnsProblem(source, missing) };

  const flags = coe ? { deleted: COE_TABLES[coe].deletedColumns, orphaned: COE_TABLES[coe].orphanedColumns } : undefined;
  const used = new Set([...from.values()].flat());
  if (flags) for (const c of [...flags.deleted, ...flags.orphaned]) if (position.has(c)) used.add(position.get(c) as number);
  const ignored = header.filter((name, i) => key(name) !== '' && !key(name).includes('@') && !used.has(i)).map((name) => name.trim());

  const rowValues = (cells: readonly string[]): RowValues => {
    const values: Record<string, string> = {};
    for (const [column, indexes] of from) {
      const value = indexes.map((i) => cells[i] ?? '').find((cell) => cell.trim() !== '');
      if (value !== undefined) values[column] = value;
    }
    if (source !== 'canonical' && coe && flags) applyCoeDefaults(values, coe, flags, (c) => cells[position.get(c) ?? -1]);
    return values;
  };
  return { ok: true, mapping: { source, ignored, rowValues } };
}

function applyCoeDefaults(
  values: Record<string, string>,
  coe: CoeTable,
  flags: { deleted: readonly string[]; orphaned: readonly string[] },
  cell: (column: string) => string | undefined,
): void {
  const table = COE_TABLES[coe];
  // App types the catalog does not know (new Power Apps flavours) are still solutions: "other".
  if (!values.kind) values.kind = table.defaultKind;
  else if (coe === 'apps' && parseKindText(values.kind) === undefined) values.kind = POWERAPPS_TYPES[values.kind.trim()] ?? 'other';
  if (!values.tier) values.tier = 'Productivity';
  // An Excel export shows a lookup's name instead of its id: a name, then, and the email finds the id.
  for (const [idColumn, nameColumn] of [
    ['maker_aad_id', 'maker_name'],
    ['manager_aad_id', 'manager_name'],
  ] as const) {
    const id = values[idColumn]?.trim();
    if (id && !isGuid(id)) {
      if (!values[nameColumn]) values[nameColumn] = id;
      delete values[idColumn];
    }
  }
  if (!values.maker_name && values.maker_email) values.maker_name = values.maker_email;
  if (!values.status) {
    if (flags.deleted.some((c) => isYes(cell(c)))) values.status = 'retired';
    else if (flags.orphaned.some((c) => isYes(cell(c)))) values.status = 'orphaned';
  }
}

function missingColumnsProblem(source: FileSource, missing: readonly CanonicalColumn[]): string {
  if (source === 'canonical') {
    return (
      `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; the canonical header is ` +
      `${CANONICAL_COLUMNS.join(',')} (or use a CoE Starter Kit export with admin_appid, admin_flowid or admin_pvaid)`
    );
  }
  const coe = source.slice('coe-'.length) as CoeTable;
  const names = missing.map((column) =>
    column === 'maker_email'
      ? ['maker_email', ...(COE_TABLES[coe].columns.maker_email ?? []), ...(COE_TABLES[coe].columns.maker_aad_id ?? [])].join(' or ')
      : [column, ...(COE_TABLES[coe].columns[column] ?? [])].join(' or '),
  );
  return `this CoE Starter Kit export (${COE_TABLES[coe].idColumns.join(' / ')}) lacks ${names.join('; ')}`;
}
