/**
 * CoE Starter Kit inventory exports shaped like the real ones: the Web API's JSON of admin_apps and
 * admin_pvas (annotations, formatted values, the owner's Maker row expanded) and a Power Query CSV of
 * admin_flows. Column names as in the Kit's Entity.xml files (see coe-columns.ts and the README).
 */
import { validateRows } from '../../../../src/domain/catalog/row-validation';
import { readCatalogFile } from '../../../../src/services/catalog/files/catalog-file';
import { LEE, MEGAN, NESTOR } from '../fixtures';

const PATTI = { aadObjectId: '5e7f3c1a-9b2d-4e6f-8a1b-2c3d4e5f6a7b', displayName: 'Patti Fernandez', email: 'pattif@contoso.example' };
const FV = '@OData.Community.Display.V1.FormattedValue';

function maker(person: { aadObjectId: string; displayName: string; email: string }, extra: Record<string, unknown> = {}) {
  return {
    '@odata.etag': 'W/"4153101"',
    admin_makerid: person.aadObjectId,
    admin_displayname: person.displayName,
    admin_userprincipalname: person.email,
    admin_useremail: person.email,
    admin_makerisorphaned: false,
    [`admin_makerisorphaned${FV}`]: 'No',
    admin_department: 'Finance',
    admin_preferredlanguage: 'en-US',
    ...extra,
  };
}

function app(id: string, name: string, owner: typeof MEGAN, extra: Record<string, unknown> = {}, ownerExtra: Record<string, unknown> = {}) {
  return {
    '@odata.etag': 'W/"4153432"',
    admin_appid: id,
    admin_appidstring: id,
    admin_displayname: name,
    [`admin_powerappstype${FV}`]: 'Canvas',
    admin_powerappstype: 597910000,
    admin_appenvironmentdisplayname: 'Contoso (default)',
    [`_admin_appenvironment_value${FV}`]: 'Contoso (default)',
    _admin_appenvironment_value: 'Default-2f6c1a55-0000-4000-8000-00000000c0e5',
    [`_admin_appowner_value${FV}`]: owner.displayName,
    '_admin_appowner_value@Microsoft.Dynamics.CRM.associatednavigationproperty': 'admin_AppOwner',
    '_admin_appowner_value@Microsoft.Dynamics.CRM.lookuplogicalname': 'admin_maker',
    _admin_appowner_value: owner.aadObjectId,
    admin_appownerdisplayname: owner.displayName,
    [`admin_appdeleted${FV}`]: 'No',
    admin_appdeleted: false,
    cr5d5_appisorphaned: 'No',
    [`admin_appsharedusers${FV}`]: '1,204',
    admin_appsharedusers: 1204,
    admin_appsharedgroups: 3,
    [`admin_applastlaunchedon${FV}`]: '5/30/2026 9:12 AM',
    admin_applastlaunchedon: '2026-05-30T09:12:44Z',
    admin_appmodifiedon: '2026-04-02T16:20:00Z',
    admin_launchesinthepast30days: 312,
    admin_department: 'Finance',
    admin_appconnections: 'shared_sharepointonline, shared_office365users',
    admin_AppOwner: maker(owner, ownerExtra),
    ...extra,
  };
}

