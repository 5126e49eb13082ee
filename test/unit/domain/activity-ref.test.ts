import { text } from '../../../src/domain/text';
import {
  activityRecord,
  ACTIVITY_MEMORY_MS,
  isActivityKey,
  RECENT_ACTIVITY_KEYS,
  uuidOfActivity,
  withRecentActivity,
} from '../../../src/domain/activity-ref';

const KEY = '0123456789abcdef0123456789abcdef';

describe('activity references', () => {
  it('names a UUID after the activity: the same key gives the same id, in RFC 4122 layout (version 5, variant 10xx)', () => {
    const id = uuidOfActivity({ key: KEY });
    expect(id).toBe(uuidOfActivity({ key: KEY }));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuidOfActivity({ key: 'f'.repeat(32) })).not.toBe(id);
    // Only the version nibble and the two variant bits are fixed: different keys stay apart.
    const ids = new Set(Array.from({ length: 256 }, (_, i) => uuidOfActivity({ key: i.toString(16).padStart(2, '0').repeat(16) })));
    expect(ids.size).toBe(256);
  });

  it('accepts only 32 lowercase hex characters as a key', () => {
    expect(isActivityKey(KEY)).toBe(true);
    for (const bad of ['', KEY.toUpperCase(), `${KEY}0`, KEY.slice(1), `${KEY.slice(1)}g`, 42, undefined])
      expect(isActivityKey(bad)).toBe(false);
    expect(() => uuidOfActivity({ key: 'not-a-key' })).toThrow(RangeError);
  });

  it('a record expires after the memory span', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    expect(activityRecord({ key: KEY }, text('messages.tickets.done.note'), now)).toEqual({
      key: KEY,
      outcome: text('messages.tickets.done.note'),
      expiresAt: new Date(now.getTime() + ACTIVITY_MEMORY_MS).toISOString(),
    });
  });

  it('an entity keeps its last few activity keys, newest last, each once', () => {
    let recent: readonly string[] | undefined;
    expect(withRecentActivity(recent, undefined)).toBeUndefined();
    for (let i = 0; i < RECENT_ACTIVITY_KEYS + 3; i++) recent = withRecentActivity(recent, { key: i.toString(16).padStart(32, '0') });
    expect(recent).toHaveLength(RECENT_ACTIVITY_KEYS);
    expect(recent?.[RECENT_ACTIVITY_KEYS - 1]).toBe((RECENT_ACTIVITY_KEYS + 2).toString(16).padStart(32, '0'));
    const again = withRecentActivity(recent, { key: recent![0] });
    expect(again).toHaveLength(RECENT_ACTIVITY_KEYS);
    expect(again?.[RECENT_ACTIVITY_KEYS - 1]).toBe(recent![0]);
  });
});
