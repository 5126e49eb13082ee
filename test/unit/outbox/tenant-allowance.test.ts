import type { BudgetClaim, TenantBudgetStore } from '../../../src/domain/ports/tenant-budget';
import { decideGrant, type BudgetWindow } from '../../../src/domain/delivery/shared-budget';
import { TenantAllowance } from '../../../src/services/outbox/tenant-allowance';

/** The shared row, in memory, with the real arithmetic, a simulated clock, and every claim recorded. */
class MemoryBudget implements TenantBudgetStore {
  window: BudgetWindow | undefined;
  readonly claims: BudgetClaim[] = [];
  constructor(
    private readonly rate: number,
    private readonly now: () => number,
    private readonly tailMs = 200,
  ) {}
  async claim(_tenant: string, want: number): Promise<BudgetClaim> {
    const decision = decideGrant(this.window, this.now(), want, this.rate, this.tailMs);
    if ('window' in decision) this.window = decision.window;
    const claim: BudgetClaim =
      'atMs' in decision ? { granted: decision.granted, atMs: decision.atMs, untilMs: decision.untilMs } : decision;
    this.claims.push(claim);
    return claim;
  }
}

describe('TenantAllowance.takeWithin', () => {
  function setUp(startMs: number, rate = 3) {
    let now = startMs;
    const slept: number[] = [];
    const budget = new MemoryBudget(rate, () => now);
    const allowance = new TenantAllowance(budget, {
      tenant: 't',
      now: () => now,
      sleep: async (ms) => {
        slept.push(ms);
        now += ms;
      },
    });
    return { allowance, budget, slept, at: () => now };
  }

  it('waits out the tail of a second instead of giving the call back to the outbox', async () => {
    const { allowance, slept, at } = setUp(10_900); // in the last 200 ms of second 10
    expect(await allowance.takeWithin()).toEqual({ ok: true });
    expect(slept).toEqual([100]);
    expect(at()).toBe(11_000);
  });

  it('waits for the next second once this one is used up, and never takes more than the rate in a second', async () => {
    const { allowance, budget, at } = setUp(20_000, 3);
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      expect(await allowance.takeWithin()).toEqual({ ok: true });
      times.push(at());
    }
    const perSecond = new Map<number, number>();
    for (const t of times) perSecond.set(Math.floor(t / 1000), (perSecond.get(Math.floor(t / 1000)) ?? 0) + 1);
    expect([...perSecond.values()].every((n) => n <= 3)).toBe(true);
    expect(times[6]).toBeGreaterThanOrEqual(22_000);
    expect(budget.claims.filter((c) => c.granted > 0).reduce((n, c) => n + c.granted, 0)).toBeLessThanOrEqual(9);
  });

  it('returns the wait when it is longer than it may wait, and stops on a clock that does not move', async () => {
    const { allowance } = setUp(30_000, 1);
    expect(await allowance.takeWithin()).toEqual({ ok: true });
    expect(await allowance.takeWithin(100)).toEqual({ ok: false, waitMs: 1_000 });
    const now = 40_900; // in the tail of second 40, for good
    const frozen = new TenantAllowance(new MemoryBudget(1, () => now), { tenant: 't', now: () => now, sleep: async () => undefined });
    const answer = await frozen.takeWithin();
    expect(answer.ok).toBe(false);
  });
});
