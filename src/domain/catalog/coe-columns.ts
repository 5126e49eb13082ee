/**
 * Columns of the CoE Starter Kit inventory tables (Dataverse logical names), as they appear in an
 * export of the "PowerApps App" (admin_app), "Flow" (admin_flow) or "PVA" (admin_pva) table — CSV
 * from Excel/Power Query, or the Web API's JSON (`_admin_appowner_value` for lookups).
 *
 * The inventory has no tier, co-owners or support channel: add canonical columns (`tier`,
 * `co_owners`, …) to the export to set them; without a `tier` column every row is Productivity, the
 * tier every solution starts in until it graduates. The owner's email is not on the app/flow/bot
 * row: join the Maker table (admin_maker) for `admin_userprincipalname`, or add `maker_email`.
 */
import type { SolutionKind } from '../solution';
import type { CanonicalColumn } from './canonical-columns';

export type CoeTable = 'apps' | 'flows' | 'bots';

export interface CoeTableColumns {
  /** The column whose presence identifies the table. */
  readonly idColumn: string;
  /** Canonical column → CoE columns to take it from, first non-empty wins. */
  readonly columns: Partial<Record<CanonicalColumn, readonly string[]>>;
  /** Kind when the row does not say (apps: from admin_powerappstype). */
  readonly defaultKind: SolutionKind;
  /** Yes/No columns that mark the solution retired (deleted in the tenant). */
  readonly deletedColumns: readonly string[];
  /** Yes/No columns that mark the solution orphaned (its maker left). */
  readonly orphanedColumns: readonly string[];
}

const MAKER_UPN = 'admin_userprincipalname';

export const COE_TABLES: Readonly<Record<CoeTable, CoeTableColumns>> = {
  apps: {
    idColumn: 'admin_appid',
    columns: {
      id: ['admin_appid'],
      name: ['admin_displayname'],
      kind: ['admin_powerappstype'],
      environment: ['admin_appenvironmentdisplayname'],
      maker_name: ['admin_appownerdisplayname'],
      maker_aad_id: ['_admin_appowner_value', 'admin_appowner'],
      maker_email: [MAKER_UPN],
    },
    defaultKind: 'canvas-app',
    deletedColumns: ['admin_appdeleted'],
    orphanedColumns: ['admin_userisorphaned'],
  },
  flows: {
    idColumn: 'admin_flowid',
    columns: {
      id: ['admin_flowid'],
      name: ['admin_displayname'],
      environment: ['admin_flowenvironmentdisplayname'],
      maker_name: ['admin_flowmakerdisplayname'],
      maker_aad_id: ['_admin_flowcreator_value', 'admin_flowcreator'],
      maker_email: [MAKER_UPN],
    },
    defaultKind: 'flow',
    deletedColumns: ['admin_flowdeleted'],
    orphanedColumns: ['admin_userisorphaned'],
  },
  bots: {
    idColumn: 'admin_pvaid',
    columns: {
      id: ['admin_pvaid'],
      name: ['admin_pvadisplayname'],
      environment: ['admin_pvaenvironmentdisplayname'],
      maker_aad_id: ['_admin_pvaowner_value', 'admin_pvaowner'],
      maker_email: [MAKER_UPN],
    },
    defaultKind: 'chatbot',
    deletedColumns: ['admin_pvadeleted'],
    orphanedColumns: ['admin_pvaisorphaned', 'admin_userisorphaned'],
  },
};

/** Dataverse Yes/No as exported: "Yes"/"No", "true"/"false", "1"/"0". */
export function isYes(value: string | undefined): boolean {
  return /^(yes|true|1|y)$/i.test((value ?? '').trim());
}
