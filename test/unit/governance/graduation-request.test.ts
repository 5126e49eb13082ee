/** Who may ask for graduation, the answers read within their limits, and the decision (once, with a reason to decline). */
import {
  decideGraduation,
  GRADUATION_LIMITS,
  mayAskGraduation,
  newGraduationRequest,
  readGraduationAnswers,
  toldOfDecision,
} from '../../../src/domain/governance/graduation-request';
import type { Solution } from '../../../src/domain/solution';

const MEGAN = { aadObjectId: '79a4d994-151f-4573-9813-92f75a1223df', displayName: 'Megan Bowen' };
const LEE = { aadObjectId: 'f0fcce3d-482b-4e59-81e2-542c7050214b', displayName: 'Lee Gu' };
const ISAIAH = { aadObjectId: '15a1a400-0000-4000-8000-000000000010', displayName: 'Isaiah Langer' };
const AT = '2026-11-23T09:30:00.000Z';

const solution: Solution = {
  id: 'expense-tracker',
  name: 'Expense Tracker',
  kind: 'canvas-app',
  environment: 'Contoso (default)',
  tier: 'Productivity',
  maker: { ...MEGAN, email: 'meganb@contoso.example' },
  coOwners: [
    { ...LEE, email: 'leeg@contoso.example' },
    { displayName: 'Nobody Yet', email: 'nobody@contoso.example' },
  ],
  dataSources: [],
  status: 'active',
  createdAt: AT,
  updatedAt: AT,
};
const answers = { coOwners: '', dataSources: 'SharePoint', workarounds: '', supportChannel: '', alm: 'none' as const };

describe('who may ask', () => {
  it('the maker and a co-owner the catalog names by id, in any case', () => {
    expect(mayAskGraduation(solution, MEGAN.aadObjectId.toUpperCase())).toBe(true);
    expect(mayAskGraduation(solution, LEE.aadObjectId)).toBe(true);
  });
  it('nobody else', () => {
    expect(mayAskGraduation(solution, ISAIAH.aadObjectId)).toBe(false);
    expect(mayAskGraduation(solution, '')).toBe(false);
  });
});

describe('the answers', () => {
  it('are trimmed; unknown choices count as not answered', () => {
    const read = readGraduationAnswers({
      coOwners: ' Lee Gu <leeg@contoso.example> ',
      alm: 'pipelines',
      environmentStrategy: 'cloud',
      businessImpact: 7,
    });
    expect(read).toEqual({
      ok: true,
      answers: { coOwners: 'Lee Gu <leeg@contoso.example>', dataSources: '', workarounds: '', supportChannel: '', alm: 'pipelines' },
    });
  });
  it.each(Object.entries(GRADUATION_LIMITS).filter(([f]) => f !== 'reason'))(
    '%s over %d characters is refused before reading',
    (field, max) => {
      expect(readGraduationAnswers({ [field]: '가'.repeat(max) }).ok).toBe(true);
      expect(readGraduationAnswers({ [field]: '가'.repeat(max + 1) })).toEqual({ ok: false, field });
    },
  );
  it('a value that is not text is refused', () => {
    expect(readGraduationAnswers({ workarounds: ['x'] })).toEqual({ ok: false, field: 'workarounds' });
  });
});

describe('a request and its decision', () => {
  const request = newGraduationRequest('g-1', solution, 'Important', LEE, answers, AT);

  it('records the tiers, the maker and what is missing for the tier asked for', () => {
    expect(request).toMatchObject({
      fromTier: 'Productivity',
      toTier: 'Important',
      maker: MEGAN,
      requester: LEE,
      status: 'pending',
      // One co-owner in the catalog is enough; the rest is not answered or below Important.
      missing: ['environment-strategy', 'alm', 'workarounds', 'business-impact'],
    });
  });

  it('approves once, with or without a reason', () => {
    const d = decideGraduation(request, 'approved', '', ISAIAH, AT);
    expect(d).toEqual({ ok: true, next: { ...request, status: 'approved', decidedAt: AT, decidedBy: ISAIAH } });
    if (!d.ok) throw new Error('approved');
    expect(decideGraduation(d.next, 'declined', 'late', ISAIAH, AT)).toEqual({ ok: false, reason: 'already-decided' });
    expect(decideGraduation(d.next, 'approved', '', ISAIAH, AT)).toEqual({ ok: false, reason: 'already-decided' });
  });

  it('declines only with a reason, within its limit', () => {
    expect(decideGraduation(request, 'declined', '  ', ISAIAH, AT)).toEqual({ ok: false, reason: 'reason-required' });
    expect(decideGraduation(request, 'declined', undefined, ISAIAH, AT)).toEqual({ ok: false, reason: 'reason-required' });
    expect(decideGraduation(request, 'declined', 'x'.repeat(GRADUATION_LIMITS.reason + 1), ISAIAH, AT)).toEqual({
      ok: false,
      reason: 'reason-too-long',
    });
    expect(decideGraduation(request, 'declined', ' No ALM yet. ', ISAIAH, AT)).toMatchObject({
      ok: true,
      next: { status: 'declined', reason: 'No ALM yet.' },
    });
  });

  it('tells the requester, and the maker when someone else asked', () => {
    expect(toldOfDecision(request)).toEqual([LEE, MEGAN]);
    expect(toldOfDecision({ ...request, requester: { ...MEGAN, aadObjectId: MEGAN.aadObjectId.toUpperCase() } })).toHaveLength(1);
    const { maker: _maker, ...noMaker } = request;
    expect(toldOfDecision(noMaker)).toEqual([LEE]);
  });
});
