import {
  ALWAYS_OPEN,
  businessHours,
  dueAt,
  elapsedShare,
  isWorkingTime,
  shareReachedAt,
  validateCalendar,
  workingMinutesBetween,
  type BusinessHoursCalendar,
} from '../../../src/domain/business-calendar';
import { InvalidCalendarError, InvalidDurationError } from '../../../src/domain/errors';

const at = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString().replace(':00.000Z', 'Z');

// January 2025: Monday the 6th, Friday the 10th, Saturday the 11th.
const office = businessHours(); // Mon–Fri 09:00–17:00 UTC

describe('dueAt on a 24×7 calendar', () => {
  test.each([
    ['2025-01-06T10:00Z', 60, '2025-01-06T11:00Z'],
    ['2025-01-06T23:30Z', 60, '2025-01-07T00:30Z'],
    ['2025-01-10T20:00Z', 480, '2025-01-11T04:00Z'],
    ['2025-01-11T12:00Z', 0, '2025-01-11T12:00Z'],
    ['2025-03-30T00:30Z', 90, '2025-03-30T02:00Z'],
  ])('%s + %i min → %s', (start, minutes, expected) => {
    expect(iso(dueAt(at(start), minutes, ALWAYS_OPEN))).toBe(expected);
  });
});

describe('dueAt in business hours (Mon–Fri 09–17 UTC)', () => {
  test.each([
    ['inside the day', '2025-01-06T10:00Z', 60, '2025-01-06T11:00Z'],
    ['past the end of the day', '2025-01-06T16:00Z', 120, '2025-01-07T10:00Z'],
    ['starting at closing time', '2025-01-06T17:00Z', 60, '2025-01-07T10:00Z'],
    ['starting before opening', '2025-01-06T08:00Z', 60, '2025-01-06T10:00Z'],
    ['starting at midnight', '2025-01-06T00:00Z', 30, '2025-01-06T09:30Z'],
    ['landing exactly at closing stays that day', '2025-01-06T09:00Z', 480, '2025-01-06T17:00Z'],
    ['one minute more rolls over', '2025-01-06T09:00Z', 481, '2025-01-07T09:01Z'],
    ['over the weekend', '2025-01-10T16:00Z', 120, '2025-01-13T10:00Z'],
    ['Friday night', '2025-01-10T23:30Z', 60, '2025-01-13T10:00Z'],
    ['from Saturday', '2025-01-11T12:00Z', 60, '2025-01-13T10:00Z'],
    ['from Sunday one minute before midnight', '2025-01-12T23:59Z', 1, '2025-01-13T09:01Z'],
    ['a working week', '2025-01-06T09:00Z', 2400, '2025-01-10T17:00Z'],
    ['a working week from mid-week', '2025-01-08T13:00Z', 2400, '2025-01-15T13:00Z'],
    ['zero minutes is due at once, even outside hours', '2025-01-11T12:00Z', 0, '2025-01-11T12:00Z'],
    ['fractions of a minute', '2025-01-06T16:59Z', 0.5, '2025-01-06T16:59:30.000Z'],
  ])('%s: %s + %i min → %s', (_name, start, minutes, expected) => {
    expect(iso(dueAt(at(start), minutes, office))).toBe(expected);
  });

  test('holidays are skipped', () => {
    const cal = businessHours({ holidays: ['2025-01-13'] });
    expect(iso(dueAt(at('2025-01-10T16:00Z'), 120, cal))).toBe('2025-01-14T10:00Z');
  });

  test('a custom week and day: Sunday–Thursday 08:30–16:30', () => {
    const cal = businessHours({ weekdays: [0, 1, 2, 3, 4], startHour: 8.5, endHour: 16.5 });
    expect(iso(dueAt(at('2025-01-09T16:00Z'), 60, cal))).toBe('2025-01-12T09:00Z');
  });
});

