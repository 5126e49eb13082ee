import { businessHours } from '../../../src/domain/business-calendar';
import { onCallAt, pagesOnCall, rotaOf, type OnCallRota } from '../../../src/domain/queues/on-call';

const ANN = { aadObjectId: 'a', displayName: 'Ann' };
const BO = { aadObjectId: 'b', displayName: 'Bo' };
const CY = { aadObjectId: 'c', displayName: 'Cy' };
const PARIS = businessHours({ zone: { timeZone: 'Europe/Paris' } });
const SEOUL = businessHours({ zone: { timeZone: 'Asia/Seoul' } });
const at = (iso: string) => new Date(iso);

describe('on-call rota', () => {
  const rota: OnCallRota = { queue: 'help-desk', startDate: '2026-11-16', members: [ANN, BO, CY] };

  it('gives one member a week each, in turn, from the start date, then again from the first', () => {
    expect(onCallAt(rota, at('2026-11-16T08:00:00Z'), PARIS)).toBe(ANN);
    expect(onCallAt(rota, at('2026-11-22T12:00:00Z'), PARIS)).toBe(ANN);
    expect(onCallAt(rota, at('2026-11-24T12:00:00Z'), PARIS)).toBe(BO);
    expect(onCallAt(rota, at('2026-12-01T12:00:00Z'), PARIS)).toBe(CY);
    expect(onCallAt(rota, at('2026-12-08T12:00:00Z'), PARIS)).toBe(ANN);
  });

  it('hands over at local midnight in the queue zone, not at UTC midnight', () => {
    // Paris is UTC+1 in November: Monday 23 November 00:00 local is Sunday 23:00 UTC.
    expect(onCallAt(rota, at('2026-11-22T22:59:59Z'), PARIS)).toBe(ANN);
    expect(onCallAt(rota, at('2026-11-22T23:00:00Z'), PARIS)).toBe(BO);
    // Seoul is UTC+9: the week starts on Sunday 15:00 UTC.
    expect(onCallAt(rota, at('2026-11-22T14:59:59Z'), SEOUL)).toBe(ANN);
    expect(onCallAt(rota, at('2026-11-22T15:00:00Z'), SEOUL)).toBe(BO);
  });

  it('keeps the hand-over at local midnight across a daylight-saving change (a 169-hour week)', () => {
    // Clocks go back in Paris on Sunday 25 October 2026: the week from Monday 19 October is an hour longer.
    const autumn: OnCallRota = { queue: 'help-desk', startDate: '2026-10-19', members: [ANN, BO] };
    expect(onCallAt(autumn, at('2026-10-18T22:00:00Z'), PARIS)).toBe(ANN); // Monday 00:00 CEST
    expect(onCallAt(autumn, at('2026-10-18T21:59:59Z'), PARIS)).toBeUndefined(); // before the start
    expect(onCallAt(autumn, at('2026-10-25T22:59:59Z'), PARIS)).toBe(ANN); // Sunday 23:59:59 CET
    expect(onCallAt(autumn, at('2026-10-25T23:00:00Z'), PARIS)).toBe(BO); // Monday 00:00 CET
    // And in spring (clocks go forward on Sunday 29 March 2026): a 167-hour week.
    const spring: OnCallRota = { queue: 'help-desk', startDate: '2026-03-23', members: [ANN, BO] };
    expect(onCallAt(spring, at('2026-03-29T21:59:59Z'), PARIS)).toBe(ANN); // Sunday 23:59:59 CEST
    expect(onCallAt(spring, at('2026-03-29T22:00:00Z'), PARIS)).toBe(BO); // Monday 00:00 CEST
  });

  it('has nobody on call before it starts, with no members, or with a malformed start', () => {
    expect(onCallAt(rota, at('2026-11-15T12:00:00Z'), PARIS)).toBeUndefined();
    expect(onCallAt({ ...rota, members: [] }, at('2026-11-20T12:00:00Z'), PARIS)).toBeUndefined();
    expect(onCallAt({ ...rota, startDate: 'soon' }, at('2026-11-20T12:00:00Z'), PARIS)).toBeUndefined();
  });

  it('finds a queue rota by queue id only', () => {
    expect(rotaOf([rota], 'help-desk')).toBe(rota);
    expect(rotaOf([rota], 'help-desk:finance')).toBeUndefined();
  });
});

describe('who is paged', () => {
  it('only a Sev A, and only outside the queue business hours (local, weekdays)', () => {
    // Monday 23 November, Paris (UTC+1): 09:00 local opens the day.
    expect(pagesOnCall('A', at('2026-11-23T07:59:59Z'), PARIS)).toBe(true);
    expect(pagesOnCall('A', at('2026-11-23T08:00:00Z'), PARIS)).toBe(false);
    expect(pagesOnCall('A', at('2026-11-23T15:59:59Z'), PARIS)).toBe(false);
    expect(pagesOnCall('A', at('2026-11-23T16:00:00Z'), PARIS)).toBe(true);
    expect(pagesOnCall('A', at('2026-11-21T12:00:00Z'), PARIS)).toBe(true); // Saturday
    expect(pagesOnCall('B', at('2026-11-21T12:00:00Z'), PARIS)).toBe(false);
    expect(pagesOnCall('C', at('2026-11-23T02:00:00Z'), PARIS)).toBe(false);
    // The same instant is working time in Seoul (Monday 17:00 is closing: 16:59 is open).
    expect(pagesOnCall('A', at('2026-11-23T07:59:59Z'), SEOUL)).toBe(false);
    // Holidays have no business hours.
    const holiday = businessHours({ zone: { timeZone: 'Europe/Paris' }, holidays: ['2026-12-25'] });
    expect(pagesOnCall('A', at('2026-12-25T10:00:00Z'), holiday)).toBe(true);
  });

  it('follows daylight saving: 08:30 UTC is 09:30 in Paris in winter but 10:30 in summer', () => {
    expect(pagesOnCall('A', at('2026-07-06T06:30:00Z'), PARIS)).toBe(true); // 08:30 CEST
    expect(pagesOnCall('A', at('2026-07-06T07:30:00Z'), PARIS)).toBe(false); // 09:30 CEST
    expect(pagesOnCall('A', at('2026-01-05T07:30:00Z'), PARIS)).toBe(true); // 08:30 CET
    expect(pagesOnCall('A', at('2026-01-05T08:30:00Z'), PARIS)).toBe(false); // 09:30 CET
  });
});
