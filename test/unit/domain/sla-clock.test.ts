import fc from 'fast-check';
import { ALWAYS_OPEN, businessHours, dueAt, workingMillisBetween, type SlaCalendar } from '../../../src/domain/business-calendar';
import { DEFAULT_SLA_CONFIG, slaDueTimes, warningAt } from '../../../src/domain/sla';
import {
  clockStateAt,
  elapsedWorkingMs,
  instantReaching,
  isPaused,
  MAX_SLA_PAUSES,
  pauseClock,
  remainingWorkingMs,
  resumeClock,
  startClock,
  withRule,
  type ClockRule,
  type SlaClock,
} from '../../../src/domain/sla-clock';

const at = (iso: string) => new Date(iso);
const MIN = 60_000;
const H = 60 * MIN;
const office = businessHours(); // Mon–Fri 09:00–17:00 UTC
const rule = (minutes: number, clock: ClockRule['clock'] = '24x7'): ClockRule => ({
  minutes,
  clock,
  businessHours: office,
  warningShare: 0.75,
});

/** A controllable clock for the story tests: time only moves when the test says so. */
class TestClock {
  constructor(private t: number) {}
  now = () => new Date(this.t);
  advance(ms: number) {
    this.t += ms;
    return this.now();
  }
  set(iso: string) {
    this.t = Date.parse(iso);
    return this.now();
  }
}

