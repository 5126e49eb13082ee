import { planImport, recordsToWrite } from '../../../src/domain/catalog/import-plan';
import { formatPeople, parsePeople } from '../../../src/domain/catalog/list-formats';
import { validateRows } from '../../../src/domain/catalog/row-validation';
import { changedFields } from '../../../src/domain/catalog/solution-record';
import { LEE, NESTOR, record, row } from './fixtures';

describe('validateRows', () => {
  it('keeps the line of every row and rejects every copy of a duplicated id', () => {
    const result = validateRows([
      { line: 2, values: row({ id: 'a' }) },
      { line: 3, values: row({ id: 'b' }) },
      { line: 7, values: row({ id: 'a', name: 'Other' }) },
      { line: 9, values: row({ id: 'c', tier: 'Gold' }) },
      { line: 10, values: row({ id: 'd' }), problems: ['the row has 15 fields; the header has 14'] },
    ]);
    expect(result.accepted.map((r) => [r.line, r.record.id])).toEqual([[3, 'b']]);
    expect(result.rejected).toEqual([
      { line: 2, id: 'a', reasons: ['duplicate id "a" in the file (also on line 7)'] },
      { line: 7, id: 'a', reasons: ['duplicate id "a" in the file (also on line 2)'] },
      { line: 9, id: 'c', reasons: [expect.stringContaining('unknown tier "Gold"')] },
      { line: 10, id: 'd', reasons: ['the row has 15 fields; the header has 14'] },
    ]);
  });
});

describe('planImport', () => {
  const existing = new Map([
    ['same', record({ id: 'same' })],
    ['changed', record({ id: 'changed' })],
  ]);

  it('classifies rows as added, updated (with the fields that change), unchanged and rejected', () => {
    const rows = validateRows([
      { line: 2, values: row({ id: 'same' }) },
      { line: 3, values: row({ id: 'changed', tier: 'Important', co_owners: formatPeople([LEE, NESTOR]) }) },
      { line: 4, values: row({ id: 'new' }) },
      { line: 5, values: row({ id: '' }) },
    ]);
    const plan = planImport(rows, existing);
    expect(plan.added.map((r) => r.record.id)).toEqual(['new']);
    expect(plan.updated).toEqual([expect.objectContaining({ line: 3, changed: ['tier', 'coOwners'] })]);
    expect(plan.unchanged.map((r) => r.record.id)).toEqual(['same']);
    expect(plan.rejected).toEqual([{ line: 5, id: undefined, reasons: ['missing id'] }]);
    expect(recordsToWrite(plan, false)).toEqual([]);
    expect(recordsToWrite(plan, true).map((r) => r.id)).toEqual(['new', 'changed']);
  });

  it('treats an absent optional text and an empty one as the same', () => {
    expect(changedFields(record({ workarounds: undefined }), record({ workarounds: '' }))).toEqual([]);
    expect(changedFields(record(), record({ dataSources: ['Dataverse', 'SharePoint'] }))).toEqual(['dataSources']);
  });
});

describe('co-owners format', () => {
  it('round-trips names with accents, apostrophes and commas', () => {
    const people = [
      { displayName: "Zoë O'Brien, PhD", email: 'zoe@contoso.example', aadObjectId: LEE.aadObjectId },
      { displayName: 'Nestor Wilke', email: NESTOR.email, aadObjectId: NESTOR.aadObjectId },
    ];
    expect(parsePeople(formatPeople(people))).toEqual({ ok: true, people });
  });

  it('refuses a name that contains the delimiters', () => {
    expect(parsePeople(`Lee [admin] <${LEE.email}> [${LEE.aadObjectId}]`)).toMatchObject({ ok: false });
  });
});
