import fc from 'fast-check';
import {
  decideGrant,
  instantsOf,
  intervalOf,
  MAX_SCHEDULE_SKEW_MS,
  readSchedule,
  type BudgetSchedule,
} from '../../../src/domain/delivery/shared-budget';

const T0 = 1_764_000_000_000;
/** Instants are fractional ms near 1.8e12, where a double resolves about 2e-4 ms (and the row adds them up): equal within this. */
const EPS = 1e-3;
/** Claims in the order they are written to the row: the gap since the previous one (an instance's clock may lag a little), and how many it wants. */
const claimsArb = fc.array(fc.record({ gapMs: fc.integer({ min: -300, max: 700 }), want: fc.integer({ min: 1, max: 60 }) }), {
  minLength: 1,
  maxLength: 150,
});

/** Plays the claims against one row as the adapter would (written back when something was granted). */
function play(rate: number, claims: ReadonlyArray<{ gapMs: number; want: number }>, aheadMs = 1_000) {
  let row: BudgetSchedule | undefined;
  let at = T0;
  const steps = [];
  for (const c of claims) {
    at += c.gapMs;
    const before = row;
    const decision = decideGrant(row, at, c.want, rate, aheadMs);
    steps.push({ before, at, want: c.want, decision });
    if ('schedule' in decision) row = decision.schedule;
  }
  return steps;
}

function allInstants(steps: ReturnType<typeof play>): number[] {
  return steps
    .flatMap(({ decision }) => ('schedule' in decision ? instantsOf(decision.firstAtMs, decision.intervalMs, decision.granted) : []))
    .sort((a, b) => a - b);
}

describe('the shared tenant schedule (instants 1000 / rate ms apart)', () => {
  it('never hands out two instants closer than the interval, whoever claims them: no second-long span holds more than the rate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), claimsArb, (rate, claims) => {
        const instants = allInstants(play(rate, claims));
        for (let i = 1; i < instants.length; i++) expect(instants[i]! - instants[i - 1]!).toBeGreaterThanOrEqual(intervalOf(rate) - EPS);
        // Any [t, t + 1000) holds at most `rate` of them.
        for (let i = 0; i + rate < instants.length; i++) expect(instants[i + rate]! - instants[i]!).toBeGreaterThanOrEqual(1_000 - EPS);
      }),
      { numRuns: 500 },
    );
  });

  it('hands out instants from now (never in the past) to at most `aheadMs` ahead', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), claimsArb, fc.integer({ min: 0, max: 3_000 }), (rate, claims, aheadMs) => {
        for (const { at, decision } of play(rate, claims, aheadMs)) {
          if (!('schedule' in decision)) continue;
          const instants = instantsOf(decision.firstAtMs, decision.intervalMs, decision.granted);
          expect(instants[0]!).toBeGreaterThanOrEqual(at);
          expect(instants[instants.length - 1]!).toBeLessThanOrEqual(at + aheadMs + EPS);
          expect(decision.schedule.nextMs).toBeCloseTo(instants[instants.length - 1]! + intervalOf(rate), 2);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('grants all it can: what is asked, up to the instants left before the horizon', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), claimsArb, (rate, claims) => {
        for (const { before, at, want, decision } of play(rate, claims)) {
          const next = before === undefined || before.nextMs < at ? at : before.nextMs;
          const room = Math.max(0, Math.floor((at + 1_000 - next) / intervalOf(rate)) + 1);
          expect(decision.granted).toBe(Math.min(want, room));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('names, for a refused claim, an instant at which a claim is granted something', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), claimsArb, (rate, claims) => {
        for (const { before, at, decision } of play(rate, claims)) {
          if ('schedule' in decision) continue;
          expect(decision.retryAtMs).toBeGreaterThan(at);
          expect(decideGrant(before, decision.retryAtMs, 1, rate).granted).toBe(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('with a backlog, claims of 10 use the whole rate: 45 / s for a minute is 2,700 instants', () => {
    let row: BudgetSchedule | undefined;
    let at = T0;
    const instants: number[] = [];
    while (at < T0 + 60_000) {
      const d = decideGrant(row, at, 10, 45);
      if ('schedule' in d) {
        instants.push(...instantsOf(d.firstAtMs, d.intervalMs, d.granted));
        row = d.schedule;
        at += 3;
      } else at = d.retryAtMs;
    }
    expect(instants.filter((t) => t < T0 + 60_000 - 0.5)).toHaveLength(60 * 45); // the rounding of 270 claims adds up to far less than 0.5 ms
  });

  it('does not save up unused time (a schedule behind the clock restarts at now), nor believe one far ahead', () => {
    // From now to now + 1 s, both ends included: 46 instants, of which any half-open second holds 45.
    expect(decideGrant({ nextMs: T0 - 5_000 }, T0, 100, 45)).toMatchObject({ firstAtMs: T0, granted: 46 });
    expect(decideGrant({ nextMs: T0 + 500 }, T0, 100, 45)).toMatchObject({ firstAtMs: T0 + 500, granted: 23 });
    expect(decideGrant({ nextMs: T0 + 5_000 }, T0, 1, 45)).toEqual({ granted: 0, retryAtMs: T0 + 4_000 }); // a clock behind waits
    expect(decideGrant({ nextMs: T0 + MAX_SCHEDULE_SKEW_MS + 1 }, T0, 1, 45)).toMatchObject({ firstAtMs: T0, granted: 1 });
  });

  it('reads an unreadable instant in the row as no schedule', () => {
    expect(readSchedule(T0 + 0.5)).toEqual({ nextMs: T0 + 0.5 });
    expect(readSchedule('soon')).toBeUndefined();
    expect(readSchedule(Number.NaN)).toBeUndefined();
    expect(readSchedule(undefined)).toBeUndefined(); // a row of the earlier per-second shape
  });
});
