import type { BudgetClaim, TenantBudgetStore } from '../../../src/domain/ports/tenant-budget';
import { decideGrant, intervalOf, type BudgetSchedule } from '../../../src/domain/delivery/shared-budget';
import { TenantAllowance } from '../../../src/services/outbox/tenant-allowance';

/** The shared row, in memory, with the real arithmetic, a simulated clock, and every claim recorded. */
class MemoryBudget implements TenantBudgetStore {
  schedule: BudgetSchedule | undefined;
  readonly claims: Array<{ want: number; claim: BudgetClaim }> = [];
  constructor(
    private readonly rate: number,
    private readonly now: () => number,
    /** How long the claim's write takes, in simulated time. */
    private readonly writeMs = 0,
    private readonly advance: (ms: number) => void = () => undefined,
  ) {}
  async claim(_tenant: string, want: number): Promise<BudgetClaim> {
    const decision = decideGrant(this.schedule, this.now(), want, this.rate);
    this.advance(this.writeMs);
    if ('schedule' in decision) this.schedule = decision.schedule;
    const claim: BudgetClaim =
      'schedule' in decision ? { granted: decision.granted, firstAtMs: decision.firstAtMs, intervalMs: decision.intervalMs } : decision;
    this.claims.push({ want, claim });
    return claim;
  }
}

describe('TenantAllowance.takeWithin', () => {
  function setUp(startMs: number, rate = 3, writeMs = 0) {
    let now = startMs;
    const slept: number[] = [];
    const advance = (ms: number) => (now += ms);
    const budget = new MemoryBudget(rate, () => now, writeMs, advance);
    const allowance = new TenantAllowance(budget, {
      tenant: 't',
      now: () => now,
      sleep: async (ms) => {
        slept.push(ms);
        advance(ms);
      },
    });
    return { allowance, budget, slept, at: () => now, advance };
  }

  it('returns at each call’s instant: one after the other, 1000 / rate ms apart', async () => {
    const { allowance, at } = setUp(10_000, 4);
    const times: number[] = [];
    for (let i = 0; i < 9; i++) {
      const share = await allowance.takeWithin();
      expect(share).toEqual({ ok: true, atMs: at() });
      times.push(at());
    }
    expect(times).toEqual([10_000, 10_250, 10_500, 10_750, 11_000, 11_250, 11_500, 11_750, 12_000]);
  });

  it('hands each instant to one caller only, when many wait at once (real timers, faked)', async () => {
    jest.useFakeTimers({ now: 20_000 });
    try {
      const budget = new MemoryBudget(10, Date.now);
      const allowance = new TenantAllowance(budget, { tenant: 't' }); // Date.now and setTimeout, both faked
      const woke: number[] = [];
      const all = Promise.all(
        Array.from({ length: 25 }, async () => {
          const share = await allowance.takeWithin(5_000);
          woke.push(Date.now());
          return share;
        }),
      );
      await jest.advanceTimersByTimeAsync(5_000);
      const shares = await all;
      const instants = shares.map((s) => (s.ok ? s.atMs : NaN)).sort((a, b) => a - b);
      expect(instants.every(Number.isFinite)).toBe(true);
      for (let i = 1; i < instants.length; i++) expect(instants[i]! - instants[i - 1]!).toBeGreaterThanOrEqual(intervalOf(10) - 1e-9);
      // Each caller returned at its instant, not before.
      expect(woke.sort((a, b) => a - b)).toEqual(instants.map((t) => Math.ceil(t)));
      // Claims ask for the callers waiting (up to the batch of 10), never for callers nobody has.
      expect(budget.claims.every((c) => c.want >= 1 && c.want <= 10)).toBe(true);
      expect(allowance.counts.granted).toBe(25);
    } finally {
      jest.useRealTimers();
    }
  });

  it('drops an instant that has passed by more than its lateness, and takes the next one', async () => {
    const { allowance, advance } = setUp(30_000, 10);
    expect(await allowance.takeWithin()).toEqual({ ok: true, atMs: 30_000 });
    // Every instant claimed was used: this claim asks for two, 30,100 and 30,200.
    expect(await allowance.takeWithin()).toEqual({ ok: true, atMs: 30_100 });
    advance(500); // nobody comes for 30,200 before 30,600: too late to make that call now
    expect(await allowance.takeWithin()).toEqual({ ok: true, atMs: 30_600 });
    expect(allowance.counts.dropped).toBe(1);
  });

  it('hands an instant given back to the next caller, while it is not too late', async () => {
    const { allowance, advance } = setUp(35_000, 10);
    const first = await allowance.takeWithin();
    expect(first).toEqual({ ok: true, atMs: 35_000 });
    allowance.giveBack(35_000); // the call was held back after all
    advance(20);
    expect(await allowance.takeWithin()).toEqual({ ok: true, atMs: 35_000 });
    expect(allowance.counts).toMatchObject({ claims: 1, granted: 1, dropped: 0 });
  });

  it('returns the wait when it is longer than it may wait, and stops on a clock that does not move', async () => {
    const { allowance, budget } = setUp(50_000, 1);
    budget.schedule = { nextMs: 53_000 }; // another instance holds the next three seconds
    expect(await allowance.takeWithin(100)).toEqual({ ok: false, waitMs: 2_000 }); // refused until 52,000
    const now = 60_000;
    const frozenBudget = new MemoryBudget(1, () => now);
    frozenBudget.schedule = { nextMs: 63_000 };
    const frozen = new TenantAllowance(frozenBudget, { tenant: 't', now: () => now, sleep: async () => undefined });
    expect((await frozen.takeWithin()).ok).toBe(false);
  });
});
