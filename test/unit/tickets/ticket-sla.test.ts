import fc from 'fast-check';
import { ticketEvent } from '../../../src/domain/history';
import { TICKET_STATUSES, type TicketStatus } from '../../../src/domain/ticket-status';
import { changeSeverity, SEVERITY_REASON_MAX } from '../../../src/domain/tickets/change-severity';
import type { Ticket } from '../../../src/domain/tickets/ticket';
import { settleChange } from '../../../src/domain/tickets/ticket-change';
import { clockRuleOf, pauseReasonOf, retargetSla } from '../../../src/domain/tickets/ticket-sla';
import { CONFIG, FIN, HD, later, MIN, NOW, ticketFor } from '../escalation/escalation-fixtures';

/** A controllable clock: time moves only when the test says so. */
class TestClock {
  private t = NOW.getTime();
  now = () => new Date(this.t);
  at = (minutes: number) => {
    this.t = NOW.getTime() + minutes * MIN;
    return this.now();
  };
}

function must<T extends { ok: boolean }>(d: T): Extract<T, { ok: true }> {
  if (!d.ok) throw new Error(`refused: ${(d as unknown as { reason: string }).reason}`);
  return d as Extract<T, { ok: true }>;
}

const to = (ticket: Ticket, status: TicketStatus, at: Date) => settleChange(ticket, { ...ticket, status }, [], at, CONFIG, HD.actor);
const change = (ticket: Ticket, severity: 'A' | 'B' | 'C', at: Date, reason: unknown = 'The whole finance team is blocked') =>
  changeSeverity(ticket, severity, reason, HD.standing, HD.actor, at, CONFIG);

describe('which waits pause the clocks', () => {
  test.each(TICKET_STATUSES.map((s) => [s]))('%s', (status) => {
    const expected = { 'waiting-on-requester': 'requester', 'waiting-on-vendor': 'vendor', 'waiting-on-maker': 'maker' }[status as string];
    expect(pauseReasonOf(status)).toBe(expected);
  });
});