describe('a clock that never pauses is the clock we had', () => {
  test.each([
    ['Sev A 24×7 on Friday evening', '2025-01-10T20:00Z', 'A' as const, 'Critical' as const],
    ['Sev B business hours late on Friday', '2025-01-10T16:00Z', 'B' as const, 'Important' as const],
    ['Sev C with no solution on Saturday', '2025-01-11T10:00Z', 'C' as const, undefined],
  ])('%s', (_name, start, severity, tier) => {
    const due = slaDueTimes(DEFAULT_SLA_CONFIG, severity, tier, at(start));
    const target = DEFAULT_SLA_CONFIG.targets[severity][tier ?? 'none'];
    const clock = startClock(at(start), { ...rule(target.resolutionMinutes, target.clock) });
    expect(clock.dueAt).toBe(due.resolutionDueAt.toISOString());
    expect(clock.warnAt).toBe(warningAt(at(start), due.resolutionDueAt, due.calendar).toISOString());
    expect(clock).toMatchObject({ warned: false, breached: false, targetMinutes: target.resolutionMinutes, clock: target.clock });
  });

  test('property: same due and warning instants as dueAt / warningAt, for any start, target and share', () => {
    fc.assert(
      fc.property(
        fc.date({ min: at('2025-01-01T00:00Z'), max: at('2027-01-01T00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 10 * 24 * 60 }),
        fc.constantFrom<ClockRule['clock']>('24x7', 'business-hours'),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        (start, minutes, kind, share) => {
          const r = { ...rule(minutes, kind), warningShare: share };
          const calendar = kind === '24x7' ? ALWAYS_OPEN : office;
          const clock = startClock(start, r);
          expect(clock.dueAt).toBe(dueAt(start, minutes, calendar).toISOString());
          expect(clock.warnAt).toBe(warningAt(start, new Date(clock.dueAt), calendar, share).toISOString());
          expect(instantReaching(clock, minutes * MIN, calendar, kind)!.toISOString()).toBe(clock.dueAt);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('pause and resume on a 24×7 clock', () => {
  test('the due instant moves out by exactly the paused time', () => {
    const clock = new TestClock(Date.parse('2026-11-20T10:00:00Z'));
    let c = startClock(clock.now(), rule(60));
    expect(c.dueAt).toBe('2026-11-20T11:00:00.000Z');
    c = pauseClock(c, clock.advance(20 * MIN), 'requester');
    expect(isPaused(c)).toBe(true);
    expect(c.pauseReason).toBe('requester');
    expect(clockStateAt(c, clock.advance(3 * H), rule(60))).toBe('paused');
    expect(elapsedWorkingMs(c, clock.now(), ALWAYS_OPEN, '24x7')).toBe(20 * MIN);
    c = resumeClock(c, clock.now(), rule(60));
    expect(isPaused(c)).toBe(false);
    expect(c.pauses).toEqual([{ from: '2026-11-20T10:20:00.000Z', to: '2026-11-20T13:20:00.000Z' }]);
    expect(c.dueAt).toBe('2026-11-20T14:00:00.000Z');
    expect(c.warnAt).toBe('2026-11-20T13:45:00.000Z');
    expect(remainingWorkingMs(c, clock.now(), rule(60))).toBe(40 * MIN);
    expect(clockStateAt(c, clock.set('2026-11-20T13:50:00Z'), rule(60))).toBe('warning');
    expect(clockStateAt(c, clock.set('2026-11-20T14:00:00Z'), rule(60))).toBe('breached');
  });

  test('several pauses add up', () => {
    const clock = new TestClock(Date.parse('2026-11-20T10:00:00Z'));
    let c = startClock(clock.now(), rule(120));
    for (const [run, paused] of [
      [10, 30],
      [15, 45],
      [5, 60],
    ]) {
      c = pauseClock(c, clock.advance(run * MIN), 'vendor');
      c = resumeClock(c, clock.advance(paused * MIN), rule(120));
    }
    expect(c.pauses).toHaveLength(3);
    // 30 minutes ran, 135 were paused: due 120 + 135 minutes after the start.
    expect(c.dueAt).toBe('2026-11-20T14:15:00.000Z');
    expect(elapsedWorkingMs(c, clock.now(), ALWAYS_OPEN, '24x7')).toBe(30 * MIN);
  });

  test('pausing twice keeps the first pause and its reason; resuming a running clock changes nothing', () => {
    const start = at('2026-11-20T10:00:00Z');
    const c = pauseClock(startClock(start, rule(60)), at('2026-11-20T10:10:00Z'), 'vendor');
    expect(pauseClock(c, at('2026-11-20T10:30:00Z'), 'requester')).toBe(c);
    const running = startClock(start, rule(60));
    expect(resumeClock(running, at('2026-11-20T10:30:00Z'), rule(60))).toBe(running);
  });

  test('a met clock does not pause, and a pause before the start counts from the start', () => {
    const met: SlaClock = { ...startClock(at('2026-11-20T10:00:00Z'), rule(60)), metAt: '2026-11-20T10:05:00.000Z' };
    expect(pauseClock(met, at('2026-11-20T10:10:00Z'), 'requester')).toBe(met);
    const early = pauseClock(startClock(at('2026-11-20T10:00:00Z'), rule(60)), at('2026-11-20T09:00:00Z'), 'requester');
    expect(early.pausedSince).toBe('2026-11-20T10:00:00.000Z');
  });

  test('breached before the pause: still breached after it, the due instant stays where it was', () => {
    const clock = new TestClock(Date.parse('2026-11-20T10:00:00Z'));
    let c = startClock(clock.now(), rule(60));
    c = { ...c, warned: true, breached: true };
    c = pauseClock(c, clock.advance(90 * MIN), 'requester');
    expect(clockStateAt(c, clock.now(), rule(60))).toBe('breached');
    c = resumeClock(c, clock.advance(60 * MIN), rule(60));
    expect(c.dueAt).toBe('2026-11-20T11:00:00.000Z');
    expect(c).toMatchObject({ warned: true, breached: true });
  });
});

describe('business hours: paused time counts only where it was working time', () => {
  test('paused from Friday 16:00 to Monday 10:00 moves the due instant by two working hours', () => {
    const clock = new TestClock(Date.parse('2025-01-09T13:00:00Z')); // Thursday
    let c = startClock(clock.now(), rule(8 * 60, 'business-hours'));
    expect(c.dueAt).toBe('2025-01-10T13:00:00.000Z'); // Friday 13:00
    c = pauseClock(c, clock.set('2025-01-10T12:00:00Z'), 'requester'); // 7 h ran
    c = resumeClock(c, clock.set('2025-01-13T10:00:00Z'), rule(8 * 60, 'business-hours'));
    // Paused 12:00–17:00 Friday (5 h) and 09:00–10:00 Monday (1 h); one working hour is left.
    expect(elapsedWorkingMs(c, clock.now(), office, 'business-hours')).toBe(7 * H);
    expect(c.dueAt).toBe('2025-01-13T11:00:00.000Z');
  });

  test('a pause entirely outside business hours changes nothing', () => {
    let c = startClock(at('2025-01-10T15:00:00Z'), rule(4 * 60, 'business-hours'));
    const before = c.dueAt;
    c = pauseClock(c, at('2025-01-10T18:00:00Z'), 'vendor');
    c = resumeClock(c, at('2025-01-13T08:00:00Z'), rule(4 * 60, 'business-hours'));
    expect(c.dueAt).toBe(before);
  });
});

describe('a new target (severity change), recomputed from the original start minus paused time', () => {
  test('mid-pause: the instants wait for the resume, which uses the new target', () => {
    const clock = new TestClock(Date.parse('2026-11-20T10:00:00Z'));
    let c = startClock(clock.now(), rule(240));
    c = pauseClock(c, clock.advance(60 * MIN), 'requester');
    c = withRule(c, rule(120), clock.advance(30 * MIN)); // Sev B → A while waiting
    expect(c.targetMinutes).toBe(120);
    expect(clockStateAt(c, clock.now(), rule(120))).toBe('paused');
    c = resumeClock(c, clock.advance(30 * MIN), rule(120));
    // 60 minutes ran before the pause, 60 were paused: 60 more from now.
    expect(c.dueAt).toBe('2026-11-20T13:00:00.000Z');
  });

  test('mid-pause, the new target was already reached before the pause: breached now, due in the past', () => {
    const clock = new TestClock(Date.parse('2026-11-20T10:00:00Z'));
    let c = startClock(clock.now(), rule(240));
    c = pauseClock(c, clock.advance(90 * MIN), 'vendor');
    c = withRule(c, rule(60), clock.advance(10 * MIN));
    expect(c.dueAt).toBe('2026-11-20T11:00:00.000Z');
    expect(clockStateAt(c, clock.now(), rule(60))).toBe('breached');
    expect(c.breached).toBe(false); // the scheduler has not said so yet: it will, once the clock runs
  });

  test('after a breach: a longer target un-breaches (the scheduler breaches again later); a shorter one stays breached', () => {
    const clock = new TestClock(Date.parse('2026-11-20T10:00:00Z'));
    const c: SlaClock = { ...startClock(clock.now(), rule(60)), warned: true, breached: true };
    clock.advance(90 * MIN);
    const longer = withRule(c, rule(480), clock.now());
    expect(longer).toMatchObject({ warned: false, breached: false, dueAt: '2026-11-20T18:00:00.000Z', warnAt: '2026-11-20T16:00:00.000Z' });
    const shorter = withRule(c, rule(30), clock.now());
    expect(shorter).toMatchObject({ warned: true, breached: true, dueAt: '2026-11-20T10:30:00.000Z' });
    const warnedOnly = withRule(c, rule(100), clock.now());
    expect(warnedOnly).toMatchObject({ warned: true, breached: false, dueAt: '2026-11-20T11:40:00.000Z' });
  });

  test('24×7 to business hours: the same pauses, measured on the new calendar', () => {
    let c = startClock(at('2025-01-10T15:00:00Z'), rule(4 * 60));
    c = pauseClock(c, at('2025-01-10T16:00:00Z'), 'requester');
    c = resumeClock(c, at('2025-01-13T09:30:00Z'), rule(4 * 60));
    const business = withRule(c, rule(4 * 60, 'business-hours'), at('2025-01-13T09:30:00Z'));
    // Ran Fri 15–16 (1 h); paused Fri 16–17 and Mon 09:00–09:30; 3 h left from 09:30.
    expect(business.dueAt).toBe('2025-01-13T12:30:00.000Z');
    expect(business.clock).toBe('business-hours');
  });
});

describe('clock states', () => {
  test('met wins over everything', () => {
    const c: SlaClock = { ...startClock(at('2026-11-20T10:00:00Z'), rule(60)), metAt: '2026-11-20T10:01:00.000Z' };
    expect(clockStateAt(c, at('2026-11-21T10:00:00Z'), rule(60))).toBe('met');
  });

  test.each([
    ['2026-11-20T10:00:00Z', 'on-track'],
    ['2026-11-20T10:44:59Z', 'on-track'],
    ['2026-11-20T10:45:00Z', 'warning'],
    ['2026-11-20T11:00:00Z', 'breached'],
  ])('at %s: %s', (now, state) => {
    expect(clockStateAt(startClock(at('2026-11-20T10:00:00Z'), rule(60)), at(now), rule(60))).toBe(state);
  });
});

// ---- properties -------------------------------------------------------------------------------

interface Story {
  readonly start: Date;
  readonly minutes: number;
  readonly kind: ClockRule['clock'];
  /** Alternating run and pause lengths, in minutes. */
  readonly steps: readonly (readonly [number, number])[];
  readonly openPause: boolean;
}

const story = fc.record({
  start: fc.date({ min: at('2025-01-01T00:00Z'), max: at('2026-12-01T00:00Z'), noInvalidDate: true }),
  minutes: fc.integer({ min: 1, max: 5 * 24 * 60 }),
  kind: fc.constantFrom<ClockRule['clock']>('24x7', 'business-hours'),
  // Short stories, and long ones that fold their oldest pauses away.
  steps: fc.oneof(
    fc.array(fc.tuple(fc.integer({ min: 0, max: 3 * 24 * 60 }), fc.integer({ min: 0, max: 3 * 24 * 60 })), { maxLength: 6 }),
    fc.array(fc.tuple(fc.integer({ min: 0, max: 6 * 60 }), fc.integer({ min: 0, max: 6 * 60 })), {
      minLength: MAX_SLA_PAUSES + 1,
      maxLength: MAX_SLA_PAUSES + 8,
    }),
  ),
  openPause: fc.boolean(),
});

function play(s: Story): { clock: SlaClock; pauses: Array<[number, number]>; now: Date } {
  const r = rule(s.minutes, s.kind);
  let t = s.start.getTime();
  let c = startClock(s.start, r);
  const pauses: Array<[number, number]> = [];
  for (const [run, paused] of s.steps) {
    t += run * MIN;
    c = pauseClock(c, new Date(t), 'requester');
    const from = t;
    t += paused * MIN;
    c = resumeClock(c, new Date(t), r);
    pauses.push([from, t]);
  }
  if (s.openPause) {
    t += 7 * MIN;
    c = pauseClock(c, new Date(t), 'vendor');
    pauses.push([t, Number.POSITIVE_INFINITY]);
    t += 11 * MIN;
  }
  return { clock: c, pauses, now: new Date(t) };
}

const calendarOf = (kind: ClockRule['clock']): SlaCalendar => (kind === '24x7' ? ALWAYS_OPEN : office);

describe('properties', () => {
  test('paused time never counts: elapsed = working time − paused working time, however the pauses fall', () => {
    fc.assert(
      fc.property(story, (s) => {
        const { clock, pauses, now } = play(s);
        const cal = calendarOf(s.kind);
        const paused = pauses.reduce(
          (sum, [from, to]) => sum + workingMillisBetween(new Date(from), new Date(Math.min(to, now.getTime())), cal),
          0,
        );
        const expected = workingMillisBetween(s.start, now, cal) - paused;
        expect(elapsedWorkingMs(clock, now, cal, s.kind)).toBe(expected);
        expect(clock.pauses?.length ?? 0).toBeLessThanOrEqual(MAX_SLA_PAUSES);
      }),
      { numRuns: 150 },
    );
  });

  test('the due instant is where running time reaches the target, whenever it lies after the folded pauses', () => {
    fc.assert(
      fc.property(story, (s) => {
        const { clock, now } = play(s);
        const cal = calendarOf(s.kind);
        if (isPaused(clock)) return;
        const due = new Date(clock.dueAt);
        if (clock.folded && due.getTime() <= Date.parse(clock.folded.until)) {
          // Before the folded pauses, only an upper bound is kept: the clock is breached by then anyway.
          expect(elapsedWorkingMs(clock, now, cal, s.kind)).toBeGreaterThanOrEqual(s.minutes * MIN);
          return;
        }
        expect(elapsedWorkingMs(clock, due, cal, s.kind)).toBe(s.minutes * MIN);
        // Just before the due instant, the target was not reached yet.
        expect(elapsedWorkingMs(clock, new Date(due.getTime() - 1), cal, s.kind)).toBeLessThan(s.minutes * MIN);
      }),
      { numRuns: 150 },
    );
  });

  test('elapsed time never goes backwards, and stands still while paused', () => {
    fc.assert(
      fc.property(story, fc.array(fc.integer({ min: 0, max: 20 * 24 * 60 }), { minLength: 2, maxLength: 6 }), (s, offsets) => {
        const { clock } = play(s);
        const cal = calendarOf(s.kind);
        const instants = offsets.map((m) => new Date(s.start.getTime() + m * MIN)).sort((a, b) => a.getTime() - b.getTime());
        const values = instants.map((t) => elapsedWorkingMs(clock, t, cal, s.kind));
        for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThanOrEqual(values[i - 1]);
        if (clock.pausedSince !== undefined) {
          const since = new Date(clock.pausedSince);
          expect(elapsedWorkingMs(clock, new Date(since.getTime() + 3 * H), cal, s.kind)).toBe(elapsedWorkingMs(clock, since, cal, s.kind));
        }
      }),
      { numRuns: 150 },
    );
  });

  test('a severity change and back gives the clock it started as (flags aside)', () => {
    fc.assert(
      fc.property(story, fc.integer({ min: 1, max: 5 * 24 * 60 }), (s, other) => {
        const { clock, now } = play({ ...s, openPause: false });
        const there = withRule(clock, rule(other, s.kind), now);
        const back = withRule(there, rule(s.minutes, s.kind), now);
        expect({ ...back, warned: false, breached: false }).toEqual({ ...clock, warned: false, breached: false });
      }),
      { numRuns: 100 },
    );
  });
});
