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
});
