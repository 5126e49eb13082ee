/**
 * "new request" tidies the requester's drafts a few at a time (issue 19): the prune reads only drafts
 * saved before its window, at most `limit` of them, so a requester with many old drafts does not make
 * every start read and parse all of them.
 */
import { isDisposable, newIntake, cancel, INTAKE_TTL_MINUTES } from '../../src/domain/intake/intake-draft';
import { TableIntakeStore } from '../../src/storage/intake/table-intake-store';
import { freshTables } from '../support/test-storage';

const SAM = { aadObjectId: 'aaaabbbb-0000-4000-8000-000000000919', displayName: 'Sam Many' };
const NOW = new Date('2026-11-20T10:00:00Z');
const DAY = 86_400_000;

describe('intake prune', () => {
  it('reads only drafts older than the window, at most `limit` per call, and deletes the disposable ones', async () => {
    const tables = await freshTables();
    const store = new TableIntakeStore(tables.client('intakes'));
    const count = async () => {
      let n = 0;
      for await (const _ of tables.client('intakes').listEntities({ queryOptions: { filter: `PartitionKey eq '${SAM.aadObjectId}'` } }))
        n++;
      return n;
    };
    // 30 abandoned drafts (3 days idle), 5 cancelled yesterday (kept a week), 3 open today.
    const id = (kind: string, i: number) => `0000${kind}-0000-4000-8000-${String(i).padStart(12, '0')}`;
    for (let i = 0; i < 30; i++) await store.create(newIntake(id('aaaa', i), SAM, new Date(NOW.getTime() - 3 * DAY)));
    for (let i = 0; i < 5; i++) await store.create(cancel(newIntake(id('bbbb', i), SAM, NOW), new Date(NOW.getTime() - DAY - 60_000)));
    for (let i = 0; i < 3; i++) await store.create(newIntake(id('cccc', i), SAM, NOW));
    expect(await count()).toBe(38);

    const window = { idleBefore: new Date(NOW.getTime() - INTAKE_TTL_MINUTES * 60_000), limit: 20 };
    const disposable = (draft: Parameters<typeof isDisposable>[0]) => isDisposable(draft, NOW);
    expect(await store.prune(SAM.aadObjectId, disposable, window)).toBe(20);
    expect(await count()).toBe(18);
    // The next start takes the rest of the abandoned ones; the cancelled ones (older than the window but
    // not disposable yet) are read and kept; today's drafts are not even read.
    expect(await store.prune(SAM.aadObjectId, disposable, window)).toBe(10);
    expect(await count()).toBe(8);
    expect(await store.prune(SAM.aadObjectId, disposable, window)).toBe(0);
    expect(await count()).toBe(8);
  });

  it('discards a draft only as it was read: one saved since (someone acted on its card) stays', async () => {
    const tables = await freshTables();
    const store = new TableIntakeStore(tables.client('intakes'));
    const created = await store.create(newIntake('0000dddd-0000-4000-8000-000000000001', SAM, NOW));
    await store.discard(created);
    expect(await store.get(SAM.aadObjectId, created.draft.id)).toBeUndefined();
    await store.discard(created); // already gone: nothing to do

    const kept = await store.create(newIntake('0000dddd-0000-4000-8000-000000000002', SAM, NOW));
    await store.update(kept, cancel(kept.draft, NOW));
    await store.discard(kept);
    expect((await store.get(SAM.aadObjectId, kept.draft.id))?.draft.state).toBe('cancelled');
  });
});