describe('dueAt with a fixed UTC offset', () => {
  test('UTC+1: opening is 08:00 UTC', () => {
    const cal = businessHours({ zone: { utcOffsetMinutes: 60 } });
    expect(iso(dueAt(at('2025-01-06T07:30Z'), 60, cal))).toBe('2025-01-06T09:00Z');
    expect(iso(dueAt(at('2025-01-10T15:30Z'), 60, cal))).toBe('2025-01-13T08:30Z');
  });

  test('UTC−5: Friday 16:30 local + 1 h → Monday 09:30 local', () => {
    const cal = businessHours({ zone: { utcOffsetMinutes: -300 } });
    expect(iso(dueAt(at('2025-01-10T21:30Z'), 60, cal))).toBe('2025-01-13T14:30Z');
  });

  test('UTC+10: the local Monday starts on Sunday in UTC', () => {
    const cal = businessHours({ zone: { utcOffsetMinutes: 600 } });
    // Sunday 22:00 UTC is Monday 08:00 local.
    expect(iso(dueAt(at('2025-01-12T22:00Z'), 60, cal))).toBe('2025-01-13T00:00Z');
    expect(isWorkingTime(at('2025-01-12T23:00Z'), cal)).toBe(true);
    expect(isWorkingTime(at('2025-01-10T23:00Z'), cal)).toBe(false); // Saturday 09:00 local
  });
});

describe('dueAt with an IANA time zone, across daylight saving changes', () => {
  const paris = businessHours({ zone: { timeZone: 'Europe/Paris' } });
  const newYork = businessHours({ zone: { timeZone: 'America/New_York' } });

  test.each([
    ['Paris in winter', paris, '2025-01-10T15:00Z', 120, '2025-01-13T09:00Z'],
    ['Paris over the spring change (CET → CEST)', paris, '2025-03-28T15:00Z', 120, '2025-03-31T08:00Z'],
    ['Paris over the autumn change (CEST → CET)', paris, '2025-10-24T14:00Z', 120, '2025-10-27T09:00Z'],
    ['New York over the spring change (EST → EDT)', newYork, '2025-03-07T21:00Z', 120, '2025-03-10T14:00Z'],
    ['New York over the autumn change (EDT → EST)', newYork, '2025-10-31T20:00Z', 120, '2025-11-03T15:00Z'],
  ])('%s', (_name, cal, start, minutes, expected) => {
    expect(iso(dueAt(at(start), minutes, cal as BusinessHoursCalendar))).toBe(expected);
  });

  test('a day-long calendar has 23 hours on the spring change and 25 on the autumn change', () => {
    const allDay = businessHours({ weekdays: [0, 1, 2, 3, 4, 5, 6], startHour: 0, endHour: 24, zone: { timeZone: 'Europe/Paris' } });
    // Sunday 30 March 2025 and Sunday 26 October 2025, local midnight to midnight.
    expect(workingMinutesBetween(at('2025-03-29T23:00Z'), at('2025-03-30T22:00Z'), allDay)).toBe(23 * 60);
    expect(workingMinutesBetween(at('2025-10-25T22:00Z'), at('2025-10-26T23:00Z'), allDay)).toBe(25 * 60);
    expect(iso(dueAt(at('2025-03-29T23:00Z'), 23 * 60, allDay))).toBe('2025-03-30T22:00Z');
  });

  test('an opening time skipped by the spring change opens just after the gap', () => {
    const night = businessHours({ weekdays: [0], startHour: 2.5, endHour: 6, zone: { timeZone: 'Europe/Paris' } });
    // 02:30 does not exist on 30 March 2025 in Paris: it is read as 02:30 CET = 01:30 UTC (03:30 CEST).
    expect(isWorkingTime(at('2025-03-30T01:00Z'), night)).toBe(false);
    expect(isWorkingTime(at('2025-03-30T01:30Z'), night)).toBe(true);
    expect(workingMinutesBetween(at('2025-03-30T00:00Z'), at('2025-03-30T06:00Z'), night)).toBe(150);
  });

  test('an opening time repeated by the autumn change opens at its first occurrence', () => {
    const night = businessHours({ weekdays: [0], startHour: 2.5, endHour: 6, zone: { timeZone: 'Europe/Paris' } });
    // 02:30 happens twice on 26 October 2025; the first is 02:30 CEST = 00:30 UTC.
    expect(isWorkingTime(at('2025-10-26T00:29Z'), night)).toBe(false);
    expect(isWorkingTime(at('2025-10-26T00:30Z'), night)).toBe(true);
    expect(workingMinutesBetween(at('2025-10-26T00:00Z'), at('2025-10-26T06:00Z'), night)).toBe(270);
  });

  test('results do not depend on the host time zone', () => {
    const tz = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Kiritimati';
      expect(iso(dueAt(at('2025-03-28T15:00Z'), 120, paris))).toBe('2025-03-31T08:00Z');
    } finally {
      process.env.TZ = tz;
    }
  });
});

