/**
 * The demo catalog: solutions of every tier and kind, made and co-owned by the demo organisation's
 * people (`.m365agentsplayground.yml` via lib/demo-org.ts: the single place their names and ids
 * live), plus one orphaned and one retired solution. Everyone the bot may write to about a solution
 * (the maker of a Productivity one, the co-owners of any) has their own playground in `npm run dev`:
 * Nestor, who has none, only makes Important and Critical solutions, whose makers the bot never
 * writes to. Some people are named by email only, the way admins have them: the local run resolves them
 * through its Graph stand-in (scripts/lib/graph.ts). The demo's story uses Expense Tracker (Megan's), Site Inspection (co-owned by Megan
 * and Lee) and Customer Onboarding (Critical).
 *
 * `scripts/demo-catalog.csv` is generated from this file, so `npm run catalog -- import` can load it
 * like any admin's file. After changing the solutions or the people, regenerate it:
 *   npx tsx scripts/demo-catalog.ts
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SolutionRecord } from '../src/domain/catalog/solution-record';
import type { CatalogPerson, Person, SolutionKind, SolutionStatus, Tier } from '../src/domain/solution';
import { writeCsv } from '../src/services/catalog/files/catalog-csv';
import { demoOrg, type DemoOrg, type DemoPersonKey } from './lib/demo-org';

export const DEMO_CATALOG_FILE = path.join(__dirname, 'demo-catalog.csv');

/** A maker who has left the organisation: not in the playground, on purpose. */
const DEPARTED_MAKER: Person = {
  aadObjectId: '6e2b9c1d-3f4a-4b5c-8d7e-9f0a1b2c3d4e',
  displayName: 'Joni Sherman',
  email: 'jonis@contoso.example',
};

interface DemoSolution {
  readonly id: string;
  readonly name: string;
  readonly kind: SolutionKind;
  readonly environment: string;
  readonly tier: Tier;
  readonly maker: DemoPersonKey | Person;
  readonly coOwners?: readonly DemoPersonKey[];
  /** Co-owners named by email alone (no object id in the file). */
  readonly coOwnersByEmail?: readonly DemoPersonKey[];
  /** The maker's manager, by email alone (stands in when the maker has left). */
  readonly managerByEmail?: DemoPersonKey;
  readonly supportChannel?: string;
  readonly businessUnit?: string;
  readonly dataSources?: readonly string[];
  readonly workarounds?: string;
  readonly status?: SolutionStatus;
}

