import fc from 'fast-check';
import {
  budgetSpanMs,
  decideGrant,
  decodeGrants,
  encodeGrants,
  type BudgetGrant,
  type BudgetRules,
} from '../../../src/domain/delivery/shared-budget';

/**
 * The most calls one second [x, x + 1000) can hold when each grant's calls may go anywhere in its hold
 * [at, at + hold]: the second meets a hold iff at + hold >= x and at < x + 1000. As x moves, a grant
 * counts for x in (at - 1000, at + hold], so the busiest x is one of those right ends.
 */
function worstSecond(grants: readonly BudgetGrant[], rules: BudgetRules): number {
  let worst = 0;
  for (const g of grants) {
    const x = g.atMs + rules.holdMs;
    const total = grants.filter((h) => h.atMs + rules.holdMs >= x && h.atMs < x + 1000).reduce((s, h) => s + h.count, 0);
    worst = Math.max(worst, total);
  }
  return worst;
}

const rulesArb = fc.record({ rate: fc.integer({ min: 1, max: 50 }), holdMs: fc.integer({ min: 5, max: 200 }) });
/** Claims in the order they are written: the gap since the previous one (an instance's clock may lag a little), and how many it wants. */
const claimsArb = fc.array(fc.record({ gapMs: fc.integer({ min: -30, max: 400 }), want: fc.integer({ min: 1, max: 60 }) }), {
  minLength: 1,
  maxLength: 120,
});

/** Plays the claims against one log as the row would hold it (encoded and decoded each time). */
function play(rules: BudgetRules, claims: ReadonlyArray<{ gapMs: number; want: number }>) {
  let row = '';
  let at = 1_764_000_000_000;
  const granted: BudgetGrant[] = [];
  const decisions = [];
  for (const c of claims) {
    at += c.gapMs;
    const log = decodeGrants(row, rules);
    const decision = decideGrant(log, at, c.want, rules);
    decisions.push({ log, at, want: c.want, decision });
    if ('atMs' in decision) {
      granted.push({ atMs: decision.atMs, count: decision.granted });
      row = encodeGrants(decision.grants);
    }
  }
  return { granted, decisions };
}

describe('the shared tenant budget (sliding log of grants)', () => {
  it('never lets any one second hold more than the rate, wherever the granted calls go inside their holds', () => {
    fc.assert(
      fc.property(rulesArb, claimsArb, (rules, claims) => {
        const { granted } = play(rules, claims);
        expect(worstSecond(granted, rules)).toBeLessThanOrEqual(rules.rate);
      }),
      { numRuns: 400 },
    );
  });

  it('grants all it can: what is asked, up to what the last second and a hold leave', () => {
    fc.assert(
      fc.property(rulesArb, claimsArb, (rules, claims) => {
        for (const { log, at, want, decision } of play(rules, claims).decisions) {
          const used = log.filter((g) => g.atMs > at - budgetSpanMs(rules)).reduce((s, g) => s + g.count, 0);
          expect(decision.granted).toBe(Math.max(0, Math.min(want, rules.rate - used)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('names the first instant a refused claim can get a call, and not an instant earlier', () => {
    fc.assert(
      fc.property(rulesArb, claimsArb, (rules, claims) => {
        for (const { log, at, decision } of play(rules, claims).decisions) {
          if ('atMs' in decision) continue;
          expect(decision.retryAtMs).toBeGreaterThan(at);
          expect(decideGrant(log, decision.retryAtMs, 1, rules).granted).toBe(1);
          if (decision.retryAtMs - 1 > at) expect(decideGrant(log, decision.retryAtMs - 1, 1, rules).granted).toBe(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('with a backlog, one claimant gets the whole rate once per second and a hold', () => {
    const rules = { rate: 45, holdMs: 25 };
    let log: readonly BudgetGrant[] = [];
    let at = 0;
    let calls = 0;
    while (at < 60_000) {
      const d = decideGrant(log, at, 10, rules);
      if ('atMs' in d) {
        calls += d.granted;
        log = d.grants;
        at += 1;
      } else at = d.retryAtMs;
    }
    // 60 s / 1.025 s per turn of 45 calls
    expect(calls).toBeGreaterThanOrEqual(Math.floor(60_000 / 1_025) * 45);
    expect(calls).toBeLessThanOrEqual(Math.ceil(60_000 / 1_025) * 45);
  });

  it('reads an unreadable count in the row as the whole budget, and keeps the log to two windows', () => {
    const rules = { rate: 10, holdMs: 20 };
    expect(decodeGrants('1000:3,2000:x,abc:2,3000:99', rules)).toEqual([
      { atMs: 1000, count: 3 },
      { atMs: 2000, count: 10 },
      { atMs: 3000, count: 10 },
    ]);
    const d = decideGrant(
      [
        { atMs: 0, count: 4 },
        { atMs: 1_500, count: 4 },
      ],
      3_000,
      2,
      rules,
    );
    expect('atMs' in d && d.grants).toEqual([
      { atMs: 1_500, count: 4 },
      { atMs: 3_000, count: 2 },
    ]);
  });
});
