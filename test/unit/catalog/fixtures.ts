import type { RowValues } from '../../../src/domain/catalog/canonical-columns';
import type { SolutionRecord } from '../../../src/domain/catalog/solution-record';
import type { Person } from '../../../src/domain/solution';

export const MEGAN: Person = {
  aadObjectId: '79a4d994-151f-4573-9813-92f75a1223df',
  displayName: 'Megan Bowen',
  email: 'meganb@contoso.example',
};
export const LEE: Person = { aadObjectId: 'f0fcce3d-482b-4e59-81e2-542c7050214b', displayName: 'Lee Gu', email: 'leeg@contoso.example' };
export const NESTOR: Person = {
  aadObjectId: 'c348d661-5771-4eac-977a-6085503963b9',
  displayName: 'Nestor Wilke',
  email: 'nestorw@contoso.example',
};

/** A valid canonical row; override single columns to make it invalid. */
export function row(overrides: RowValues = {}): RowValues {
  return {
    id: 'expense-tracker',
    name: 'Expense Tracker',
    kind: 'canvas-app',
    environment: 'Contoso (default)',
    tier: 'Productivity',
    maker_email: MEGAN.email,
    maker_name: MEGAN.displayName,
    maker_aad_id: MEGAN.aadObjectId,
    co_owners: `Lee Gu <${LEE.email}> [${LEE.aadObjectId}]`,
    support_channel: '',
    business_unit: 'Finance',
    data_sources: 'SharePoint; Dataverse',
    workarounds: '',
    status: '',
    ...overrides,
  };
}

export function record(overrides: Partial<SolutionRecord> = {}): SolutionRecord {
  return {
    id: 'expense-tracker',
    name: 'Expense Tracker',
    kind: 'canvas-app',
    environment: 'Contoso (default)',
    tier: 'Productivity',
    maker: MEGAN,
    coOwners: [LEE],
    businessUnit: 'Finance',
    dataSources: ['SharePoint', 'Dataverse'],
    status: 'active',
    ...overrides,
  };
}
