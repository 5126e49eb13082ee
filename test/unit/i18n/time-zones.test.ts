import { canonicalTimeZone, timeZoneOf } from '../../../src/i18n/locales';

describe('time zone names from the activity', () => {
  it('gives the name Intl knows a zone by, the same on every call (the second from the cache)', () => {
    for (let i = 0; i < 2; i++) {
      expect(canonicalTimeZone('europe/paris')).toBe('Europe/Paris');
      expect(canonicalTimeZone('Asia/Seoul')).toBe('Asia/Seoul');
      expect(canonicalTimeZone('Mars/Olympus_Mons')).toBeUndefined();
      expect(timeZoneOf('not a zone')).toBe('UTC');
    }
  });

  it('refuses what is no name before looking it up, and stays right past the cache bound', () => {
    for (const bad of [undefined, null, 42, '', 'x'.repeat(65)]) expect(canonicalTimeZone(bad)).toBeUndefined();
    // Anyone's text reaches this: a flood of distinct names starts the cache over instead of growing it.
    for (let i = 0; i < 2_500; i++) expect(canonicalTimeZone(`Nowhere/Zone_${i}`)).toBeUndefined();
    expect(canonicalTimeZone('Europe/Stockholm')).toBe('Europe/Stockholm');
    expect(canonicalTimeZone('europe/paris')).toBe('Europe/Paris');
  });
});
