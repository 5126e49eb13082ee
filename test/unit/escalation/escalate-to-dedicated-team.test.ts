import fc from 'fast-check';
import {
  contactFor,
  escalateToDedicatedTeam,
  mayStartEscalation,
  type EscalationInput,
} from '../../../src/domain/escalation/escalate-to-dedicated-team';
import { ESCALATION_TRIGGERS, type EscalationTrigger } from '../../../src/domain/escalation/escalation-trigger';
import { HAND_OFF_TEXT_LIMITS, MAX_HAND_OFFS } from '../../../src/domain/escalation/hand-off';
import { returnToHelpDesk } from '../../../src/domain/escalation/return-to-help-desk';
import { isOpenStatus, TICKET_STATUSES, type TicketStatus } from '../../../src/domain/ticket-status';
import { isEscalated } from '../../../src/domain/tickets/ticket-queue';
import { pauseClock } from '../../../src/domain/sla-clock';
import {
  acceptedTicket,
  asUser,
  CO_OWNER,
  CONFIG,
  DT1,
  escalatedTicket,
  FIN,
  HD,
  later,
  MAKER,
  MAKER_SIDE,
  NOW,
  REQUESTER,
  SYSTEM,
  ticketFor,
} from './escalation-fixtures';

const byAgent = (summary: unknown = 'The approval flow fails for every invoice', tried?: unknown): EscalationInput => ({
  trigger: 'agent',
  by: HD.actor,
  standing: HD.standing,
  summary,
  ...(tried !== undefined ? { tried } : {}),
});

