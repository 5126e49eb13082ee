/**
 * From one row of text values (a CSV row, a JSON object) to a valid catalog record, or the list of
 * everything wrong with it, so an import report can say it all at once.
 */
import type { CatalogPerson, SolutionKind, SolutionStatus, Tier } from '../solution';
import type { CanonicalColumn, RowValues } from './canonical-columns';
import { idProblem, isEmail, isGuid, LIMITS, multiLineProblem, normaliseNewlines, singleLineProblem } from './field-rules';
import { parseList, parsePeople, type PersonText } from './list-formats';
import { ALLOWED_VALUES, parseKindText, parseStatusText, parseTierText } from './solution-fields';
import type { SolutionRecord } from './solution-record';
import { readUsage } from './usage-fields';

export type IssueCode =
  | 'missing-value'
  | 'invalid-id'
  | 'invalid-text'
  | 'unknown-tier'
  | 'unknown-kind'
  | 'unknown-status'
  | 'invalid-email'
  | 'invalid-aad-id'
  | 'invalid-co-owners'
  | 'invalid-data-sources'
  | 'duplicate-id';

export interface RecordIssue {
  readonly column: CanonicalColumn;
  readonly code: IssueCode;
  readonly message: string;
}

export type RecordResult =
  /** `warnings`: values left out (usage figures that cannot be read); the record is still valid. */
  | { readonly ok: true; readonly record: SolutionRecord; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly id: string | undefined; readonly issues: readonly RecordIssue[] };

export function validateRecord(values: RowValues): RecordResult {
  const issues: RecordIssue[] = [];
  const report = (column: CanonicalColumn, code: IssueCode, message: string | undefined): void => {
    if (message !== undefined) issues.push({ column, code, message });
  };
  const text = (column: CanonicalColumn): string => normaliseNewlines(values[column] ?? '').trim();
  const line = (column: CanonicalColumn, label: string, max: number): string => {
    const value = text(column);
    report(column, 'invalid-text', singleLineProblem(label, value, max));
    return value;
  };

  const id = text('id');
  if (id === '') report('id', 'missing-value', 'missing id');
  else report('id', 'invalid-id', idProblem(id));

  const name = line('name', 'name', LIMITS.name);
  if (name === '') report('name', 'missing-value', 'missing name');

  const tier = closedValue(text('tier'), 'tier', parseTierText, ALLOWED_VALUES.tier, 'unknown-tier', report);
  const kind = closedValue(text('kind'), 'kind', parseKindText, ALLOWED_VALUES.kind, 'unknown-kind', report);
  const statusText = text('status');
  const status: SolutionStatus | undefined =
    statusText === '' ? 'active' : closedValue(statusText, 'status', parseStatusText, ALLOWED_VALUES.status, 'unknown-status', report);

  const maker = validatePerson(
    'maker',
    { displayName: text('maker_name'), email: text('maker_email'), aadObjectId: text('maker_aad_id') },
    { name: 'maker_name', email: 'maker_email', aadObjectId: 'maker_aad_id' },
    report,
  );
  const coOwners = validateCoOwners(text('co_owners'), maker, report);
  const managerText = { displayName: text('manager_name'), email: text('manager_email'), aadObjectId: text('manager_aad_id') };
  const hasManager = managerText.email !== '' || managerText.aadObjectId !== '';
  const manager = hasManager
    ? validatePerson('manager', managerText, { name: 'manager_name', email: 'manager_email', aadObjectId: 'manager_aad_id' }, report)
    : undefined;
  const extra = readUsage(text);
  const dataSources = validateDataSources(text('data_sources'), report);

  const environment = line('environment', 'environment', LIMITS.environment);
  const supportChannel = line('support_channel', 'support channel', LIMITS.supportChannel);
  const businessUnit = line('business_unit', 'business unit', LIMITS.businessUnit);
  const workarounds = text('workarounds');
  report('workarounds', 'invalid-text', multiLineProblem('workarounds', workarounds, LIMITS.workarounds));

  if (issues.length > 0 || !tier || !kind || !status || !maker || !coOwners || !dataSources || (hasManager && !manager)) {
    return { ok: false, id: id || undefined, issues };
  }
  return {
    ok: true,
    warnings: extra.warnings,
    record: {
      id,
      name,
      kind,
      environment,
      tier,
      maker: extra.preferredLanguage ? { ...maker, preferredLanguage: extra.preferredLanguage } : maker,
      coOwners,
      ...(manager ? { manager } : {}),
      ...(supportChannel ? { supportChannel } : {}),
      ...(businessUnit ? { businessUnit } : {}),
      dataSources,
      ...(workarounds ? { workarounds } : {}),
      status,
      ...(extra.usage ? { usage: extra.usage } : {}),
    },
  };
}

