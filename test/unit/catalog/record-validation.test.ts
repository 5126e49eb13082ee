import { validateRecord, type IssueCode } from '../../../src/domain/catalog/record-validation';
import { parseKindText, parseStatusText, parseTierText } from '../../../src/domain/catalog/solution-fields';
import type { RowValues } from '../../../src/domain/catalog/canonical-columns';
import { LEE, MEGAN, NESTOR, record, row } from './fixtures';

describe('tier, kind and status parsing', () => {
  test.each([
    ['Productivity', 'Productivity'],
    ['productivity', 'Productivity'],
    ['  IMPORTANT ', 'Important'],
    ['critical', 'Critical'],
    ['Tier 2', 'Important'],
    ['team-assisted', 'Important'],
    ['mission critical', 'Critical'],
    ['gold', undefined],
    ['', undefined],
  ])('tier %p → %p', (text, tier) => expect(parseTierText(text)).toBe(tier));

  test.each([
    ['canvas', 'canvas-app'],
    ['Canvas App', 'canvas-app'],
    ['model-driven', 'model-driven-app'],
    ['Model Driven', 'model-driven-app'],
    ['model_driven_app', 'model-driven-app'],
    ['cloud flow', 'flow'],
    ['Power Automate', 'flow'],
    ['copilot', 'chatbot'],
    ['Copilot Studio', 'chatbot'],
    ['bot', 'chatbot'],
    ['Power Pages', 'other'],
    ['spreadsheet', undefined],
  ])('kind %p → %p', (text, kind) => expect(parseKindText(text)).toBe(kind));

  test.each([
    ['active', 'active'],
    ['Orphaned', 'orphaned'],
    ['maker left', 'orphaned'],
    ['RETIRED', 'retired'],
    ['decommissioned', 'retired'],
    ['paused', undefined],
  ])('status %p → %p', (text, status) => expect(parseStatusText(text)).toBe(status));
});