describe('the help desk escalates a ticket to the dedicated team', () => {
  test('the ticket moves to their queue, waits for an accept, keeps the hand-off and runs on their targets from its start', () => {
    const assigned = { ...ticketFor(), assignee: HD.person, status: 'in-progress' as const };
    const at = later(5);
    const change = escalateToDedicatedTeam(
      assigned,
      byAgent('  Flow fails on approval  ', 'Re-ran the flow; checked the connection'),
      at,
      CONFIG,
    );
    if (!change.ok) throw new Error(change.reason);
    const { next, events } = change;
    expect(next).toMatchObject({
      status: 'escalated',
      queue: 'dedicated-team',
      escalatedTo: 'dedicated-team',
      version: 2,
      updatedAt: at.toISOString(),
    });
    expect(next.assignee).toBeUndefined();
    expect(next.handOffs).toEqual([
      {
        at: at.toISOString(),
        trigger: 'agent',
        by: HD.actor,
        fromQueue: 'help-desk',
        summary: 'Flow fails on approval',
        tried: 'Re-ran the flow; checked the connection',
        contact: 'requester',
        previousAssignee: HD.person,
      },
    ]);
    expect(events).toEqual([
      {
        type: 'escalated',
        actor: HD.actor,
        at: at.toISOString(),
        target: 'dedicated-team',
        trigger: 'agent',
        fromQueue: 'help-desk',
        statusChange: { from: 'in-progress', to: 'escalated' },
      },
    ]);
    // The dedicated team's Sev C × Critical target (30 min / 4 h, 24×7), from the ticket's start at 10:00.
    expect(next.sla['first-response']).toMatchObject({
      startedAt: NOW.toISOString(),
      dueAt: '2026-11-23T10:30:00.000Z',
      warnAt: '2026-11-23T10:22:30.000Z',
      targetMinutes: 30,
      clock: '24x7',
    });
    expect(next.sla.resolution).toMatchObject({
      dueAt: '2026-11-23T14:00:00.000Z',
      warnAt: '2026-11-23T13:00:00.000Z',
      targetMinutes: 240,
      clock: '24x7',
    });
    expect(isEscalated(next)).toBe(true);
    // An escalation is not a response to the requester.
    expect(next.sla['first-response'].metAt).toBeUndefined();
  });

  test('a business unit queue is recorded as where the ticket came from', () => {
    const ticket = ticketFor({ queue: 'help-desk:finance' });
    const change = escalateToDedicatedTeam(ticket, { trigger: 'agent', by: FIN.actor, standing: FIN.standing, summary: 'x' }, NOW, CONFIG);
    if (!change.ok) throw new Error(change.reason);
    expect(change.next.handOffs?.[0].fromQueue).toBe('help-desk:finance');
    expect(change.events[0]).toMatchObject({ fromQueue: 'help-desk:finance' });
  });

  test.each([
    ['missing summary', undefined, undefined, 'summary-missing'],
    ['blank summary', '  \n ', undefined, 'summary-missing'],
    ['summary that is not text', { text: 'x' }, undefined, 'summary-missing'],
    ['summary over the limit', '가'.repeat(HAND_OFF_TEXT_LIMITS.summary + 1), undefined, 'summary-too-long'],
    ['tried over the limit', 'ok', '🙂'.repeat(HAND_OFF_TEXT_LIMITS.tried), 'tried-too-long'],
  ])('refuses %s', (_what, summary, tried, reason) => {
    const input: EscalationInput = { trigger: 'agent', by: HD.actor, standing: HD.standing, summary, tried };
    expect(escalateToDedicatedTeam(ticketFor(), input, NOW, CONFIG)).toEqual({ ok: false, reason });
  });

  test('text at its limit in Korean is kept whole', () => {
    const summary = '가'.repeat(HAND_OFF_TEXT_LIMITS.summary);
    const change = escalateToDedicatedTeam(ticketFor(), byAgent(summary), NOW, CONFIG);
    expect(change.ok && change.next.handOffs?.[0].summary).toBe(summary);
  });

  test('refuses a ticket the dedicated team already holds, and closed or resolved tickets', () => {
    expect(escalateToDedicatedTeam(escalatedTicket(), byAgent(), NOW, CONFIG)).toEqual({ ok: false, reason: 'already-escalated' });
    for (const status of ['resolved', 'closed'] as const) {
      expect(escalateToDedicatedTeam({ ...ticketFor(), status }, byAgent(), NOW, CONFIG)).toEqual({ ok: false, reason: 'not-open' });
    }
  });

  test('escalating while waiting on the requester resumes the clocks, the pause not counting', () => {
    const ticket = ticketFor({ tier: null }); // no solution: general targets in both queues
    const waiting = {
      ...ticket,
      status: 'waiting-on-requester' as const,
      sla: {
        'first-response': pauseClock(ticket.sla['first-response'], later(10), 'requester'),
        resolution: pauseClock(ticket.sla.resolution, later(10), 'requester'),
      },
    };
    const change = escalateToDedicatedTeam(waiting, { trigger: 'sla-breach', by: SYSTEM }, later(70), CONFIG);
    if (!change.ok) throw new Error(change.reason);
    expect(change.events.map((e) => e.type)).toEqual(['escalated', 'sla-resumed']);
    expect(change.events[1]).toMatchObject({ reason: 'requester', actor: SYSTEM });
    // Sev C, no solution: 8 business hours from Monday 10:00 is Tuesday 10:00; an hour paused moves it to 11:00.
    expect(ticket.sla['first-response'].dueAt).toBe('2026-11-24T10:00:00.000Z');
    expect(change.next.sla['first-response']).toMatchObject({
      dueAt: '2026-11-24T11:00:00.000Z',
      pauses: [{ from: later(10).toISOString(), to: later(70).toISOString() }],
    });
    expect(change.next.sla['first-response'].pausedSince).toBeUndefined();
  });

  test('after a Return the help desk can escalate again: a second hand-off, the newest kept', () => {
    let ticket = acceptedTicket();
    for (let i = 1; i <= MAX_HAND_OFFS + 1; i++) {
      const back = returnToHelpDesk(ticket, `back ${i}`, DT1.standing, DT1.actor, later(i * 10), CONFIG);
      if (!back.ok) throw new Error(back.reason);
      const again = escalateToDedicatedTeam(back.next, { ...byAgent(`again ${i}`) }, later(i * 10 + 1), CONFIG);
      if (!again.ok) throw new Error(again.reason);
      ticket = again.next;
    }
    expect(ticket.handOffs?.map((h) => h.summary)).toEqual(['again 2', 'again 3', 'again 4']);
    expect(ticket.handOffs).toHaveLength(MAX_HAND_OFFS);
    expect(ticket.status).toBe('escalated');
  });
});

