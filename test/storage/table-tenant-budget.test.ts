import { TableTenantBudget } from '../../src/storage/budget/table-tenant-budget';
import { TableService } from '../../src/storage/table-service';
import { testConnectionString, uniquePrefix } from '../support/test-storage';

const RATE = 20;

interface Grant {
  readonly atMs: number;
  readonly untilMs: number;
  readonly count: number;
}

/** Three instances' budgets on one storage account: each its own TableService and clients, one shared table. */
async function threeInstances(options: { retries?: number; now?: () => number } = {}): Promise<TableTenantBudget[]> {
  const prefix = uniquePrefix();
  const account = { kind: 'connection-string', connectionString: testConnectionString() } as const;
  await new TableService(account, prefix).ensureTables();
  return [0, 1, 2].map((_) => new TableTenantBudget(new TableService(account, prefix).client('leases'), RATE, options));
}

/** Each instance claims batches of 10 as fast as it is allowed for `ms`; returns every grant. */
async function race(budgets: readonly TableTenantBudget[], tenant: string, ms: number): Promise<Grant[]> {
  const grants: Grant[] = [];
  const end = Date.now() + ms;
  await Promise.all(
    budgets.map(async (budget) => {
      while (Date.now() < end) {
        const claim = await budget.claim(tenant, 10);
        if ('atMs' in claim) grants.push({ atMs: claim.atMs, untilMs: claim.untilMs, count: claim.granted });
        else await new Promise((r) => setTimeout(r, Math.max(0, Math.min(claim.retryAtMs - Date.now(), 50))));
      }
    }),
  );
  return grants;
}

function sum(grants: readonly Grant[]): number {
  return grants.reduce((total, g) => total + g.count, 0);
}

describe('TableTenantBudget (one tenant budget shared by instances through Table Storage)', () => {
  it('three instances racing for 2 s never claim more than the rate in any one-second window, in total', async () => {
    const budgets = await threeInstances();
    const grants = await race(budgets, 'tenant-race', 2_000);

    // Per real one-second window (calendar seconds), counting what each claim was granted…
    const perWindow = new Map<number, number>();
    for (const g of grants) perWindow.set(Math.floor(g.atMs / 1000), (perWindow.get(Math.floor(g.atMs / 1000)) ?? 0) + g.count);
    expect(Math.max(...perWindow.values())).toBeLessThanOrEqual(RATE);
    // …and every claim's calls may be made only inside the second it was granted in.
    for (const g of grants) expect(Math.floor(g.untilMs / 1000)).toBe(Math.floor(g.atMs / 1000));
    // The race had contenders and a winner each time: the budget was used, not refused to everyone.
    expect(sum(grants)).toBeGreaterThanOrEqual(RATE);
  });

  /** One instant for the scenarios below, so that all their claims fall in one second. */
  const at = 1_764_000_000_250;
  const now = () => at;

  it('keeps a budget per tenant', async () => {
    const [a, b] = await threeInstances({ now });
    const first = await a!.claim('tenant-a', 20);
    const other = await b!.claim('tenant-b', 20);
    const again = await b!.claim('tenant-a', 1);
    expect(first.granted).toBe(20);
    expect(other.granted).toBe(20);
    expect(again).toEqual({ granted: 0, retryAtMs: 1_764_000_001_000 }); // tenant-a's second is used up
  });

  it('an instance that only knows an old version of the row reads it again and grants on what the others wrote', async () => {
    const [a, b] = await threeInstances({ now });
    expect((await a!.claim('tenant-stale', 5)).granted).toBe(5); // a knows the row: 5 granted
    expect((await b!.claim('tenant-stale', 12)).granted).toBe(12); // b wrote since: a's version is stale
    const claim = await a!.claim('tenant-stale', 10); // a's write gets 412, it reads again: 3 left
    expect(claim).toEqual({ granted: 3, atMs: at, untilMs: 1_764_000_000_799 }); // the second's end less its 200 ms tail
  });

  it('answers "retry shortly" rather than racing without end', async () => {
    const [a, b, c] = await threeInstances({ retries: 0, now });
    await a!.claim('tenant-busy', 1);
    await b!.claim('tenant-busy', 1); // b knows the row now
    await c!.claim('tenant-busy', 1); // c writes: b's version is stale
    const claim = await b!.claim('tenant-busy', 1);
    expect(claim.granted).toBe(0);
    expect('retryAtMs' in claim && claim.retryAtMs - at).toBeGreaterThanOrEqual(5);
    expect('retryAtMs' in claim && claim.retryAtMs - at).toBeLessThan(15);
    expect((await b!.claim('tenant-busy', 1)).granted).toBe(1); // it read the row again: 3 of 20 used
  });
});
