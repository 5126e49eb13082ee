/**
 * Columns of the CoE Starter Kit inventory tables (Dataverse logical names), as they appear in an
 * export of the "PowerApps App" (admin_app), "Flow" (admin_flow) or "PVA" (admin_pva) table: CSV from
 * Excel or Power Query, or the Web API's JSON (`_admin_appowner_value` for lookups, annotations such
 * as `…@OData.Community.Display.V1.FormattedValue`, and the owner's Maker row when expanded with
 * `$expand=admin_AppOwner(...)`, read as `admin_appowner.<column>`).
 *
 * Every name below was checked against the Starter Kit's own solution files (microsoft/coe-starter-kit,
 * CenterofExcellenceCoreComponents/SolutionPackage/src/Entities/admin_App|admin_Flow|admin_PVA|admin_Maker/Entity.xml,
 * Other/Relationships/admin_Maker.xml for the owner lookups; the README's mapping table cites them).
 *
 * The inventory has no tier, co-owners or support channel: add canonical columns (`tier`,
 * `co_owners`, …) to the export to set them; without a `tier` column every row is Productivity, the
 * tier every solution starts in until it graduates.
 */
import type { SolutionKind } from '../solution';
import type { CanonicalColumn } from './canonical-columns';

export type CoeTable = 'apps' | 'flows' | 'bots';

export interface CoeTableColumns {
  /** Columns whose presence identifies the table (either one). */
  readonly idColumns: readonly string[];
  /** The owner lookup's navigation property: expanded Maker columns are read as `{owner}.admin_…`. */
  readonly owner: string;
  /** Canonical column → CoE columns to take it from, first non-empty wins. */
  readonly columns: Partial<Record<CanonicalColumn, readonly string[]>>;
  /** Kind when the row does not say (apps: from admin_powerappstype). */
  readonly defaultKind: SolutionKind;
  /** Yes/No columns that mark the solution retired (deleted in the tenant). */
  readonly deletedColumns: readonly string[];
  /** Yes/No (text "Yes"/"No" on these tables) columns that mark the solution orphaned (its maker left). */
  readonly orphanedColumns: readonly string[];
}

/** Formatted-value annotation of the Web API (`Prefer: odata.include-annotations="*"`). */
export const FORMATTED = '@odata.community.display.v1.formattedvalue';

/** The Maker table's columns (admin_maker), read from the owner's expanded row or a joined export. */
function makerColumns(
  owner: string,
  makerNameFallbacks: readonly string[],
  ownEmail: readonly string[] = [],
): Partial<Record<CanonicalColumn, readonly string[]>> {
  const from = (column: string): string[] => [`${owner}.${column}`];
  return {
    maker_name: [...makerNameFallbacks, ...from('admin_displayname')],
    maker_email: [
      ...ownEmail,
      ...from('admin_userprincipalname'),
      'admin_userprincipalname',
      ...from('admin_useremail'),
      'admin_useremail',
    ],
    // admin_managerprinciplename (sic: the Kit's spelling) holds the manager's mail; admin_managerid their object id.
    manager_email: [...from('admin_managerprinciplename'), 'admin_managerprinciplename'],
    manager_name: [...from('admin_managerdisplayname'), 'admin_managerdisplayname'],
    manager_aad_id: [...from('admin_managerid'), 'admin_managerid'],
    maker_language: [...from('admin_preferredlanguage'), 'admin_preferredlanguage'],
  };
}

/** Maker orphaned (bit on admin_maker): the maker has left. */
function makerOrphaned(owner: string): string[] {
  return [`${owner}.admin_makerisorphaned`, 'admin_makerisorphaned'];
}