describe('admin_app from the Dataverse Web API (JSON, annotations, $expand=admin_AppOwner)', () => {
  const answer = {
    '@odata.context': 'https://contoso.crm.dynamics.com/api/data/v9.2/$metadata#admin_apps(admin_appid,admin_AppOwner())',
    value: [
      app('4f1c8a34-7a61-4b0a-9b55-6f0c2f1a9d77', 'Expense Tracker', MEGAN),
      // The maker has left: the app is flagged in cr5d5_appisorphaned (text) and the Maker row names the manager.
      app(
        '9d0c4b2e-1f3a-4c5b-8e6d-7a8b9c0d1e2f',
        'Legacy Purchase Orders',
        NESTOR,
        { cr5d5_appisorphaned: 'Yes', admin_appsharedusers: 0 },
        {
          admin_makerisorphaned: true,
          admin_managerprinciplename: PATTI.email,
          admin_managerdisplayname: PATTI.displayName,
          admin_managerid: PATTI.aadObjectId.toUpperCase(),
          admin_preferredlanguage: 'fr-FR',
        },
      ),
      // Deleted in the tenant; a model-driven app without the formatted value (option 597910001).
      app('0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', 'Customer Onboarding', LEE, {
        admin_appdeleted: true,
        [`admin_powerappstype${FV}`]: undefined,
        admin_powerappstype: 597910001,
      }),
    ],
  };
  const file = readCatalogFile(JSON.stringify(answer, null, 2), 'json');
  const { accepted, rejected } = validateRows(file.rows);

  it('is read as the app inventory; annotations are never "ignored columns"', () => {
    expect(file.source).toBe('coe-apps');
    expect(rejected).toEqual([]);
    expect(file.ignoredColumns).toContain('admin_appconnections');
    expect(file.ignoredColumns.filter((c) => c.includes('@'))).toEqual([]);
  });

  it('maps the owner, the usage figures and the maker language; Productivity by default', () => {
    expect(accepted[0]!.record).toEqual({
      id: '4f1c8a34-7a61-4b0a-9b55-6f0c2f1a9d77',
      name: 'Expense Tracker',
      kind: 'canvas-app',
      environment: 'Contoso (default)',
      tier: 'Productivity',
      maker: { ...MEGAN, preferredLanguage: 'en-US' },
      coOwners: [],
      dataSources: [],
      status: 'active',
      usage: {
        sharedUsers: 1204,
        sharedGroups: 3,
        lastUsedAt: '2026-05-30T09:12:44.000Z',
        lastModifiedAt: '2026-04-02T16:20:00.000Z',
        sessions: 312,
        department: 'Finance',
      },
    });
  });

  it("reads the orphan flag from cr5d5_appisorphaned and names the maker's manager (admin_managerprinciplename)", () => {
    expect(accepted[1]!.record).toMatchObject({
      status: 'orphaned',
      maker: { ...NESTOR, preferredLanguage: 'fr-FR' },
      manager: { displayName: PATTI.displayName, email: PATTI.email, aadObjectId: PATTI.aadObjectId },
      usage: { sharedUsers: 0 },
    });
  });

  it('retires deleted apps and reads the app type from its option value', () => {
    expect(accepted[2]!.record).toMatchObject({ status: 'retired', kind: 'model-driven-app' });
  });
});

