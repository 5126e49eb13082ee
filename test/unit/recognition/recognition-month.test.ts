import {
  dueMonth,
  isMonth,
  monthEnd,
  monthOf,
  monthParts,
  monthPeriod,
  previousMonth,
} from '../../../src/domain/recognition/recognition-month';
import { daysOf } from '../../../src/domain/reports/report-period';

const HOUR = 3_600_000;

describe('the months of the thank-you cards', () => {
  it('reads the UTC month of an instant, whatever the zone it was written in', () => {
    expect(monthOf(new Date('2026-12-01T00:30:00+01:00'))).toBe('2026-11'); // still 23:30 UTC on 30 November
    expect(monthOf(new Date('2026-11-30T20:00:00-05:00'))).toBe('2026-12'); // already 01:00 UTC on 1 December
    expect(monthOf(new Date('2026-12-01T09:00:00+09:00'))).toBe('2026-12'); // Seoul, exactly midnight UTC
    expect(monthOf(new Date('2026-11-30T23:59:59.999Z'))).toBe('2026-11');
  });

  test.each([
    ['2026-01', '2025-12'],
    ['2026-03', '2026-02'],
    ['2026-12', '2026-11'],
    ['2000-01', '1999-12'],
  ])('the month before %s is %s', (month, before) => {
    expect(previousMonth(month)).toBe(before);
  });

  test.each([
    ['2026-01', '2026-01-01', '2026-01-31', 31],
    ['2026-02', '2026-02-01', '2026-02-28', 28],
    ['2028-02', '2028-02-01', '2028-02-29', 29], // leap year
    ['2100-02', '2100-02-01', '2100-02-28', 28], // divisible by 100: not a leap year
    ['2000-02', '2000-02-01', '2000-02-29', 29], // divisible by 400: a leap year
    ['2026-04', '2026-04-01', '2026-04-30', 30],
    ['2026-12', '2026-12-01', '2026-12-31', 31],
  ])('%s runs from %s to %s (%i days)', (month, from, to, days) => {
    const period = monthPeriod(month);
    expect(period).toEqual({ from, to });
    expect(daysOf(period)).toHaveLength(days);
  });

  it('every month of four years joins the next without a gap or an overlap', () => {
    let month = '2025-01';
    for (let i = 0; i < 48; i++) {
      const end = monthEnd(month);
      const next = monthOf(end);
      expect(Date.parse(`${monthPeriod(month).to}T00:00:00Z`) + 24 * HOUR).toBe(end.getTime());
      expect(monthPeriod(next).from).toBe(end.toISOString().slice(0, 10));
      expect(previousMonth(next)).toBe(month);
      month = next;
    }
    expect(month).toBe('2029-01');
  });

  it('a month is due once it ended and the grace period passed, and only the latest one', () => {
    const grace = HOUR;
    expect(dueMonth(new Date('2026-12-01T00:59:59Z'), grace)).toBe('2026-10'); // November's last hour may still be folding
    expect(dueMonth(new Date('2026-12-01T01:00:00Z'), grace)).toBe('2026-11');
    expect(dueMonth(new Date('2026-12-31T23:59:59Z'), grace)).toBe('2026-11');
    expect(dueMonth(new Date('2027-01-01T01:00:00Z'), grace)).toBe('2026-12'); // across the year
    expect(dueMonth(new Date('2027-03-15T12:00:00Z'), grace)).toBe('2027-02'); // months missed are not sent late
    expect(dueMonth(new Date('2026-12-01T00:00:00Z'), 0)).toBe('2026-11');
  });

  it('knows a month when it sees one, and splits it for words', () => {
    expect(['2026-11', '2026-01', '1999-12'].every(isMonth)).toBe(true);
    expect(['2026-13', '2026-00', '2026-1', '26-11', '2026-11-01', ''].some(isMonth)).toBe(false);
    expect(monthParts('2026-09')).toEqual({ year: 2026, month: 9 });
    expect(() => monthPeriod('2026-13')).toThrow('not a month');
  });
});
