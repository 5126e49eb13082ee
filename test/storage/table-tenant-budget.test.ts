import { instantsOf } from '../../src/domain/delivery/shared-budget';
import { TableTenantBudget, type TableTenantBudgetOptions } from '../../src/storage/budget/table-tenant-budget';
import { TableService } from '../../src/storage/table-service';
import { testConnectionString, uniquePrefix } from '../support/test-storage';

const RATE = 20;

/** Instants are fractional ms near 1.8e12 (a double resolves about 2e-4 ms there). */
const EPS = 1e-3;

/** Three instances' budgets on one storage account: each its own TableService and clients, one shared table. */
async function threeInstances(options: TableTenantBudgetOptions = {}): Promise<TableTenantBudget[]> {
  const prefix = uniquePrefix();
  const account = { kind: 'connection-string', connectionString: testConnectionString() } as const;
  await new TableService(account, prefix).ensureTables();
  return [0, 1, 2].map((_) => new TableTenantBudget(new TableService(account, prefix).client('leases'), RATE, options));
}

/** Each instance claims batches of 10 as fast as it is allowed for `ms`; returns every instant granted. */
async function race(budgets: readonly TableTenantBudget[], tenant: string, ms: number): Promise<number[]> {
  const instants: number[] = [];
  const end = Date.now() + ms;
  await Promise.all(
    budgets.map(async (budget) => {
      while (Date.now() < end) {
        const claim = await budget.claim(tenant, 10);
        if ('firstAtMs' in claim) instants.push(...instantsOf(claim.firstAtMs, claim.intervalMs, claim.granted));
        else await new Promise((r) => setTimeout(r, Math.max(0, Math.min(claim.retryAtMs - Date.now(), 50))));
      }
    }),
  );
  return instants.sort((a, b) => a - b);
}

describe('TableTenantBudget (one tenant budget shared by instances through Table Storage)', () => {
  it('three instances racing for 2 s are handed instants never closer than 1000 / rate ms, in total', async () => {
    const budgets = await threeInstances();
    const instants = await race(budgets, 'tenant-race', 2_000);
    for (let i = 1; i < instants.length; i++) expect(instants[i]! - instants[i - 1]!).toBeGreaterThanOrEqual(1_000 / RATE - EPS);
    // Any one-second span holds at most the rate.
    for (let i = 0; i + RATE < instants.length; i++) expect(instants[i + RATE]! - instants[i]!).toBeGreaterThanOrEqual(1_000 - EPS);
    // The race had contenders and a winner each time: the schedule was used, not refused to everyone
    // (2 s of racing and a second ahead: about 3 s of instants).
    expect(instants.length).toBeGreaterThanOrEqual(2 * RATE);
  });

  /** A clock that does not move, and no lead for the claim's write (it takes no time on that clock). */
  const at = 1_764_000_000_250;
  const fixed = { now: () => at, leadMs: 0 };

  it('keeps a schedule per tenant, a second ahead at most', async () => {
    const [a, b] = await threeInstances(fixed);
    const first = await a!.claim('tenant-a', 30);
    const other = await b!.claim('tenant-b', 30);
    const again = await b!.claim('tenant-a', 1);
    expect(first).toEqual({ granted: 21, firstAtMs: at, intervalMs: 50 }); // now to now + 1 s, both included
    expect(other).toEqual({ granted: 21, firstAtMs: at, intervalMs: 50 });
    expect(again).toEqual({ granted: 0, retryAtMs: at + 50 }); // tenant-a's next instant is more than 1 s ahead
  });

  it('an instance that only knows an old version of the row reads it again and continues after what the others took', async () => {
    const [a, b] = await threeInstances(fixed);
    expect(await a!.claim('tenant-stale', 5)).toMatchObject({ granted: 5, firstAtMs: at }); // a knows the row
    expect(await b!.claim('tenant-stale', 12)).toMatchObject({ granted: 12, firstAtMs: at + 250 }); // a's version is stale now
    const claim = await a!.claim('tenant-stale', 10); // a's write gets 412, it reads again: 4 instants left within the second
    expect(claim).toEqual({ granted: 4, firstAtMs: at + 850, intervalMs: 50 });
  });

  it('answers "retry shortly" rather than racing without end', async () => {
    const [a, b, c] = await threeInstances({ ...fixed, retries: 0 });
    await a!.claim('tenant-busy', 1);
    await b!.claim('tenant-busy', 1); // b knows the row now
    await c!.claim('tenant-busy', 1); // c writes: b's version is stale
    const claim = await b!.claim('tenant-busy', 1);
    expect(claim.granted).toBe(0);
    expect('retryAtMs' in claim && claim.retryAtMs - at).toBeGreaterThanOrEqual(5);
    expect('retryAtMs' in claim && claim.retryAtMs - at).toBeLessThan(15);
    expect(await b!.claim('tenant-busy', 1)).toMatchObject({ granted: 1, firstAtMs: at + 150 }); // it read the row again: 3 taken
  });

  it('replaces a row of the earlier per-second shape at the first claim', async () => {
    const prefix = uniquePrefix();
    const account = { kind: 'connection-string', connectionString: testConnectionString() } as const;
    const tables = new TableService(account, prefix);
    await tables.ensureTables();
    await tables.client('leases').createEntity({ partitionKey: 'tenant-budget', rowKey: 'tenant-old', second: 1_764_000_000, used: 45 });
    const budget = new TableTenantBudget(tables.client('leases'), RATE, fixed);
    expect(await budget.claim('tenant-old', 2)).toEqual({ granted: 2, firstAtMs: at, intervalMs: 50 });
    expect(await tables.client('leases').getEntity('tenant-budget', 'tenant-old')).toMatchObject({ nextMs: at + 100 });
  });
});