describe('validateRecord', () => {
  it('maps a canonical row to a record, normalising tier, kind, lists and defaults', () => {
    const result = validateRecord(row({ tier: 'important', kind: 'Cloud Flow', data_sources: ' SharePoint ;; Dataverse; ', status: '' }));
    expect(result).toEqual({ ok: true, record: record({ tier: 'Important', kind: 'flow' }), warnings: [] });
  });

  it('keeps line breaks in workarounds (as \\n) and trims the ends', () => {
    const result = validateRecord(row({ workarounds: '  Use the web form,\r\nthen email finance.\n' }));
    expect(result.ok && result.record.workarounds).toBe('Use the web form,\nthen email finance.');
  });

  it('stores Entra object ids in lower case, as Teams sends them', () => {
    const result = validateRecord(row({ maker_aad_id: MEGAN.aadObjectId.toUpperCase() }));
    expect(result.ok && result.record.maker.aadObjectId).toBe(MEGAN.aadObjectId);
  });

  it('accepts co-owners without a name (the email is used) and several entries', () => {
    const result = validateRecord(
      row({ co_owners: `<${LEE.email}> [${LEE.aadObjectId}];Nestor Wilke<${NESTOR.email}>[${NESTOR.aadObjectId}];` }),
    );
    expect(result.ok && result.record.coOwners).toEqual([{ ...LEE, displayName: LEE.email }, NESTOR]);
  });

  type Case = [string, RowValues, IssueCode, string];
  test.each<Case>([
    ['missing id', { id: '  ' }, 'missing-value', 'missing id'],
    ['id with a slash', { id: 'apps/expense' }, 'invalid-id', 'may only contain'],
    ['id starting with a dash', { id: '-x' }, 'invalid-id', 'must start with a letter or digit'],
    ['id too long', { id: 'a'.repeat(129) }, 'invalid-id', 'the limit is 128'],
    ['missing name', { name: '' }, 'missing-value', 'missing name'],
    ['name with a line break', { name: 'Expense\nTracker' }, 'invalid-text', 'line break'],
    ['name too long', { name: 'x'.repeat(201) }, 'invalid-text', 'the limit is 200'],
    ['missing tier', { tier: '' }, 'missing-value', 'missing tier (expected Productivity, Important or Critical)'],
    ['unknown tier', { tier: 'Gold' }, 'unknown-tier', 'unknown tier "Gold"; expected Productivity, Important or Critical'],
    ['unknown kind', { kind: 'spreadsheet' }, 'unknown-kind', 'unknown kind "spreadsheet"'],
    ['missing kind', { kind: '' }, 'missing-value', 'missing kind'],
    ['unknown status', { status: 'paused' }, 'unknown-status', 'unknown status "paused"'],
    ['invalid maker email', { maker_email: 'megan.contoso.example' }, 'invalid-email', 'invalid maker email "megan.contoso.example"'],
    ['email with a space', { maker_email: 'megan bowen@contoso.example' }, 'invalid-email', 'invalid maker email'],
    ['missing maker email and object id', { maker_email: '', maker_aad_id: '' }, 'missing-value', 'missing maker email'],
    ['maker id not a GUID', { maker_aad_id: '12345' }, 'invalid-aad-id', 'maker Entra object id "12345" is not a GUID'],
    ['missing maker name, email and id', { maker_name: '', maker_email: '', maker_aad_id: '' }, 'missing-value', 'missing maker name'],
    [
      'co-owner listed twice by email',
      { co_owners: `Lee <${LEE.email}>; ${LEE.email.toUpperCase()}` },
      'invalid-co-owners',
      'listed twice',
    ],
    ['maker listed as co-owner by email', { co_owners: MEGAN.email }, 'invalid-co-owners', 'is the maker'],
    ['manager with a bad email', { manager_email: 'boss' }, 'invalid-email', 'invalid manager email "boss"'],
    [
      'co-owners not in the format',
      { co_owners: 'Lee Gu, leeg@contoso.example' },
      'invalid-co-owners',
      'is not in the form Name <email>, Name <email> [entra-object-id] or an email',
    ],
    ['co-owner with a bad email', { co_owners: `Lee <lee> [${LEE.aadObjectId}]` }, 'invalid-email', 'invalid co-owner 1 email "lee"'],
    ['co-owner with a bad id', { co_owners: `Lee <${LEE.email}> [nope]` }, 'invalid-aad-id', 'co-owner 1 Entra object id "nope"'],
    ['maker listed as co-owner', { co_owners: `Megan <${MEGAN.email}> [${MEGAN.aadObjectId}]` }, 'invalid-co-owners', 'is the maker'],
    [
      'co-owner listed twice',
      { co_owners: `Lee <${LEE.email}> [${LEE.aadObjectId}]; Lee Gu <x@contoso.example> [${LEE.aadObjectId.toUpperCase()}]` },
      'invalid-co-owners',
      'listed twice',
    ],
    ['control character in workarounds', { workarounds: 'a\u0007b' }, 'invalid-text', 'control character'],
    [
      'too many data sources',
      { data_sources: Array.from({ length: 51 }, (_, i) => `s${i}`).join(';') },
      'invalid-data-sources',
      'the limit is 50',
    ],
  ])('rejects %s', (_label, overrides, code, message) => {
    const result = validateRecord(row(overrides));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual(expect.arrayContaining([expect.objectContaining({ code, message: expect.stringContaining(message) })]));
  });

  it('names people by email or UPN alone: Name <email>, a bare email, or an object id', () => {
    const result = validateRecord(
      row({
        maker_aad_id: '',
        maker_name: '',
        co_owners: `Lee Gu <${LEE.email}>; ${NESTOR.email}; <adelev@contoso.example> [${NESTOR.aadObjectId.replace('c3', 'd4')}]`,
      }),
    );
    expect(result).toMatchObject({
      ok: true,
      warnings: [],
      record: {
        maker: { displayName: MEGAN.email, email: MEGAN.email },
        coOwners: [
          { displayName: 'Lee Gu', email: LEE.email },
          { displayName: NESTOR.email, email: NESTOR.email },
          { displayName: 'adelev@contoso.example', email: 'adelev@contoso.example', aadObjectId: NESTOR.aadObjectId.replace('c3', 'd4') },
        ],
      },
    });
    if (!result.ok) return;
    expect(result.record.maker.aadObjectId).toBeUndefined();
    expect(result.record.coOwners[0]!.aadObjectId).toBeUndefined();
  });

  it('reads the manager, the maker language and the usage figures, leaving out with a warning what it cannot read', () => {
    const result = validateRecord(
      row({
        manager_email: 'pattif@contoso.example',
        maker_language: 'sv-SE',
        shared_users: '1,204',
        sessions: 'many',
        last_used_at: '2026-05-31',
        department: 'Finance',
      }),
    );
    expect(result).toMatchObject({
      ok: true,
      record: {
        manager: { displayName: 'pattif@contoso.example', email: 'pattif@contoso.example' },
        maker: { preferredLanguage: 'sv-SE' },
        usage: { sharedUsers: 1204, lastUsedAt: '2026-05-31T00:00:00.000Z', department: 'Finance' },
      },
      warnings: ['sessions "many" is not a whole number; left out'],
    });
  });

  it('reports every problem of a row at once, with its id', () => {
    const result = validateRecord(row({ tier: 'Gold', maker_email: 'nope', maker_aad_id: 'x' }));
    expect(result).toMatchObject({ ok: false, id: 'expense-tracker' });
    expect(!result.ok && result.issues.map((i) => i.code)).toEqual(['unknown-tier', 'invalid-email', 'invalid-aad-id']);
  });

  it('accepts ids like CoE app ids and model-driven unique names', () => {
    for (const id of ['4f1c8a34-7a61-4b0a-9b55-6f0c2f1a9d77', 'env_4f1c8a34:app', 'HR.Portal+v2', 'équipe-42']) {
      expect(validateRecord(row({ id })).ok).toBe(true);
    }
  });
});