describe('workingMinutesBetween', () => {
  test.each([
    ['same day', '2025-01-06T10:00Z', '2025-01-06T12:00Z', 120],
    ['over the weekend', '2025-01-10T16:00Z', '2025-01-13T10:00Z', 120],
    ['a whole week', '2025-01-06T00:00Z', '2025-01-13T00:00Z', 2400],
    ['only the weekend', '2025-01-11T00:00Z', '2025-01-13T00:00Z', 0],
    ['reversed', '2025-01-06T12:00Z', '2025-01-06T10:00Z', 0],
    ['equal', '2025-01-06T12:00Z', '2025-01-06T12:00Z', 0],
  ])('%s', (_name, from, to, minutes) => {
    expect(workingMinutesBetween(at(from), at(to), office)).toBe(minutes);
  });

  test('24×7 counts every minute', () => {
    expect(workingMinutesBetween(at('2025-01-10T16:00Z'), at('2025-01-13T10:00Z'), ALWAYS_OPEN)).toBe(66 * 60);
  });
});

describe('elapsedShare', () => {
  test.each([
    ['before start', '2025-01-06T08:00Z', 0],
    ['at start', '2025-01-06T09:00Z', 0],
    ['three quarters', '2025-01-06T15:00Z', 0.75],
    ['at due', '2025-01-06T17:00Z', 1],
    ['overnight after due, no more working time', '2025-01-07T08:00Z', 1],
    ['an hour into the next day', '2025-01-07T10:00Z', 1.125],
  ])('%s', (_name, now, share) => {
    expect(elapsedShare(at('2025-01-06T09:00Z'), at('2025-01-06T17:00Z'), at(now), office)).toBeCloseTo(share, 10);
  });

  test('the weekend does not count', () => {
    const start = at('2025-01-10T16:00Z');
    const due = at('2025-01-13T10:00Z');
    expect(elapsedShare(start, due, at('2025-01-11T12:00Z'), office)).toBe(0.5);
    expect(elapsedShare(start, due, at('2025-01-13T09:00Z'), office)).toBe(0.5);
    expect(elapsedShare(start, due, at('2025-01-13T09:30Z'), office)).toBe(0.75);
  });

  test('24×7', () => {
    expect(elapsedShare(at('2025-01-11T00:00Z'), at('2025-01-11T04:00Z'), at('2025-01-11T03:00Z'), ALWAYS_OPEN)).toBe(0.75);
  });

  test('with no working time between start and due: 0 before due, 1 from due', () => {
    const start = at('2025-01-11T10:00Z');
    const due = at('2025-01-12T10:00Z');
    expect(elapsedShare(start, due, at('2025-01-11T12:00Z'), office)).toBe(0);
    expect(elapsedShare(start, due, due, office)).toBe(1);
    expect(elapsedShare(start, start, start, office)).toBe(1);
  });
});

