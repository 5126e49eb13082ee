import fc from 'fast-check';
import { decideGrant, readWindow, secondOf, type BudgetWindow } from '../../../src/domain/delivery/shared-budget';

const T0 = 1_764_000_000_000;
/** Claims in the order they are written to the row: the gap since the previous one (an instance's clock may lag a little), and how many it wants. */
const claimsArb = fc.array(fc.record({ gapMs: fc.integer({ min: -300, max: 700 }), want: fc.integer({ min: 1, max: 60 }) }), {
  minLength: 1,
  maxLength: 150,
});

/** Plays the claims against one row as the adapter would (each written back when something was granted). */
function play(rate: number, claims: ReadonlyArray<{ gapMs: number; want: number }>, tailMs = 0) {
  let row: BudgetWindow | undefined;
  let at = T0;
  const steps = [];
  for (const c of claims) {
    at += c.gapMs;
    const before = row;
    const decision = decideGrant(row, at, c.want, rate, tailMs);
    steps.push({ before, at, want: c.want, decision });
    if ('atMs' in decision) row = decision.window;
  }
  return steps;
}

describe('the shared tenant budget (fixed one-second windows)', () => {
  it('never grants more than the rate in any calendar second, and calls granted stay inside their second', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), claimsArb, (rate, claims) => {
        const perSecond = new Map<number, number>();
        for (const { decision } of play(rate, claims)) {
          if (!('atMs' in decision)) continue;
          expect(secondOf(decision.untilMs)).toBe(secondOf(decision.atMs));
          expect(decision.untilMs).toBeGreaterThanOrEqual(decision.atMs);
          const s = secondOf(decision.atMs);
          perSecond.set(s, (perSecond.get(s) ?? 0) + decision.granted);
        }
        for (const total of perSecond.values()) expect(total).toBeLessThanOrEqual(rate);
      }),
      { numRuns: 500 },
    );
  });

  it('grants all it can: what is asked, up to what the second has left', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), claimsArb, (rate, claims) => {
        for (const { before, at, want, decision } of play(rate, claims)) {
          const s = secondOf(at);
          if (before && before.second > s) {
            expect(decision.granted).toBe(0); // a clock behind the row waits for the row's second to pass
            continue;
          }
          const used = before && before.second === s ? before.used : 0;
          expect(decision.granted).toBe(Math.max(0, Math.min(want, rate - used)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('grants nothing in the tail of a second, and every grant ends before it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), claimsArb, fc.integer({ min: 0, max: 500 }), (rate, claims, tailMs) => {
        for (const { at, decision } of play(rate, claims, tailMs)) {
          const offset = at - secondOf(at) * 1000;
          if (offset > 999 - tailMs) expect(decision.granted).toBe(0);
          if ('atMs' in decision) expect(decision.untilMs).toBe(secondOf(at) * 1000 + 999 - tailMs);
          else expect(decision.retryAtMs % 1000).toBe(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('names the next second for a refused claim, and a grant is possible then', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), claimsArb, (rate, claims) => {
        for (const { before, at, decision } of play(rate, claims)) {
          if ('atMs' in decision) continue;
          expect(decision.retryAtMs).toBeGreaterThan(at);
          expect(decision.retryAtMs % 1000).toBe(0);
          expect(decideGrant(before, decision.retryAtMs, 1, rate).granted).toBe(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('with a backlog, claims of 10 use the whole rate of every second', () => {
    let row: BudgetWindow | undefined;
    let at = T0;
    let calls = 0;
    while (at < T0 + 60_000) {
      const d = decideGrant(row, at, 10, 45);
      if ('atMs' in d) {
        calls += d.granted;
        row = d.window;
        at += 3;
      } else at = d.retryAtMs;
    }
    expect(calls).toBe(60 * 45);
  });

  it('reads an unreadable count in the row as the whole budget, and no second as no row', () => {
    expect(readWindow(1_764_000_000, 7, 45)).toEqual({ second: 1_764_000_000, used: 7 });
    expect(readWindow(1_764_000_000, 'x', 45)).toEqual({ second: 1_764_000_000, used: 45 });
    expect(readWindow(1_764_000_000, 99, 45)).toEqual({ second: 1_764_000_000, used: 45 });
    expect(readWindow('soon', 3, 45)).toBeUndefined();
  });
});