type Report = (column: CanonicalColumn, code: IssueCode, message: string | undefined) => void;

function closedValue<T extends Tier | SolutionKind | SolutionStatus>(
  value: string,
  column: 'tier' | 'kind' | 'status',
  parse: (text: string) => T | undefined,
  allowed: readonly string[],
  code: IssueCode,
  report: Report,
): T | undefined {
  const expected = `expected ${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}`;
  if (value === '') {
    report(column, 'missing-value', `missing ${column} (${expected})`);
    return undefined;
  }
  const parsed = parse(value);
  if (parsed === undefined) report(column, code, `unknown ${column} "${value}"; ${expected}`);
  return parsed;
}

function validatePerson(
  label: string,
  person: PersonText,
  columns: { name: CanonicalColumn; email: CanonicalColumn; aadObjectId: CanonicalColumn },
  report: Report,
): CatalogPerson | undefined {
  const mine: RecordIssue[] = [];
  const add = (column: CanonicalColumn, code: IssueCode, message: string | undefined): void => {
    if (message !== undefined) mine.push({ column, code, message });
  };
  // Without a name the email (or the object id) stands in for it, until the directory gives the real one.
  const displayName = person.displayName || person.email || person.aadObjectId;
  if (displayName === '') add(columns.name, 'missing-value', `missing ${label} name`);
  else add(columns.name, 'invalid-text', singleLineProblem(`${label} name`, displayName, LIMITS.personName));
  // An email / UPN, or an object id (Microsoft Graph gives the email for it): one of the two.
  if (person.email === '' && person.aadObjectId === '') add(columns.email, 'missing-value', `missing ${label} email`);
  else if (person.email !== '' && !isEmail(person.email))
    add(columns.email, 'invalid-email', `invalid ${label} email "${person.email.slice(0, 80)}"`);
  // The object id is optional (Microsoft Graph finds it from the email or UPN), but if given it must be one.
  if (person.aadObjectId !== '' && !isGuid(person.aadObjectId)) {
    add(columns.aadObjectId, 'invalid-aad-id', `${label} Entra object id "${person.aadObjectId.slice(0, 80)}" is not a GUID`);
  }
  for (const issue of mine) report(issue.column, issue.code, issue.message);
  if (mine.length > 0) return undefined;
  // Teams sends `from.aadObjectId` in lower case: store it that way so lookups match.
  return { displayName, email: person.email, ...(person.aadObjectId ? { aadObjectId: person.aadObjectId.toLowerCase() } : {}) };
}

/** Two entries naming the same person: the same object id, or the same email / UPN. */
function samePerson(a: CatalogPerson, b: CatalogPerson): boolean {
  return (
    (a.aadObjectId !== undefined && a.aadObjectId === b.aadObjectId) || (a.email !== '' && a.email.toLowerCase() === b.email.toLowerCase())
  );
}

function validateCoOwners(text: string, maker: CatalogPerson | undefined, report: Report): CatalogPerson[] | undefined {
  const parsed = parsePeople(text);
  if (!parsed.ok) {
    report('co_owners', 'invalid-co-owners', parsed.problem);
    return undefined;
  }
  if (parsed.people.length > LIMITS.coOwners) {
    report('co_owners', 'invalid-co-owners', `${parsed.people.length} co-owners; the limit is ${LIMITS.coOwners}`);
    return undefined;
  }
  const people: CatalogPerson[] = [];
  let ok = true;
  parsed.people.forEach((candidate, i) => {
    const column = 'co_owners';
    const person = validatePerson(`co-owner ${i + 1}`, candidate, { name: column, email: column, aadObjectId: column }, report);
    if (!person) {
      ok = false;
      return;
    }
    if (maker && samePerson(person, maker)) {
      report(column, 'invalid-co-owners', `co-owner ${person.displayName} is the maker; list the maker only once`);
      ok = false;
    } else if (people.some((other) => samePerson(other, person))) {
      report(column, 'invalid-co-owners', `co-owner ${person.displayName} is listed twice`);
      ok = false;
    }
    people.push(person);
  });
  return ok ? people : undefined;
}

function validateDataSources(text: string, report: Report): string[] | undefined {
  const items = parseList(text);
  if (items.length > LIMITS.dataSources) {
    report('data_sources', 'invalid-data-sources', `${items.length} data sources; the limit is ${LIMITS.dataSources}`);
    return undefined;
  }
  for (const item of items) {
    const problem = singleLineProblem(`data source "${item.slice(0, 40)}"`, item, LIMITS.dataSource);
    if (problem) {
      report('data_sources', 'invalid-data-sources', problem);
      return undefined;
    }
  }
  return items;
}