const SOLUTIONS: readonly DemoSolution[] = [
  {
    id: 'expense-tracker',
    name: 'Expense Tracker',
    kind: 'canvas-app',
    environment: 'Contoso (default)',
    tier: 'Productivity',
    maker: 'megan',
    businessUnit: 'Finance',
    dataSources: ['SharePoint: Expenses list', 'Office 365 Users'],
    workarounds: 'If the receipt photo does not upload, email it to expenses@contoso.example and put the reference in the comments.',
  },
  {
    id: 'feuille-de-temps-equipe',
    name: 'Feuille de temps équipe',
    kind: 'canvas-app',
    environment: 'Contoso (default)',
    tier: 'Productivity',
    maker: 'megan',
    coOwners: ['lee'],
    businessUnit: 'Opérations France',
    dataSources: ['Excel Online: Feuilles de temps.xlsx'],
  },
  {
    id: 'vacation-planner',
    name: 'Vacation Planner',
    kind: 'canvas-app',
    environment: 'Contoso (default)',
    tier: 'Productivity',
    maker: 'lee',
    coOwnersByEmail: ['megan'],
    businessUnit: 'Human Resources',
    dataSources: ['SharePoint: Team calendar'],
  },
  {
    id: 'it-equipment-request',
    name: 'IT Equipment Request',
    kind: 'other',
    environment: 'Contoso (default)',
    tier: 'Productivity',
    maker: 'lee',
    coOwners: ['megan'],
    businessUnit: 'IT',
    dataSources: ['Power Pages', 'Dataverse'],
  },
  {
    id: 'travel-request-approvals',
    name: 'Travel Request Approvals',
    kind: 'flow',
    environment: 'Finance (prod)',
    tier: 'Important',
    maker: 'megan',
    coOwners: ['lee'],
    supportChannel: 'Finance Apps › Support',
    businessUnit: 'Finance',
    dataSources: ['Approvals', 'SharePoint: Travel requests', 'Office 365 Outlook'],
    workarounds: 'If an approval is stuck for more than a day, ask your manager to approve it from the Approvals app in Teams.',
  },
  {
    id: 'site-inspection',
    name: 'Site Inspection',
    kind: 'canvas-app',
    environment: 'Operations (prod)',
    tier: 'Important',
    maker: 'nestor',
    coOwners: ['megan', 'lee'],
    businessUnit: 'Operations',
    dataSources: ['Dataverse: Inspections', 'SharePoint: Site photos'],
    workarounds: 'Without signal, keep filling in the form: it saves offline and syncs when you are back online.',
  },
  {
    id: 'hr-helpdesk-bot',
    name: 'HR Helpdesk Bot',
    kind: 'chatbot',
    environment: 'HR (prod)',
    tier: 'Important',
    maker: 'lee',
    coOwners: ['megan'],
    supportChannel: 'HR Digital › Bot support',
    businessUnit: 'Human Resources',
    dataSources: ['Dataverse: HR knowledge articles', 'ServiceNow'],
  },
  {
    id: 'customer-onboarding',
    name: 'Customer Onboarding',
    kind: 'model-driven-app',
    environment: 'Sales (prod)',
    tier: 'Critical',
    maker: 'megan',
    coOwners: ['lee'],
    businessUnit: 'Sales',
    dataSources: ['Dataverse', 'Dynamics 365 Sales'],
  },
  {
    id: 'invoice-processing',
    name: 'Invoice Processing',
    kind: 'flow',
    environment: 'Finance (prod)',
    tier: 'Critical',
    maker: 'nestor',
    coOwners: ['megan'],
    businessUnit: 'Finance',
    dataSources: ['AI Builder: invoice model', 'SAP ERP', 'SharePoint: Invoices'],
    workarounds: 'Invoices the model cannot read land in the "Manual review" folder: process them by hand until it is fixed.',
  },
  {
    id: 'legacy-purchase-orders',
    name: 'Legacy Purchase Orders',
    kind: 'canvas-app',
    environment: 'Contoso (default)',
    tier: 'Productivity',
    maker: DEPARTED_MAKER,
    coOwners: ['megan'],
    managerByEmail: 'adele',
    businessUnit: 'Procurement',
    dataSources: ['SQL Server: PurchaseOrders'],
    status: 'orphaned',
  },
  {
    id: 'room-booking-classic',
    name: 'Room Booking Classic',
    kind: 'flow',
    environment: 'Contoso (default)',
    tier: 'Productivity',
    maker: 'megan',
    dataSources: ['Office 365 Outlook'],
    status: 'retired',
  },
];

export function demoCatalogRecords(org: DemoOrg = demoOrg()): SolutionRecord[] {
  const person = (who: DemoPersonKey | Person): Person => {
    if (typeof who !== 'string') return who;
    const p = org.person(who);
    return { aadObjectId: p.aadObjectId, displayName: p.name, email: p.email };
  };
  const byEmail = (who: DemoPersonKey): CatalogPerson => {
    const p = org.person(who);
    return { displayName: p.name, email: p.email };
  };
  return SOLUTIONS.map((s) => ({
    id: s.id,
    name: s.name,
    kind: s.kind,
    environment: s.environment,
    tier: s.tier,
    maker: person(s.maker),
    coOwners: [...(s.coOwners ?? []).map(person), ...(s.coOwnersByEmail ?? []).map(byEmail)],
    ...(s.managerByEmail ? { manager: byEmail(s.managerByEmail) } : {}),
    ...(s.supportChannel ? { supportChannel: s.supportChannel } : {}),
    ...(s.businessUnit ? { businessUnit: s.businessUnit } : {}),
    dataSources: [...(s.dataSources ?? [])],
    ...(s.workarounds ? { workarounds: s.workarounds } : {}),
    status: s.status ?? 'active',
  }));
}

export function demoCatalogCsv(org: DemoOrg = demoOrg()): string {
  return writeCsv(demoCatalogRecords(org));
}

if (require.main === module) {
  writeFileSync(DEMO_CATALOG_FILE, demoCatalogCsv(), 'utf8');
  process.stdout.write(`wrote ${path.relative(process.cwd(), DEMO_CATALOG_FILE)}\n`);
}