describe('shareReachedAt', () => {
  test('75% of a target over the weekend falls on Monday morning', () => {
    expect(iso(shareReachedAt(at('2025-01-10T16:00Z'), at('2025-01-13T10:00Z'), 0.75, office))).toBe('2025-01-13T09:30Z');
  });

  test('24×7', () => {
    expect(iso(shareReachedAt(at('2025-01-11T00:00Z'), at('2025-01-11T08:00Z'), 0.75, ALWAYS_OPEN))).toBe('2025-01-11T06:00Z');
  });
});

describe('isWorkingTime', () => {
  test.each([
    ['2025-01-06T09:00Z', true],
    ['2025-01-06T16:59Z', true],
    ['2025-01-06T17:00Z', false],
    ['2025-01-06T08:59Z', false],
    ['2025-01-11T12:00Z', false],
  ])('%s → %s', (instant, expected) => {
    expect(isWorkingTime(at(instant), office)).toBe(expected);
  });

  test('24×7 is always working time', () => {
    expect(isWorkingTime(at('2025-01-11T03:00Z'), ALWAYS_OPEN)).toBe(true);
  });
});

describe('validation', () => {
  test.each<[string, Partial<BusinessHoursCalendar>]>([
    ['no weekday', { weekdays: [] }],
    ['weekday out of range', { weekdays: [1, 7] }],
    ['fractional weekday', { weekdays: [1.5] }],
    ['closing before opening', { startHour: 17, endHour: 9 }],
    ['empty day', { startHour: 9, endHour: 9 }],
    ['hour above 24', { endHour: 25 }],
    ['negative hour', { startHour: -1 }],
    ['not a whole minute', { startHour: 9.123 }],
    ['NaN hour', { startHour: Number.NaN }],
    ['unknown time zone', { zone: { timeZone: 'Mars/Olympus_Mons' } }],
    ['offset beyond 14 h', { zone: { utcOffsetMinutes: 15 * 60 } }],
    ['fractional offset', { zone: { utcOffsetMinutes: 30.5 } }],
    ['holiday that is not a date', { holidays: ['2025-02-30'] }],
    ['holiday in another format', { holidays: ['13/01/2025'] }],
  ])('%s is refused with a typed error', (_name, overrides) => {
    const cal = businessHours(overrides);
    expect(() => validateCalendar(cal)).toThrow(InvalidCalendarError);
    expect(() => dueAt(at('2025-01-06T09:00Z'), 60, cal)).toThrow(InvalidCalendarError);
    expect(() => workingMinutesBetween(at('2025-01-06T09:00Z'), at('2025-01-07T09:00Z'), cal)).toThrow(
      expect.objectContaining({ code: 'invalid-calendar' }),
    );
  });

  test('valid calendars pass', () => {
    expect(() => validateCalendar(office)).not.toThrow();
    expect(() => validateCalendar(ALWAYS_OPEN)).not.toThrow();
    expect(() => validateCalendar(businessHours({ zone: { timeZone: 'Asia/Kolkata' }, holidays: ['2025-12-25'] }))).not.toThrow();
  });

  test.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('duration %p is refused', (minutes) => {
    expect(() => dueAt(at('2025-01-06T09:00Z'), minutes, office)).toThrow(InvalidDurationError);
    expect(() => dueAt(at('2025-01-06T09:00Z'), minutes, ALWAYS_OPEN)).toThrow(InvalidDurationError);
  });

  test('a calendar whose every working day is a holiday has no working time', () => {
    const mondays: string[] = [];
    for (let d = Date.UTC(2025, 0, 6); d < Date.UTC(2036, 0, 1); d += 7 * 86_400_000) mondays.push(new Date(d).toISOString().slice(0, 10));
    const cal = businessHours({ weekdays: [1], holidays: mondays });
    expect(() => dueAt(at('2025-01-06T09:00Z'), 60, cal)).toThrow(InvalidCalendarError);
  });
});
