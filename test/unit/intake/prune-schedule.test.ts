import { PRUNE_LIMIT } from '../../../src/domain/ports/intake';
import { PRUNE_EVERY_MS, PRUNE_EVERY_STARTS, PruneSchedule } from '../../../src/services/intake/prune-schedule';

const T0 = new Date('2026-11-23T10:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

describe('when a "new request" also prunes old drafts', () => {
  it('prunes at the first start, then at every PRUNE_EVERY_STARTS-th start within the hour', () => {
    const schedule = new PruneSchedule();
    const pruned = Array.from({ length: 3 * PRUNE_EVERY_STARTS }, (_, i) => schedule.due('A', at(i * 1_000)));
    const prunedAt = pruned.flatMap((due, i) => (due ? [i] : []));
    expect(prunedAt).toEqual([0, PRUNE_EVERY_STARTS, 2 * PRUNE_EVERY_STARTS]);
    // Each prune may remove PRUNE_LIMIT drafts: more than the starts since the previous one, so it keeps up.
    expect(PRUNE_EVERY_STARTS).toBeLessThan(PRUNE_LIMIT);
  });

  it('prunes again once the interval has passed, and whenever the clock went backwards', () => {
    const schedule = new PruneSchedule();
    expect(schedule.due('A', at(0))).toBe(true);
    expect(schedule.due('A', at(PRUNE_EVERY_MS - 1))).toBe(false);
    expect(schedule.due('A', at(PRUNE_EVERY_MS))).toBe(true);
    expect(schedule.due('A', at(PRUNE_EVERY_MS - 60_000))).toBe(true);
  });

  it('counts each person apart, whatever the case of their id', () => {
    const schedule = new PruneSchedule();
    expect(schedule.due('Person-A', at(0))).toBe(true);
    expect(schedule.due('person-b', at(0))).toBe(true);
    expect(schedule.due('person-a', at(1))).toBe(false);
  });

  it('remembers at most maxPeople people; one forgotten is pruned at their next start', () => {
    const schedule = new PruneSchedule({ maxPeople: 100 });
    for (let i = 0; i < 1_000; i++) expect(schedule.due(`person-${i}`, at(i))).toBe(true);
    expect(schedule.size).toBe(100);
    expect(schedule.due('person-999', at(1_000))).toBe(false);
    expect(schedule.due('person-0', at(1_000))).toBe(true);
  });
});
