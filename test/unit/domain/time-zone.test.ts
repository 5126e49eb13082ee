import fc from 'fast-check';
import {
  addWorkingMillis,
  ALWAYS_OPEN,
  businessHours,
  dueAt,
  nextWorkingInstant,
  workingMillisBetween,
  workingMinutesBetween,
} from '../../../src/domain/business-calendar';
import { InvalidDurationError } from '../../../src/domain/errors';
import { localDateOf, localToUtc, parseLocalDay, parseTimeZone } from '../../../src/domain/time-zone';

const at = (iso: string) => new Date(iso);
const office = businessHours(); // Mon–Fri 09:00–17:00 UTC
const paris = businessHours({ zone: { timeZone: 'Europe/Paris' } });

describe('parseTimeZone: what the configuration may write', () => {
  test.each([
    ['UTC', { utcOffsetMinutes: 0 }],
    ['utc', { utcOffsetMinutes: 0 }],
    ['+02:00', { utcOffsetMinutes: 120 }],
    ['-05:30', { utcOffsetMinutes: -330 }],
    ['+14:00', { utcOffsetMinutes: 840 }],
    ['Europe/Paris', { timeZone: 'Europe/Paris' }],
    ['Asia/Seoul', { timeZone: 'Asia/Seoul' }],
  ])('%s', (text, zone) => {
    expect(parseTimeZone(text)).toEqual(zone);
  });

  test.each(['', 'Mars/Olympus', '+15:00', '+02:60', '2', 'Europe/Paris; rm', '../etc', 'x'.repeat(100)])('refuses %j', (text) => {
    expect(parseTimeZone(text)).toBeUndefined();
  });
});

describe('parseLocalDay', () => {
  test.each([
    ['2026-11-20', Date.UTC(2026, 10, 20)],
    ['2024-02-29', Date.UTC(2024, 1, 29)],
    ['2025-02-29', undefined],
    ['2025-13-01', undefined],
    ['20251101', undefined],
    ['2025-1-1', undefined],
  ])('%s', (text, day) => {
    expect(parseLocalDay(text)).toBe(day);
  });
});

describe('local time in a zone with summer time', () => {
  test('the day of an instant, and an instant of a local time', () => {
    // 23:30 UTC on 2026-03-28 is already Sunday 00:30 in Paris (UTC+1).
    expect(localDateOf(Date.parse('2026-03-28T23:30:00Z'), { timeZone: 'Europe/Paris' })).toBe(Date.UTC(2026, 2, 29));
    // 09:00 local on the Sunday clocks go forward is 07:00 UTC (UTC+2 from 02:00 on).
    expect(new Date(localToUtc(Date.UTC(2026, 2, 29, 9), { timeZone: 'Europe/Paris' })).toISOString()).toBe('2026-03-29T07:00:00.000Z');
    // 02:30 does not exist that night: read with the offset from before the change, it lands just after the gap.
    expect(new Date(localToUtc(Date.UTC(2026, 2, 29, 2, 30), { timeZone: 'Europe/Paris' })).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    // 02:30 happens twice when clocks go back: the earlier instant.
    expect(new Date(localToUtc(Date.UTC(2026, 9, 25, 2, 30), { timeZone: 'Europe/Paris' })).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });
});

describe('working time in milliseconds', () => {
  test('agrees with the minute-based functions', () => {
    expect(workingMillisBetween(at('2025-01-10T16:00Z'), at('2025-01-13T10:00Z'), office)).toBe(2 * 3_600_000);
    expect(addWorkingMillis(at('2025-01-10T16:00Z'), 2 * 3_600_000, office).toISOString()).toBe('2025-01-13T10:00:00.000Z');
    expect(() => addWorkingMillis(at('2025-01-10T16:00Z'), -1, office)).toThrow(InvalidDurationError);
  });

  test('property: adding working time then measuring it gives it back, on either calendar', () => {
    fc.assert(
      fc.property(
        fc.date({ min: at('2025-01-01T00:00Z'), max: at('2027-01-01T00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 20 * 24 * 60 }),
        fc.constantFrom(ALWAYS_OPEN, office, paris),
        (start, minutes, calendar) => {
          const end = addWorkingMillis(start, minutes * 60_000, calendar);
          expect(end.getTime()).toBe(dueAt(start, minutes, calendar).getTime());
          if (minutes > 0) expect(workingMillisBetween(start, end, calendar)).toBe(minutes * 60_000);
          expect(workingMinutesBetween(start, end, calendar)).toBe(minutes === 0 ? 0 : minutes);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('nextWorkingInstant', () => {
  test.each([
    ['inside business hours: that instant', '2025-01-06T10:00Z', '2025-01-06T10:00:00.000Z'],
    ['before opening: the opening', '2025-01-06T07:00Z', '2025-01-06T09:00:00.000Z'],
    ['at closing: the next morning', '2025-01-06T17:00Z', '2025-01-07T09:00:00.000Z'],
    ['Friday evening: Monday morning', '2025-01-10T18:00Z', '2025-01-13T09:00:00.000Z'],
    ['Saturday: Monday morning', '2025-01-11T12:00Z', '2025-01-13T09:00:00.000Z'],
  ])('%s', (_name, instant, expected) => {
    expect(nextWorkingInstant(at(instant), office).toISOString()).toBe(expected);
  });

  test('holidays and zones: Christmas Friday in Paris goes to Monday 09:00 CET', () => {
    const cal = businessHours({ zone: { timeZone: 'Europe/Paris' }, holidays: ['2026-12-25'] });
    expect(nextWorkingInstant(at('2026-12-24T18:00Z'), cal).toISOString()).toBe('2026-12-28T08:00:00.000Z');
  });

  test('24×7 is always open', () => {
    expect(nextWorkingInstant(at('2025-01-11T03:00Z'), ALWAYS_OPEN).toISOString()).toBe('2025-01-11T03:00:00.000Z');
  });
});
