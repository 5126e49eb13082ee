import { CANONICAL_COLUMNS } from '../../../../src/domain/catalog/canonical-columns';
import { validateRows } from '../../../../src/domain/catalog/row-validation';
import { CatalogFileError, formatOf, readCatalogFile, writeCatalogFile } from '../../../../src/services/catalog/files/catalog-file';
import { parse } from 'csv-parse/sync';
import { LEE, MEGAN, NESTOR, record } from '../fixtures';

/** The raw cells of a written CSV, as a spreadsheet would see them. */
function readCatalogFileCells(csv: string): string[][] {
  return parse(csv.replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][];
}

/** The header the first export wrote: the optional columns added since (manager, usage) may be left out. */
const HEADER = CANONICAL_COLUMNS.slice(0, CANONICAL_COLUMNS.indexOf('status') + 1).join(',');
const MAKER = `${MEGAN.email},${MEGAN.displayName},${MEGAN.aadObjectId}`;

describe('CSV', () => {
  it('reads RFC 4180 quoting: commas, quotes and line breaks inside fields, with the line each record starts on', () => {
    const text = [
      `\uFEFF${HEADER}`,
      `a,"Expense, Tracker",canvas,Default,Productivity,${MAKER},,,,,"line one`,
      `line ""two""`,
      `line three",`,
      '',
      `b,Feuille de temps équipe,flow,Paris,important,${MAKER},"Lee Gu <${LEE.email}> [${LEE.aadObjectId}]; Nestor Wilke <${NESTOR.email}> [${NESTOR.aadObjectId}]",,,,,`,
    ].join('\r\n');
    const file = readCatalogFile(text, 'csv');
    expect(file.source).toBe('canonical');
    expect(file.rows.map((r) => r.line)).toEqual([2, 6]);
    const { accepted, rejected } = validateRows(file.rows);
    expect(rejected).toEqual([]);
    expect(accepted[0]!.record).toMatchObject({ name: 'Expense, Tracker', workarounds: 'line one\nline "two"\nline three' });
    expect(accepted[1]!.record).toMatchObject({ name: 'Feuille de temps équipe', tier: 'Important', coOwners: [LEE, NESTOR] });
  });

  it('skips blank lines and rows of empty cells, and flags rows with the wrong number of fields', () => {
    const text = `${HEADER}\n\n,,,,,,,,,,,,,\nx,X,flow,E,Critical,${MAKER},,,,,,,extra\n`;
    const file = readCatalogFile(text, 'csv');
    expect(file.rows).toEqual([expect.objectContaining({ line: 4, problems: ['the row has 15 fields; the header has 14'] })]);
  });

  it('refuses broken quoting with the line of the problem, and a bad header', () => {
    expect(() => readCatalogFile(`${HEADER}\na,"unclosed,x\nb,c\n`, 'csv')).toThrow(CatalogFileError);
    expect(() => readCatalogFile(`${HEADER}\na,"x"y,z\n`, 'csv')).toThrow(/^line 2: not valid CSV/);
    expect(() => readCatalogFile('name,tier\nx,y\n', 'csv')).toThrow(/^line 1: missing columns id/);
    expect(() => readCatalogFile('', 'csv')).toThrow('the file is empty');
  });

  it('writes canonical CSV that reads back as the same records (BOM, CRLF, quoting)', () => {
    const records = [
      record({ id: 'a', name: 'Expense, "Tracker"', workarounds: 'first\nsecond', coOwners: [LEE, NESTOR] }),
      record({
        id: 'b',
        name: 'Été équipe',
        supportChannel: 'Finance › Support',
        businessUnit: undefined,
        status: 'orphaned',
        coOwners: [],
      }),
    ];
    const csv = writeCatalogFile(records, 'csv');
    expect(csv.startsWith(`\uFEFF${CANONICAL_COLUMNS.join(',')}\r\n`)).toBe(true);
    const { accepted, rejected } = validateRows(readCatalogFile(csv, 'csv').rows);
    expect(rejected).toEqual([]);
    expect(accepted.map((r) => r.record)).toEqual(records);
  });

  it('neutralises cells a spreadsheet would run as formulas, and reads them back as they were', () => {
    const sneaky = { ...MEGAN, displayName: "@SUM(1+1)*cmd|' /C calc'!A0", email: '-2+3@contoso.example' };
    const records = [
      record({
        id: 'f',
        name: '=HYPERLINK("https://evil.example","Open")',
        environment: '+44 20 7946 0000',
        businessUnit: '-Finance',
        supportChannel: "'=already quoted",
        workarounds: '@team\n=not a formula on a later line\n\t+1',
        dataSources: ['=A1', 'SharePoint'],
        maker: sneaky,
        coOwners: [{ ...LEE, displayName: '=Lee' }],
      }),
    ];
    const csv = writeCatalogFile(records, 'csv');
    const cells = (readCatalogFileCells(csv)[1] ?? []).filter((cell) => cell !== '');
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    expect(cells).toEqual(
      expect.arrayContaining([
        `'=HYPERLINK("https://evil.example","Open")`,
        "'+44 20 7946 0000",
        "'-Finance",
        "''=already quoted",
        "'-2+3@contoso.example",
      ]),
    );
    const { accepted, rejected } = validateRows(readCatalogFile(csv, 'csv').rows);
    expect(rejected).toEqual([]);
    expect(accepted.map((r) => r.record)).toEqual(records);
  });

  it('keeps values that only look quoted: a quote before anything else is left alone both ways', () => {
    const records = [record({ id: 'q', name: "'Quoted' name", environment: "'" })];
    const csv = writeCatalogFile(records, 'csv');
    expect(csv).toContain(",'Quoted' name,");
    expect(validateRows(readCatalogFile(csv, 'csv').rows).accepted.map((r) => r.record)).toEqual(records);
  });
});

