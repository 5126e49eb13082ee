import { CANONICAL_COLUMNS, rowOf } from '../../../src/domain/catalog/canonical-columns';
import { mapHeader, type HeaderMapping } from '../../../src/domain/catalog/header-mapping';
import { validateRecord } from '../../../src/domain/catalog/record-validation';
import { MEGAN, record } from './fixtures';

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
    expect(validateRecord(m.rowValues(cells))).toEqual({ ok: true, record: record(), warnings: [] });
  });

  it('accepts columns in any order, optional ones left out, extra ones ignored', () => {
    const m = mapping(['tier', 'maker_aad_id', 'name', 'id', 'notes', 'maker_name', 'maker_email', 'kind']);
    expect(m.ignored).toEqual(['notes']);
    const values = m.rowValues(['critical', MEGAN.aadObjectId, 'CRM', 'crm', 'x', MEGAN.displayName, MEGAN.email, 'model-driven']);
    expect(validateRecord(values)).toMatchObject({
      ok: true,
      record: { id: 'crm', tier: 'Critical', coOwners: [], dataSources: [], status: 'active' },
    });
  });

  it.each([
    [['id', 'name', 'kind'], 'missing columns tier, maker_email;'],
    [['name', 'tier'], 'missing columns id, maker_email;'],
    [['id', 'name', 'ID', 'tier'], 'column "ID" appears twice in the header'],
  ])('rejects the header %p', (header, problem) => {
    expect(mapHeader(header)).toEqual({ ok: false, problem: expect.stringContaining(problem) });
  });
});

describe('a file it cannot place', () => {
  it('explains an unknown header', () => {
    expect(mapHeader(['app', 'owner'])).toEqual({ ok: false, problem: expect.stringContaining('the canonical header is id,name,kind,') });
  });
});