describe('who may start each path in', () => {
  const ticket = ticketFor({ queue: 'help-desk:finance' });
  const requesterActor = asUser(REQUESTER, 'requester');
  const coOwnerActor = asUser(CO_OWNER, 'co-owner');
  const cases: [string, EscalationTrigger, EscalationInput['by'], EscalationInput['standing'], boolean][] = [
    ['a member of the holding queue', 'agent', FIN.actor, FIN.standing, true],
    ['a member of another help desk queue', 'agent', HD.actor, HD.standing, false],
    ['a dedicated team member', 'agent', DT1.actor, DT1.standing, false],
    ['an agent whose standing is someone else’s', 'agent', HD.actor, FIN.standing, false],
    ['an agent with no standing', 'agent', FIN.actor, undefined, false],
    ['the system, as an agent', 'agent', SYSTEM, undefined, false],
    ['the maker, stuck', 'maker-stuck', MAKER_SIDE.actor, MAKER_SIDE.standing, true],
    ['the maker, id in upper case', 'maker-stuck', { ...MAKER_SIDE.actor, aadObjectId: MAKER.aadObjectId.toUpperCase() }, undefined, true],
    ['a co-owner, stuck (their ping has "I\'m stuck" too)', 'maker-stuck', coOwnerActor, undefined, true],
    ['the requester, stuck', 'maker-stuck', requesterActor, undefined, false],
    ['the maker asking for formal support', 'graduation-request', MAKER_SIDE.actor, undefined, true],
    ['a co-owner asking for formal support', 'graduation-request', coOwnerActor, undefined, true],
    ['the requester asking for formal support', 'graduation-request', requesterActor, undefined, false],
    ['the system on a Sev A Critical', 'sev-a-critical', SYSTEM, undefined, true],
    ['an agent claiming Sev A Critical', 'sev-a-critical', FIN.actor, FIN.standing, false],
    ['the system on a breach', 'sla-breach', SYSTEM, undefined, true],
    ['a person claiming a breach', 'sla-breach', FIN.actor, FIN.standing, false],
    ['the system on platform down', 'platform-down', SYSTEM, undefined, true],
    ['the maker claiming platform down', 'platform-down', MAKER_SIDE.actor, undefined, false],
  ];
  test.each(cases)('%s', (_who, trigger, by, standing, allowed) => {
    expect(mayStartEscalation(ticket, { trigger, by, standing })).toBe(allowed);
    const decision = escalateToDedicatedTeam(ticket, { trigger, by, standing, summary: 'why' }, NOW, CONFIG);
    expect(decision.ok ? 'ok' : decision.reason).toBe(allowed ? 'ok' : 'not-permitted');
  });

  test('a ticket with no solution has no maker to be stuck', () => {
    expect(mayStartEscalation(ticketFor({ tier: null }), { trigger: 'maker-stuck', by: MAKER_SIDE.actor })).toBe(false);
  });

  test.each([
    ['agent', 'requester'],
    ['sev-a-critical', 'requester'],
    ['sla-breach', 'requester'],
    ['platform-down', 'requester'],
    ['maker-stuck', 'maker'],
    ['graduation-request', 'maker'],
  ] as const)('the contact for %s is the %s', (trigger, contact) => {
    expect(contactFor(trigger)).toBe(contact);
  });

  test('every trigger is covered above', () => {
    expect(new Set(cases.map((c) => c[1]))).toEqual(new Set(ESCALATION_TRIGGERS));
  });
});

describe('properties', () => {
  const helpDeskStatuses = TICKET_STATUSES.filter((s) => s !== 'escalated');
  test('from any open status a system escalation lands in their queue, waiting; from a closed one it is refused with a code', () => {
    fc.assert(
      fc.property(fc.constantFrom<TicketStatus>(...helpDeskStatuses), fc.integer({ min: 0, max: 10_000 }), (status, minutes) => {
        const at = later(minutes);
        const decision = escalateToDedicatedTeam({ ...ticketFor(), status }, { trigger: 'sev-a-critical', by: SYSTEM }, at, CONFIG);
        if (!isOpenStatus(status)) {
          expect(decision).toEqual({ ok: false, reason: 'not-open' });
          return;
        }
        if (!decision.ok) throw new Error(decision.reason);
        expect(decision.next).toMatchObject({ status: 'escalated', queue: 'dedicated-team', version: 2, updatedAt: at.toISOString() });
        expect(decision.events[0]).toMatchObject({
          type: 'escalated',
          trigger: 'sev-a-critical',
          ...(status === 'escalated' ? {} : { statusChange: { from: status, to: 'escalated' } }),
        });
        expect(decision.next.handOffs).toHaveLength(1);
        expect(decision.next.handOffs?.[0]).toMatchObject({ trigger: 'sev-a-critical', contact: 'requester', fromQueue: 'help-desk' });
      }),
      { numRuns: 100 },
    );
  });
});
