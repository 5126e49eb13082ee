import { holderFor, referenceFor } from '../../../src/domain/intake/support-request';
import { routeRequest, everyoneReachable } from '../../../src/domain/routing';
import type { Solution } from '../../../src/domain/solution';

const MEGAN = { aadObjectId: '79a4d994-151f-4573-9813-92f75a1223df', displayName: 'Megan Bowen', email: 'meganb@contoso.example' };
const LEE = { aadObjectId: 'f0fcce3d-482b-4e59-81e2-542c7050214b', displayName: 'Lee Gu', email: 'leeg@contoso.example' };
const solution = (tier: Solution['tier']): Solution => ({
  id: 's',
  name: 'Expense Tracker',
  kind: 'canvas-app',
  environment: 'Default',
  tier,
  maker: MEGAN,
  coOwners: [LEE],
  dataSources: [],
  status: 'active',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
});
const route = (tier: Solution['tier'] | undefined, category: 'solution-problem' | 'maker-stuck' = 'solution-problem') => {
  const s = tier ? solution(tier) : undefined;
  return routeRequest({ category, impact: 'me', urgency: 'blocked', solution: s, reachability: everyoneReachable(s) });
};

describe('support request', () => {
  it('derives a short, stable, unambiguous reference from the id', () => {
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(referenceFor(id)).toMatch(/^REQ-[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(referenceFor(id)).toBe(referenceFor(id));
    expect(referenceFor(id)).not.toBe(referenceFor('1f8fad5b-d9cb-469f-a165-70867728950e'));
  });

  it('gives different references to many random ids', () => {
    const refs = new Set(Array.from({ length: 2000 }, () => referenceFor(crypto.randomUUID())));
    expect(refs.size).toBe(2000);
  });

  it('says who holds the request after each route', () => {
    expect(holderFor(route('Productivity'))).toEqual({
      kind: 'maker',
      person: { aadObjectId: MEGAN.aadObjectId, displayName: 'Megan Bowen' },
    });
    expect(holderFor(route('Important'))).toEqual({ kind: 'co-owners', people: [{ aadObjectId: LEE.aadObjectId, displayName: 'Lee Gu' }] });
    expect(holderFor(route('Critical'))).toEqual({ kind: 'help-desk' });
    expect(holderFor(route(undefined))).toEqual({ kind: 'help-desk' });
    expect(holderFor(route('Productivity', 'maker-stuck'))).toEqual({ kind: 'dedicated-team' });
  });
});
