import { TableLeaseStore } from '../../src/storage/leases/table-lease-store';
import { freshTables } from '../support/test-storage';

describe('TableLeaseStore', () => {
  let leases: TableLeaseStore;
  const t0 = new Date('2026-11-20T10:00:00Z');
  const later = (ms: number) => new Date(t0.getTime() + ms);

  beforeAll(async () => {
    leases = new TableLeaseStore((await freshTables()).client('leases'));
  });

  it('gives a free lease to the first taker and refuses others until it expires', async () => {
    expect(await leases.tryAcquire('job-a', 'instance-1', 30_000, t0)).toBe(true);
    expect(await leases.tryAcquire('job-a', 'instance-2', 30_000, later(1000))).toBe(false);
    expect(await leases.tryAcquire('job-a', 'instance-1', 30_000, later(1000))).toBe(true); // renew
    expect(await leases.tryAcquire('job-a', 'instance-2', 30_000, later(32_000))).toBe(true); // expired
    expect(await leases.tryAcquire('job-a', 'instance-1', 30_000, later(33_000))).toBe(false);
  });

  it('lets exactly one of many racing instances take a free lease', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => leases.tryAcquire('job-race', `instance-${i}`, 30_000, t0)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('lets exactly one of many racing instances take an expired lease', async () => {
    await leases.tryAcquire('job-expired', 'old', 1000, t0);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => leases.tryAcquire('job-expired', `instance-${i}`, 30_000, later(5000))),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('releases only a lease it holds', async () => {
    await leases.tryAcquire('job-release', 'instance-1', 30_000, t0);
    await leases.release('job-release', 'instance-2');
    expect(await leases.tryAcquire('job-release', 'instance-2', 30_000, later(1))).toBe(false);
    await leases.release('job-release', 'instance-1');
    expect(await leases.tryAcquire('job-release', 'instance-2', 30_000, later(2))).toBe(true);
  });

  it('renews a lease it wrote last with one conditional write, and finds out when another instance took it over', async () => {
    const tables = await freshTables();
    let reads = 0;
    const table = tables.client('leases');
    const counted = new Proxy(table, {
      get(target, key, receiver) {
        if (key === 'getEntity') reads += 1;
        const value = Reflect.get(target, key, receiver) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    const a = new TableLeaseStore(counted);
    const b = new TableLeaseStore(tables.client('leases')); // another instance
    expect(await a.tryAcquire('job-renew', 'a', 10_000, t0)).toBe(true);
    reads = 0;
    for (let i = 1; i <= 3; i++) expect(await a.tryAcquire('job-renew', 'a', 10_000, later(i * 2_500))).toBe(true);
    expect(reads).toBe(0);
    // a stops renewing; its lease runs out and b takes it over.
    expect(await b.tryAcquire('job-renew', 'b', 10_000, later(30_000))).toBe(true);
    expect(await a.tryAcquire('job-renew', 'a', 10_000, later(31_000))).toBe(false); // its ETag is stale: it reads, b holds it
    expect(reads).toBe(1);
    expect(await b.tryAcquire('job-renew', 'b', 10_000, later(32_000))).toBe(true);
    // Released by b: a takes it at its next try.
    await b.release('job-renew', 'b');
    expect(await a.tryAcquire('job-renew', 'a', 10_000, later(33_000))).toBe(true);
  });
});