export const COE_TABLES: Readonly<Record<CoeTable, CoeTableColumns>> = {
  apps: {
    idColumns: ['admin_appid', 'admin_appidstring'],
    owner: 'admin_appowner',
    columns: {
      id: ['admin_appid', 'admin_appidstring'],
      name: ['admin_displayname'],
      kind: [`admin_powerappstype${FORMATTED}`, 'admin_powerappstype'],
      environment: ['admin_appenvironmentdisplayname', `_admin_appenvironment_value${FORMATTED}`],
      maker_aad_id: ['_admin_appowner_value', 'admin_appowner'],
      ...makerColumns('admin_appowner', ['admin_appownerdisplayname', `_admin_appowner_value${FORMATTED}`]),
      department: ['admin_department', 'admin_appowner.admin_department'],
      shared_users: ['admin_appsharedusers'],
      shared_groups: ['admin_appsharedgroups'],
      last_used_at: ['admin_applastlaunchedon'],
      last_modified_at: ['admin_appmodifiedon'],
      sessions: ['admin_launchesinthepast30days'],
    },
    defaultKind: 'canvas-app',
    deletedColumns: ['admin_appdeleted'],
    orphanedColumns: ['cr5d5_appisorphaned', ...makerOrphaned('admin_appowner')],
  },
  flows: {
    idColumns: ['admin_flowid', 'admin_flowidstring'],
    owner: 'admin_flowcreator',
    columns: {
      id: ['admin_flowid', 'admin_flowidstring'],
      name: ['admin_displayname'],
      environment: ['admin_flowenvironmentdisplayname', `_admin_flowenvironment_value${FORMATTED}`],
      maker_aad_id: ['_admin_flowcreator_value', 'admin_flowcreator'],
      // The flow row carries its creator's UPN itself (admin_flowcreatorupn): no Maker join needed.
      ...makerColumns(
        'admin_flowcreator',
        ['admin_flowmakerdisplayname', `_admin_flowcreator_value${FORMATTED}`],
        ['admin_flowcreatorupn'],
      ),
      department: ['admin_department', 'admin_flowcreator.admin_department'],
      shared_users: ['admin_flowsharedusers'],
      shared_groups: ['admin_flowsharedgroups'],
      last_used_at: ['admin_flowlastrunon'],
      last_modified_at: ['admin_flowmodifiedon'],
    },
    defaultKind: 'flow',
    deletedColumns: ['admin_flowdeleted'],
    orphanedColumns: ['cr5d5_flowisorphaned', ...makerOrphaned('admin_flowcreator')],
  },
  bots: {
    idColumns: ['admin_pvaid'],
    owner: 'admin_pvaowner',
    columns: {
      id: ['admin_pvaid'],
      name: ['admin_pvadisplayname', 'admin_name'],
      environment: ['admin_pvaenvironmentdisplayname', `_admin_pvaenvironment_value${FORMATTED}`],
      maker_aad_id: ['_admin_pvaowner_value', 'admin_pvaowner'],
      ...makerColumns('admin_pvaowner', [`_admin_pvaowner_value${FORMATTED}`]),
      department: ['admin_pvaowner.admin_department'],
      last_used_at: ['admin_pvalastlaunchedon', 'admin_lastlaunchedon'],
      last_modified_at: ['admin_pvamodifiedon'],
      sessions: ['admin_pvanumberlaunches'],
    },
    defaultKind: 'chatbot',
    deletedColumns: ['admin_pvadeleted'],
    orphanedColumns: ['admin_pvaisorphaned', ...makerOrphaned('admin_pvaowner')],
  },
};

/** admin_powerappstype option values (OptionSets/admin_powerappstype.xml), for JSON without annotations. */
export const POWERAPPS_TYPES: Readonly<Record<string, SolutionKind>> = {
  '597910000': 'canvas-app', // Canvas
  '597910001': 'model-driven-app', // Model Driven
  '597910002': 'canvas-app', // SharePointFormApp
  '597910003': 'other', // Custom Page
  '597910004': 'other', // Component Library
};

/** Dataverse Yes/No as exported: "Yes"/"No", "true"/"false", "1"/"0". */
export function isYes(value: string | undefined): boolean {
  return /^(yes|true|1|y)$/i.test((value ?? '').trim());
}