describe('admin_flow as a Power Query CSV (logical names, Excel-style lookups)', () => {
  const header = [
    'admin_flowidstring',
    'admin_displayname',
    'admin_flowenvironmentdisplayname',
    'admin_flowmakerdisplayname',
    'admin_flowcreator',
    'admin_flowcreatorupn',
    'admin_flowdeleted',
    'cr5d5_flowisorphaned',
    'admin_userisorphaned',
    'admin_flowsharedusers',
    'admin_flowsharedgroups',
    'admin_flowlastrunon',
    'admin_flowmodifiedon',
    'admin_department',
    'admin_flowstate',
    'cr5d5_flowtrigger',
  ].join(',');
  const csv = [
    header,
    // admin_flowcreator shows the lookup's name (an Excel export): the UPN on the flow row finds the person.
    `6b1e0f3a-2c4d-4e5f-9a0b-1c2d3e4f5a6b,Invoice Processing,Finance (prod),Nestor Wilke,Nestor Wilke,${NESTOR.email},False,No,True,14,2,2026-06-01T07:00:00Z,2026-05-20T10:00:00Z,Finance,Started,Recurrence`,
    // "yes" in lower case, as one of the Kit's own flows writes it.
    `7c2f1a4b-3d5e-4f6a-8b1c-2d3e4f5a6b7c,"Travel approvals, EMEA",Finance (prod),Megan Bowen,${MEGAN.aadObjectId},${MEGAN.email},False,yes,False,,,,"31/05/2026",Finance,Stopped,Approval`,
  ].join('\n');
  const file = readCatalogFile(csv, 'csv');
  const { accepted, rejected } = validateRows(file.rows);

  it('accepts admin_flowidstring as the id and the creator UPN on the flow row', () => {
    expect(file.source).toBe('coe-flows');
    expect(rejected).toEqual([]);
    expect(accepted[0]!.record).toMatchObject({
      id: '6b1e0f3a-2c4d-4e5f-9a0b-1c2d3e4f5a6b',
      kind: 'flow',
      maker: { displayName: 'Nestor Wilke', email: NESTOR.email },
      usage: { sharedUsers: 14, sharedGroups: 2, lastUsedAt: '2026-06-01T07:00:00.000Z', department: 'Finance' },
    });
    expect(accepted[0]!.record.maker.aadObjectId).toBeUndefined();
  });

  it("never reads the orphan flag from admin_userisorphaned (the Power Platform User table's column)", () => {
    expect(accepted[0]!.record.status).toBe('active');
    expect(file.ignoredColumns).toContain('admin_userisorphaned');
    expect(accepted[1]!.record).toMatchObject({ status: 'orphaned', maker: MEGAN });
  });

  it('leaves out a date it cannot read, with a warning on that line, and keeps the row', () => {
    expect(accepted[1]!.line).toBe(3);
    expect(accepted[1]!.warnings).toEqual([expect.stringContaining('last_modified_at "31/05/2026" is not an ISO 8601 date')]);
    expect(accepted[1]!.record.usage).toEqual({ department: 'Finance' });
  });
});

describe('admin_pva from the Web API (owner known by object id only)', () => {
  const answer = {
    '@odata.context': 'https://contoso.crm.dynamics.com/api/data/v9.2/$metadata#admin_pvas',
    value: [
      {
        '@odata.etag': 'W/"998877"',
        admin_pvaid: 'b07a11e5-0000-4000-8000-00000000b075',
        admin_pvadisplayname: 'HR Helpdesk Bot',
        admin_pvaenvironmentdisplayname: 'HR (prod)',
        [`_admin_pvaowner_value${FV}`]: 'Lee Gu',
        '_admin_pvaowner_value@Microsoft.Dynamics.CRM.lookuplogicalname': 'admin_maker',
        _admin_pvaowner_value: LEE.aadObjectId.toUpperCase(),
        admin_pvaisorphaned: 'No',
        [`admin_pvadeleted${FV}`]: 'No',
        admin_pvadeleted: false,
        admin_pvanumberlaunches: 5321,
        admin_pvalastlaunchedon: '2026-06-02T12:00:00Z',
        admin_pvamodifiedon: '2026-01-15T08:00:00Z',
        admin_botlanguage: 'en-us',
      },
    ],
  };

  it('names the maker by the owner lookup; Microsoft Graph gives the email later', () => {
    const file = readCatalogFile(JSON.stringify(answer), 'json');
    expect(file.source).toBe('coe-bots');
    const { accepted, rejected } = validateRows(file.rows);
    expect(rejected).toEqual([]);
    expect(accepted[0]!.record).toMatchObject({
      kind: 'chatbot',
      status: 'active',
      maker: { aadObjectId: LEE.aadObjectId, displayName: 'Lee Gu', email: '' },
      usage: { sessions: 5321, lastUsedAt: '2026-06-02T12:00:00.000Z', lastModifiedAt: '2026-01-15T08:00:00.000Z' },
    });
  });

  it('says what an export lacks', () => {
    const file = () => readCatalogFile(JSON.stringify({ value: [{ admin_pvaid: 'b1', admin_pvadisplayname: 'Bot' }] }), 'json');
    expect(file).toThrow('this CoE Starter Kit export (admin_pvaid) lacks maker_email or admin_pvaowner.admin_userprincipalname');
  });
});
