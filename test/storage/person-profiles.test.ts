import type { PersonProfile, PersonProfiles } from '../../src/domain/ports/person-profiles';
import { ConcurrencyConflictError } from '../../src/domain/ports/storage-errors';
import { ProfileMemory } from '../../src/services/people/profile-memory';
import { TableProfileStore } from '../../src/storage/conversations/table-profile-store';
import { freshTables } from '../support/test-storage';

/** The real store, counting the calls made through it (what "no table call per turn" is about). */
class CountingStore implements PersonProfiles {
  reads = 0;
  writes = 0;
  conflicts = 0;
  constructor(private readonly inner: PersonProfiles) {}
  put(id: string, profile: PersonProfile) {
    this.writes++;
    return this.inner.put(id, profile);
  }
  read(id: string) {
    this.reads++;
    return this.inner.read(id);
  }
  async write(id: string, profile: PersonProfile, etag: string | undefined) {
    this.writes++;
    try {
      await this.inner.write(id, profile, etag);
    } catch (error) {
      if (error instanceof ConcurrencyConflictError) this.conflicts++;
      throw error;
    }
  }
}

const PERSON = 'B0B0B0B0-0000-4000-8000-00000000000A';

describe('each person’s language and time zone, remembered in Table Storage', () => {
  let store: TableProfileStore;
  beforeAll(async () => {
    store = new TableProfileStore((await freshTables()).client('conversations'));
  });

  it('creates a row, replaces it with its ETag, and refuses a stale ETag or a second create', async () => {
    const id = 'c0c0c0c0-0000-4000-8000-000000000001';
    expect(await store.read(id)).toBeUndefined();
    await store.write(id, { locale: 'fr', timeZone: 'Europe/Paris' }, undefined);
    const first = await store.read(id.toUpperCase()); // keyed by the object id, whatever its case
    expect(first).toEqual({ locale: 'fr', timeZone: 'Europe/Paris', etag: expect.any(String) });
    await expect(store.write(id, { locale: 'ko', timeZone: 'Asia/Seoul' }, undefined)).rejects.toBeInstanceOf(ConcurrencyConflictError);
    await store.write(id, { locale: 'ko', timeZone: 'Asia/Seoul' }, first!.etag);
    await expect(store.write(id, { locale: 'sv', timeZone: 'Europe/Stockholm' }, first!.etag)).rejects.toBeInstanceOf(
      ConcurrencyConflictError,
    );
    expect(await store.read(id)).toMatchObject({ locale: 'ko', timeZone: 'Asia/Seoul' });
  });

  it('writes only what changed: a turn that says nothing new makes no table call', async () => {
    const counting = new CountingStore(store);
    const memory = new ProfileMemory(counting);
    expect(await memory.remember(PERSON, { locale: 'fr', timeZone: 'Europe/Paris' })).toEqual({ locale: 'fr', timeZone: 'Europe/Paris' });
    // Nothing cached and a complete hint: written without a read (nothing stored could change it).
    expect({ reads: counting.reads, writes: counting.writes }).toEqual({ reads: 0, writes: 1 });
    for (let turn = 0; turn < 20; turn++) await memory.remember(PERSON, { locale: 'fr', timeZone: 'Europe/Paris' });
    // An invoke without clientInfo: the zone comes from memory, still no call.
    expect(await memory.remember(PERSON, { locale: 'fr' })).toEqual({ locale: 'fr', timeZone: 'Europe/Paris' });
    expect(await memory.profileOf(PERSON)).toEqual({ locale: 'fr', timeZone: 'Europe/Paris' });
    expect({ reads: counting.reads, writes: counting.writes }).toEqual({ reads: 0, writes: 1 });

    // Teams switched to Korean: one read (for the ETag) and one write.
    await memory.remember(PERSON, { locale: 'ko' });
    expect({ reads: counting.reads, writes: counting.writes }).toEqual({ reads: 1, writes: 2 });
    expect(await store.read(PERSON)).toMatchObject({ locale: 'ko', timeZone: 'Europe/Paris' });
  });

  it('another instance reads what was remembered (storage is the truth, not the cache)', async () => {
    const id = 'c0c0c0c0-0000-4000-8000-000000000002';
    await new ProfileMemory(store).remember(id, { locale: 'sv', timeZone: 'Europe/Stockholm' });
    expect(await new ProfileMemory(store).profileOf(id)).toEqual({ locale: 'sv', timeZone: 'Europe/Stockholm' });
    expect(await new ProfileMemory(store).profileOf('c0c0c0c0-0000-4000-8000-0000000000ff')).toBeUndefined();
  });

  it('a cached entry expires, so another instance’s newer write is seen', async () => {
    const id = 'c0c0c0c0-0000-4000-8000-000000000003';
    let now = 0;
    const reader = new ProfileMemory(store, { ttlMs: 1000, now: () => now });
    await new ProfileMemory(store).remember(id, { locale: 'fr', timeZone: 'Europe/Paris' });
    expect(await reader.profileOf(id)).toMatchObject({ locale: 'fr' });
    await new ProfileMemory(store).remember(id, { locale: 'ko', timeZone: 'Asia/Seoul' });
    expect(await reader.profileOf(id)).toMatchObject({ locale: 'fr' });
    now = 1000;
    expect(await reader.profileOf(id)).toMatchObject({ locale: 'ko' });
  });

  it('turns of several instances that learn different settings at once all succeed: conflicts are read again', async () => {
    const id = 'c0c0c0c0-0000-4000-8000-000000000004';
    const counting = new CountingStore(store);
    const hints = [{ locale: 'fr' }, { timeZone: 'Asia/Seoul' }, { locale: 'fr' }, { timeZone: 'Asia/Seoul' }];
    await Promise.all(hints.map((hint) => new ProfileMemory(counting).remember(id, hint)));
    // Neither write undid the other: both parts are there.
    expect(await store.read(id)).toMatchObject({ locale: 'fr', timeZone: 'Asia/Seoul' });
    expect(counting.writes).toBeGreaterThanOrEqual(2);
  });

  it('a complete hint on an instance that has nothing cached replaces what is stored, without reading it', async () => {
    const id = 'c0c0c0c0-0000-4000-8000-000000000005';
    await new ProfileMemory(store).remember(id, { locale: 'fr', timeZone: 'Europe/Paris' });
    const counting = new CountingStore(store);
    expect(await new ProfileMemory(counting).remember(id, { locale: 'ko', timeZone: 'Asia/Seoul' })).toEqual({
      locale: 'ko',
      timeZone: 'Asia/Seoul',
    });
    expect({ reads: counting.reads, writes: counting.writes }).toEqual({ reads: 0, writes: 1 });
    expect(await store.read(id)).toMatchObject({ locale: 'ko', timeZone: 'Asia/Seoul' });
  });

  it('keeps its cache bounded', async () => {
    const counting = new CountingStore(store);
    const memory = new ProfileMemory(counting, { maxCached: 2 });
    const ids = ['c0c0c0c0-0000-4000-8000-000000000011', 'c0c0c0c0-0000-4000-8000-000000000012', 'c0c0c0c0-0000-4000-8000-000000000013'];
    for (const id of ids) await memory.profileOf(id);
    expect(counting.reads).toBe(3);
    await memory.profileOf(ids[2]!);
    await memory.profileOf(ids[1]!);
    expect(counting.reads).toBe(3);
    await memory.profileOf(ids[0]!); // dropped as the oldest
    expect(counting.reads).toBe(4);
  });
});