describe('settling a change', () => {
  test('version and time move on; a pause and a resume are recorded with who caused them', () => {
    const clock = new TestClock();
    const ticket = ticketFor({ tier: null });
    const paused = to(ticket, 'waiting-on-vendor', clock.at(10));
    expect(paused.next).toMatchObject({ version: 2, updatedAt: later(10).toISOString() });
    expect(paused.events).toEqual([{ type: 'sla-paused', actor: HD.actor, at: later(10).toISOString(), reason: 'vendor' }]);
    // From one wait to another: still one pause, its first reason.
    const still = to(paused.next, 'waiting-on-requester', clock.at(20));
    expect(still.events).toEqual([]);
    expect(still.next.sla.resolution).toMatchObject({ pausedSince: later(10).toISOString(), pauseReason: 'vendor' });
    const resumed = to(still.next, 'in-progress', clock.at(40));
    expect(resumed.events).toEqual([{ type: 'sla-resumed', actor: HD.actor, at: later(40).toISOString(), reason: 'vendor' }]);
    expect(resumed.next.sla['first-response'].pauses).toEqual([{ from: later(10).toISOString(), to: later(40).toISOString() }]);
    // Sev C, no solution: Tuesday 10:00, plus the 30 paused business minutes.
    expect(resumed.next.sla['first-response'].dueAt).toBe('2026-11-24T10:30:00.000Z');
  });

  test('resolving from a wait ends the pause silently and stops the resolution clock; reopening runs it again', () => {
    const paused = to(ticketFor(), 'waiting-on-requester', later(10)).next;
    const resolved = settleChange(
      paused,
      { ...paused, status: 'resolved' },
      [ticketEvent('resolved', HD.actor, later(30), { resolution: 'r' })],
      later(30),
      CONFIG,
      HD.actor,
    );
    expect(resolved.events.map((e) => e.type)).toEqual(['resolved']);
    expect(resolved.next.sla.resolution).toMatchObject({
      metAt: later(30).toISOString(),
      pauses: [{ from: later(10).toISOString(), to: later(30).toISOString() }],
    });
    expect(resolved.next.sla.resolution.pausedSince).toBeUndefined();
    // The resolution is also the first response.
    expect(resolved.next.sla['first-response'].metAt).toBe(later(30).toISOString());
    const reopened = to(resolved.next, 'reopened', later(50));
    expect(reopened.next.sla.resolution.metAt).toBeUndefined();
    expect(reopened.next.sla['first-response'].metAt).toBe(later(30).toISOString());
  });

  test('withdrawing while waiting closes the pause without a resume event', () => {
    const paused = to(ticketFor(), 'waiting-on-requester', later(10)).next;
    expect(to(paused, 'closed', later(20)).events).toEqual([]);
  });

  test('the first qualifying event stops the first-response clock, and only the first', () => {
    const reply = (m: number) => ticketEvent('replied-to-requester', HD.actor, later(m), { text: 'hi' });
    const once = settleChange(ticketFor(), ticketFor(), [reply(5)], later(5), CONFIG, HD.actor).next;
    expect(once.sla['first-response'].metAt).toBe(later(5).toISOString());
    const twice = settleChange(once, once, [reply(9)], later(9), CONFIG, HD.actor).next;
    expect(twice.sla['first-response'].metAt).toBe(later(5).toISOString());
    const assigned = settleChange(
      ticketFor(),
      ticketFor(),
      [ticketEvent('assigned', HD.actor, later(5), { assignee: HD.person })],
      later(5),
      CONFIG,
      HD.actor,
    ).next;
    expect(assigned.sla['first-response'].metAt).toBeUndefined();
  });

  test('a clock stored before targets were recorded runs to the configuration’s target for its queue', () => {
    const ticket = ticketFor();
    const { targetMinutes, clock, ...old } = ticket.sla.resolution;
    void [targetMinutes, clock];
    expect(clockRuleOf({ ...ticket, sla: { ...ticket.sla, resolution: old } }, 'resolution', CONFIG)).toMatchObject({
      minutes: 2400,
      clock: 'business-hours',
    });
    expect(
      clockRuleOf({ ...ticket, queue: 'dedicated-team', sla: { ...ticket.sla, resolution: old } }, 'resolution', CONFIG),
    ).toMatchObject({ minutes: 240, clock: '24x7' });
    expect(clockRuleOf(ticket, 'resolution', CONFIG)).toMatchObject({ minutes: 2400, clock: 'business-hours' });
  });

  test('retargeting for the holding queue recomputes both clocks from the original start', () => {
    const moved = retargetSla({ ...ticketFor(), queue: 'dedicated-team' }, CONFIG, later(5));
    expect(moved.sla['first-response']).toMatchObject({
      startedAt: NOW.toISOString(),
      dueAt: '2026-11-23T10:30:00.000Z',
      targetMinutes: 30,
    });
    expect(moved.sla.resolution).toMatchObject({ dueAt: '2026-11-23T14:00:00.000Z', targetMinutes: 240 });
  });
});