describe('JSON', () => {
  it('reads canonical objects, lists as arrays or text, with the line each object starts on', () => {
    const text = `[
  {
    "id": "a", "name": "Expense Tracker", "kind": "canvas", "tier": "Productivity", "environment": "Default",
    "maker_email": "${MEGAN.email}", "maker_name": "${MEGAN.displayName}", "maker_aad_id": "${MEGAN.aadObjectId}",
    "co_owners": [{ "name": "Lee Gu", "email": "${LEE.email}", "aad_id": "${LEE.aadObjectId}" }],
    "data_sources": ["SharePoint", "Dataverse"]
  },
  { "id": "b", "name": "Flow", "kind": "flow", "tier": 2, "maker_email": "${MEGAN.email}", "maker_name": "M", "maker_aad_id": "${MEGAN.aadObjectId}",
    "co_owners": "Nestor Wilke <${NESTOR.email}> [${NESTOR.aadObjectId}]" },
  "not an object",
  { "id": "d", "name": {"nested": true}, "tier": "Critical", "maker_email": "x", "maker_name": "y", "maker_aad_id": "z" }
]`;
    const file = readCatalogFile(text, 'json');
    expect(file.rows.map((r) => r.line)).toEqual([2, 8, 10, 11]);
    const { accepted, rejected } = validateRows(file.rows);
    expect(accepted.map((r) => r.record)).toEqual([
      record({ id: 'a', environment: 'Default', businessUnit: undefined }),
      expect.objectContaining({ id: 'b', tier: 'Important', coOwners: [NESTOR] }),
    ]);
    expect(rejected.map((r) => [r.line, r.reasons[0]])).toEqual([
      [10, 'the record is not an object'],
      [11, 'name must be text'],
    ]);
  });

  it('reads a Dataverse Web API answer of a CoE table', () => {
    const text = JSON.stringify(
      {
        '@odata.context': 'https://contoso.crm.dynamics.com/api/data/v9.2/$metadata#admin_flows',
        value: [
          {
            admin_flowid: 'f1',
            admin_displayname: 'Invoice Processing',
            admin_flowenvironmentdisplayname: 'Finance',
            admin_flowmakerdisplayname: 'Nestor Wilke',
            _admin_flowcreator_value: NESTOR.aadObjectId,
            admin_userprincipalname: NESTOR.email,
          },
        ],
      },
      null,
      2,
    );
    const file = readCatalogFile(text, 'json');
    expect(file.source).toBe('coe-flows');
    expect(file.rows[0]!.line).toBe(4);
    expect(validateRows(file.rows).accepted[0]!.record).toMatchObject({ id: 'f1', kind: 'flow', tier: 'Productivity', maker: NESTOR });
  });

  it('refuses what is not a list of solutions', () => {
    expect(() => readCatalogFile('{"id": 1}', 'json')).toThrow('expected an array of solutions');
    expect(() => readCatalogFile('[\n{"id": "a",\n}', 'json')).toThrow(/^line 3: not valid JSON/);
  });

  it('writes canonical JSON that reads back as the same records', () => {
    const records = [record({ id: 'a', workarounds: 'x\ny' }), record({ id: 'b', coOwners: [LEE, NESTOR], dataSources: [] })];
    const json = writeCatalogFile(records, 'json');
    expect(JSON.parse(json)[0]).toMatchObject({
      id: 'a',
      co_owners: [{ name: 'Lee Gu', email: LEE.email, aad_id: LEE.aadObjectId }],
      data_sources: ['SharePoint', 'Dataverse'],
    });
    expect(validateRows(readCatalogFile(json, 'json').rows).accepted.map((r) => r.record)).toEqual(records);
  });
});

it('picks the format from the extension', () => {
  expect(formatOf('catalog.CSV')).toBe('csv');
  expect(formatOf('/tmp/x.json')).toBe('json');
  expect(formatOf('catalog.xlsx')).toBeUndefined();
  expect(formatOf('csv')).toBeUndefined();
});
