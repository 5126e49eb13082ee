import { CANONICAL_COLUMNS, rowOf } from '../../../src/domain/catalog/canonical-columns';
import { mapHeader, type HeaderMapping } from '../../../src/domain/catalog/header-mapping';
import { validateRecord } from '../../../src/domain/catalog/record-validation';
import { LEE, MEGAN, record } from './fixtures';

function mapping(header: string[]): HeaderMapping {
  const result = mapHeader(header);
  if (!result.ok) throw new Error(result.problem);
  return result.mapping;
}

describe('canonical header', () => {
  it('maps every canonical column, whatever the case and spacing of the header', () => {
    const m = mapping(CANONICAL_COLUMNS.map((c) => ` ${c.toUpperCase()} `));
    expect(m.source).toBe('canonical');
    expect(m.ignored).toEqual([]);
    const cells = CANONICAL_COLUMNS.map((c) => rowOf(record())[c]);
    expect(validateRecord(m.rowValues(cells))).toEqual({ ok: true, record: record() });
  });

  it('accepts columns in any order, optional ones left out, extra ones ignored', () => {
    const m = mapping(['tier', 'maker_aad_id', 'name', 'id', 'notes', 'maker_name', 'maker_email', 'kind']);
    expect(m.ignored).toEqual(['notes']);
    const values = m.rowValues(['critical', MEGAN.aadObjectId, 'CRM', 'crm', 'x', MEGAN.displayName, MEGAN.email, 'model-driven']);
    expect(validateRecord(values)).toMatchObject({ ok: true, record: { id: 'crm', tier: 'Critical', coOwners: [], dataSources: [], status: 'active' } });
  });

  it.each([
    [['id', 'name', 'kind'], 'missing columns tier, maker_email, maker_name, maker_aad_id'],
    [['name', 'tier'], 'missing columns id, maker_email, maker_name, maker_aad_id'],
    [['id', 'name', 'ID', 'tier'], 'column "ID" appears twice in the header'],
  ])('rejects the header %p', (header, problem) => {
    expect(mapHeader(header)).toEqual({ ok: false, problem: expect.stringContaining(problem) });
  });
});

describe('CoE Starter Kit inventory exports', () => {
  const appHeader = [
    'admin_appid',
    'admin_displayname',
    'admin_powerappstype',
    'admin_appenvironmentdisplayname',
    'admin_appownerdisplayname',
    '_admin_appowner_value',
    'admin_userprincipalname',
    'admin_appdeleted',
    'admin_appsharedusers',
  ];

  it('reads an app inventory: Productivity by default, kind from the app type, owner from the Maker join', () => {
    const m = mapping(appHeader);
    expect(m.source).toBe('coe-apps');
    expect(m.ignored).toEqual(['admin_appsharedusers']);
    const values = m.rowValues([
      '4f1c8a34-7a61-4b0a-9b55-6f0c2f1a9d77',
      'Expense Tracker',
      'Canvas',
      'Contoso (default)',
      'Megan Bowen',
      MEGAN.aadObjectId,
      MEGAN.email,
      'No',
      '12',
    ]);
    expect(validateRecord(values)).toEqual({
      ok: true,
      record: {
        id: '4f1c8a34-7a61-4b0a-9b55-6f0c2f1a9d77',
        name: 'Expense Tracker',
        kind: 'canvas-app',
        environment: 'Contoso (default)',
        tier: 'Productivity',
        maker: MEGAN,
        coOwners: [],
        dataSources: [],
        status: 'active',
      },
    });
  });

  it('marks deleted apps retired and reads unknown app types as "other"', () => {
    const m = mapping(appHeader);
    const values = m.rowValues(['a1', 'Old app', 'Code app', 'Dev', 'Megan Bowen', MEGAN.aadObjectId, MEGAN.email, 'Yes', '0']);
    expect(values).toMatchObject({ kind: 'other', status: 'retired', tier: 'Productivity' });
    expect(m.rowValues(['a2', 'App', 'Model Driven', 'Dev', 'M', MEGAN.aadObjectId, MEGAN.email, 'No', '0'])).toMatchObject({ kind: 'Model Driven' });
  });

  it('lets canonical columns added to the export win (tier, co-owners, status)', () => {
    const m = mapping([...appHeader, 'tier', 'co_owners', 'status']);
    const values = m.rowValues([
      'a1', 'App', 'Canvas', 'Dev', 'Megan Bowen', MEGAN.aadObjectId, MEGAN.email, 'Yes', '3',
      'Important', `Lee Gu <${LEE.email}> [${LEE.aadObjectId}]`, 'active',
    ]);
    expect(validateRecord(values)).toMatchObject({ ok: true, record: { tier: 'Important', coOwners: [LEE], status: 'active' } });
  });

  it('reads a flow inventory (Web API lookup column) and an orphaned maker', () => {
    const m = mapping(['admin_flowid', 'admin_displayname', 'admin_flowenvironmentdisplayname', 'admin_flowmakerdisplayname', '_admin_flowcreator_value', 'admin_userprincipalname', 'admin_userisorphaned']);
    expect(m.source).toBe('coe-flows');
    const values = m.rowValues(['f1', 'Invoice Processing', 'Finance', 'Nestor Wilke', 'c348d661-5771-4eac-977a-6085503963b9', 'nestorw@contoso.example', 'true']);
    expect(values).toMatchObject({ id: 'f1', kind: 'flow', environment: 'Finance', status: 'orphaned', maker_name: 'Nestor Wilke' });
  });

  it('reads a chatbot inventory, using the email as the name when the export has no owner name', () => {
    const m = mapping(['admin_pvaid', 'admin_pvadisplayname', 'admin_pvaenvironmentdisplayname', 'admin_pvaowner', 'maker_email']);
    expect(m.source).toBe('coe-bots');
    expect(m.rowValues(['b1', 'HR Bot', 'HR', LEE.aadObjectId, LEE.email])).toMatchObject({ kind: 'chatbot', maker_name: LEE.email, maker_email: LEE.email });
  });

  it('explains what a CoE export lacks', () => {
    expect(mapHeader(['admin_appid', 'admin_displayname', 'admin_appowner'])).toEqual({
      ok: false,
      problem: 'this CoE Starter Kit export (admin_appid) lacks maker_email or admin_userprincipalname',
    });
  });

  it('explains an unknown header', () => {
    expect(mapHeader(['app', 'owner'])).toEqual({ ok: false, problem: expect.stringContaining('the canonical header is id,name,kind,') });
  });
});