describe('changing the severity', () => {
  test('with a reason: both targets recomputed from the start, the change in history, the version moved on', () => {
    const ticket = ticketFor({ tier: null });
    const at = later(20);
    const { next, events } = must(change(ticket, 'A', at, '  Whole team blocked  '));
    expect(next).toMatchObject({ severity: 'A', version: 2, updatedAt: at.toISOString() });
    expect(events).toEqual([
      { type: 'severity-changed', actor: HD.actor, at: at.toISOString(), from: 'C', to: 'A', reason: 'Whole team blocked' },
    ]);
    // Sev A, no solution: 1 h / 16 h, 24×7, from 10:00.
    expect(next.sla['first-response']).toMatchObject({
      dueAt: '2026-11-23T11:00:00.000Z',
      warnAt: '2026-11-23T10:45:00.000Z',
      targetMinutes: 60,
      clock: '24x7',
    });
    expect(next.sla.resolution).toMatchObject({ dueAt: '2026-11-24T02:00:00.000Z', targetMinutes: 960, clock: '24x7' });
  });

  test('while paused: the new target applies, and the pause still does not count when it resumes', () => {
    const clock = new TestClock();
    const paused = to(ticketFor({ tier: null }), 'waiting-on-requester', clock.at(10)).next;
    const raised = must(change(paused, 'A', clock.at(30))).next;
    expect(raised.sla['first-response']).toMatchObject({ targetMinutes: 60, pausedSince: later(10).toISOString() });
    const resumed = to(raised, 'in-progress', clock.at(70)).next;
    expect(resumed.sla['first-response'].dueAt).toBe('2026-11-23T12:00:00.000Z'); // 10:00 + 1 h + 1 h paused
    expect(resumed.sla.resolution.dueAt).toBe('2026-11-24T03:00:00.000Z');
  });

  test('lowering the severity of a breached ticket lifts the breach when the new target is still ahead; raising it keeps nothing it did not have', () => {
    const a = ticketFor({ severity: 'A', tier: null });
    const breached = { ...a, sla: { ...a.sla, 'first-response': { ...a.sla['first-response'], warned: true, breached: true } } };
    const lowered = must(change(breached, 'C', later(90))).next;
    expect(lowered.sla['first-response']).toMatchObject({ warned: false, breached: false, dueAt: '2026-11-24T10:00:00.000Z' });
    const stillLate = must(change(breached, 'B', later(300))).next; // 5 h in: past B's 4 h as well
    expect(stillLate.sla['first-response']).toMatchObject({ warned: true, breached: true });
  });

  test('a met clock stays met', () => {
    const ticket = ticketFor();
    const met = { ...ticket, sla: { ...ticket.sla, 'first-response': { ...ticket.sla['first-response'], metAt: later(5).toISOString() } } };
    expect(must(change(met, 'A', later(10))).next.sla['first-response'].metAt).toBe(later(5).toISOString());
  });

  test('refusals, as codes', () => {
    const ticket = ticketFor();
    expect(changeSeverity(ticket, 'A', 'r', FIN.standing, FIN.actor, NOW, CONFIG)).toEqual({ ok: false, reason: 'not-permitted' });
    expect(change({ ...ticket, status: 'closed' }, 'A', NOW)).toEqual({ ok: false, reason: 'ticket-closed' });
    expect(change(ticket, 'C', NOW)).toEqual({ ok: false, reason: 'same-severity' });
    expect(change(ticket, 'A', NOW, ' ')).toEqual({ ok: false, reason: 'reason-missing' });
    expect(change(ticket, 'A', NOW, null)).toEqual({ ok: false, reason: 'reason-missing' });
    expect(change(ticket, 'A', NOW, '가'.repeat(SEVERITY_REASON_MAX + 1))).toEqual({ ok: false, reason: 'reason-too-long' });
    expect(change({ ...ticket, status: 'resolved' }, 'A', NOW).ok).toBe(true);
  });

  test('property: paused time never counts, whenever the severity changes and whenever the wait ends', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 600 }),
        fc.integer({ min: 0, max: 600 }),
        (pauseAt, changeAfter, waited) => {
          const paused = to(ticketFor({ tier: null }), 'waiting-on-vendor', later(pauseAt)).next;
          const changeAt = pauseAt + Math.min(changeAfter, waited);
          const raised = must(change(paused, 'A', later(changeAt))).next;
          const resumed = to(raised, 'in-progress', later(pauseAt + waited)).next;
          expect(Date.parse(resumed.sla['first-response'].dueAt)).toBe(NOW.getTime() + (60 + waited) * MIN);
          expect(Date.parse(resumed.sla.resolution.dueAt)).toBe(NOW.getTime() + (960 + waited) * MIN);
        },
      ),
      { numRuns: 150 },
    );
  });
});
