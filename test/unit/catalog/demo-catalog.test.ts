import { readFileSync } from 'node:fs';
import { validateRows } from '../../../src/domain/catalog/row-validation';
import { SOLUTION_KINDS, TIERS } from '../../../src/domain/solution';
import { readCatalogFile } from '../../../src/services/catalog/files/catalog-file';
import { DEMO_CATALOG_FILE, demoCatalogCsv, demoCatalogRecords } from '../../../scripts/demo-catalog';
import { demoOrg } from '../../../scripts/lib/demo-org';

describe('demo catalog (scripts/demo-catalog.csv)', () => {
  const text = readFileSync(DEMO_CATALOG_FILE, 'utf8');
  const { accepted, rejected } = validateRows(readCatalogFile(text, 'csv').rows);
  const records = accepted.map((r) => r.record);

  it('is generated from scripts/demo-catalog.ts and the playground organisation (regenerate: npx tsx scripts/demo-catalog.ts)', () => {
    expect(text.replace(/\r\n/g, '\n')).toBe(demoCatalogCsv().replace(/\r\n/g, '\n'));
    expect(records).toEqual(demoCatalogRecords());
  });

  it('is a valid canonical file with every tier and kind, one orphaned solution', () => {
    expect(rejected).toEqual([]);
    expect(records.length).toBeGreaterThanOrEqual(10);
    expect(new Set(records.map((r) => r.tier))).toEqual(new Set(TIERS));
    expect(new Set(records.map((r) => r.kind))).toEqual(new Set(SOLUTION_KINDS));
    expect(records.filter((r) => r.status === 'orphaned')).toHaveLength(1);
  });

  it("names the playground makers and co-owners (the orphan's maker has left, so is not one of them)", () => {
    const org = demoOrg();
    const ids = new Set(org.people.map((p) => p.aadObjectId));
    for (const r of records) {
      if (r.status !== 'orphaned') expect(ids.has(r.maker.aadObjectId!)).toBe(true);
      for (const p of r.coOwners) expect(p.aadObjectId ? ids.has(p.aadObjectId) : org.people.some((o) => o.email === p.email)).toBe(true);
    }
    const megan = org.maker.aadObjectId;
    expect(records.some((r) => r.maker.aadObjectId === megan)).toBe(true);
    expect(records.some((r) => r.coOwners.some((p) => p.aadObjectId === megan))).toBe(true);
    expect(records.some((r) => r.coOwners.some((p) => org.coOwners.some((c) => c.aadObjectId === p.aadObjectId)))).toBe(true);
  });

  it('writes only to people who have a playground in `npm run dev` (another playground answers 500 UserNotFound, retried for minutes)', () => {
    const org = demoOrg();
    const personas = new Set(org.personas.map((p) => p.aadObjectId));
    const personaEmails = new Set(org.personas.map((p) => p.email));
    // Someone named by email alone is found through Graph (the local run's stand-in): the email tells who.
    const isPersona = (p: { aadObjectId?: string; email?: string }) =>
      p.aadObjectId ? personas.has(p.aadObjectId) : personaEmails.has(p.email ?? '');
    for (const r of records.filter((s) => s.status !== 'retired')) {
      // A Productivity solution's maker gets a DM; co-owners of any tier get pinged as a fallback or for Important.
      if (r.tier === 'Productivity' && r.status === 'active')
        expect({ solution: r.id, maker: isPersona(r.maker) }).toEqual({ solution: r.id, maker: true });
      for (const p of r.coOwners)
        expect({ solution: r.id, coOwner: p.displayName, persona: isPersona(p) }).toEqual({
          solution: r.id,
          coOwner: p.displayName,
          persona: true,
        });
    }
    // The story's Important solution has two co-owner personas: the first claim wins, the other sees it.
    expect(records.some((r) => r.tier === 'Important' && r.coOwners.filter(isPersona).length >= 2)).toBe(true);
  });
});
