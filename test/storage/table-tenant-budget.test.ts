import { budgetSpanMs, type BudgetGrant } from '../../src/domain/delivery/shared-budget';
import { TableTenantBudget } from '../../src/storage/budget/table-tenant-budget';
import { TableService } from '../../src/storage/table-service';
import { testConnectionString, uniquePrefix } from '../support/test-storage';

const RULES = { rate: 20, holdMs: 25 };

/** Three instances' budgets on one storage account: each its own TableService and clients, one shared table. */
async function threeInstances(options: { retries?: number } = {}): Promise<TableTenantBudget[]> {
  const prefix = uniquePrefix();
  const account = { kind: 'connection-string', connectionString: testConnectionString() } as const;
  await new TableService(account, prefix).ensureTables();
  return [0, 1, 2].map((_) => new TableTenantBudget(new TableService(account, prefix).client('leases'), RULES, options));
}

/** Each instance claims batches of 10 as fast as it is allowed for `ms`; returns every grant. */
async function race(budgets: readonly TableTenantBudget[], tenant: string, ms: number): Promise<BudgetGrant[]> {
  const grants: BudgetGrant[] = [];
  const end = Date.now() + ms;
  await Promise.all(
    budgets.map(async (budget) => {
      while (Date.now() < end) {
        const claim = await budget.claim(tenant, 10, 0);
        if ('atMs' in claim) grants.push({ atMs: claim.atMs, count: claim.granted });
        else await new Promise((r) => setTimeout(r, Math.max(0, Math.min(claim.retryAtMs - Date.now(), 50))));
      }
    }),
  );
  return grants;
}

function sum(grants: readonly BudgetGrant[]): number {
  return grants.reduce((s, g) => s + g.count, 0);
}

describe('TableTenantBudget (one tenant budget shared by instances through Table Storage)', () => {
  it('three instances racing for 2 s never claim more than the rate in any one-second window, in total', async () => {
    const budgets = await threeInstances();
    const grants = await race(budgets, 'tenant-race', 2_000);

    // Per real one-second window (calendar seconds of the grants' instants)…
    const perWindow = new Map<number, number>();
    for (const g of grants) perWindow.set(Math.floor(g.atMs / 1000), (perWindow.get(Math.floor(g.atMs / 1000)) ?? 0) + g.count);
    expect(Math.max(...perWindow.values())).toBeLessThanOrEqual(RULES.rate);
    // …and per any second, calls placed anywhere inside their grants' holds.
    for (const g of grants) {
      const x = g.atMs + RULES.holdMs;
      const inSecond = grants.filter((h) => h.atMs + RULES.holdMs >= x && h.atMs < x + 1000);
      expect(sum(inSecond)).toBeLessThanOrEqual(RULES.rate);
    }
    // The race had contenders and a winner each time: the budget was used, not refused to everyone.
    expect(sum(grants)).toBeGreaterThanOrEqual(RULES.rate);
  });

  it('keeps a budget per tenant', async () => {
    const [a, b] = await threeInstances();
    const first = await a!.claim('tenant-a', 20, 0);
    const other = await b!.claim('tenant-b', 20, 0);
    const again = await b!.claim('tenant-a', 1, 0);
    expect(first.granted).toBe(20);
    expect(other.granted).toBe(20);
    expect(again.granted).toBe(0);
    expect('retryAtMs' in again && 'atMs' in first && again.retryAtMs).toBe('atMs' in first && first.atMs + budgetSpanMs(RULES));
  });

  it('an instance that only knows an old version of the row reads it again and grants on what the others wrote', async () => {
    const [a, b] = await threeInstances();
    expect((await a!.claim('tenant-stale', 5, 0)).granted).toBe(5); // a knows the row: 5 granted
    expect((await b!.claim('tenant-stale', 12, 0)).granted).toBe(12); // b wrote since: a's version is stale
    const claim = await a!.claim('tenant-stale', 10, 0); // a's write gets 412, it reads again: 3 left
    expect(claim.granted).toBe(3);
  });

  it('answers "retry shortly" rather than racing without end', async () => {
    const [a, b, c] = await threeInstances({ retries: 0 });
    await a!.claim('tenant-busy', 1, 0);
    await b!.claim('tenant-busy', 1, 0); // b knows the row now
    await c!.claim('tenant-busy', 1, 0); // c writes: b's version is stale
    const claim = await b!.claim('tenant-busy', 1, 0);
    expect(claim.granted).toBe(0);
    expect('retryAtMs' in claim && claim.retryAtMs).toBeGreaterThan(Date.now() - 1000);
  });
});
