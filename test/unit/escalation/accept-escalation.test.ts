import fc from 'fast-check';
import { acceptedBy, acceptEscalation } from '../../../src/domain/escalation/accept-escalation';
import type { QueueId } from '../../../src/domain/queues/queue';
import { escalateToDedicatedTeam } from '../../../src/domain/escalation/escalate-to-dedicated-team';
import { CONFIG, DT1, DT2, escalatedTicket, FIN, HD, later, NOW, standingOf, ticketFor } from './escalation-fixtures';

describe('Accept', () => {
  test('the first member to accept owns the ticket: in progress, assigned, recorded on the hand-off and in history; the first response is met', () => {
    const ticket = escalatedTicket();
    const at = later(7);
    const decision = acceptEscalation(ticket, DT1.standing, DT1.actor, at, CONFIG);
    if (!decision.ok) throw new Error(decision.reason);
    expect(decision.owner).toEqual(DT1.person);
    expect(decision.next).toMatchObject({
      status: 'in-progress',
      assignee: DT1.person,
      queue: 'dedicated-team',
      escalatedTo: 'dedicated-team',
      version: ticket.version + 1,
    });
    expect(decision.next.handOffs?.[0].accepted).toEqual({ by: DT1.person, at: at.toISOString() });
    expect(decision.events).toEqual([
      {
        type: 'accepted',
        actor: DT1.actor,
        at: at.toISOString(),
        queue: 'dedicated-team',
        statusChange: { from: 'escalated', to: 'in-progress' },
      },
    ]);
    expect(decision.next.sla['first-response'].metAt).toBe(at.toISOString());
    expect(decision.next.sla.resolution.metAt).toBeUndefined();
    expect(acceptedBy(decision.next)).toEqual(DT1.person);
  });

  test('two members pressing Accept on the same version: storage keeps one; the other, re-deciding on it, is told who has it', () => {
    const stored = escalatedTicket();
    const first = acceptEscalation(stored, DT1.standing, DT1.actor, later(1), CONFIG);
    const second = acceptEscalation(stored, DT2.standing, DT2.actor, later(1), CONFIG);
    // Both decide on the same version: the ETag lets only one write; say the first one wins.
    expect(first.ok && second.ok && first.next.version === second.next.version).toBe(true);
    if (!first.ok) throw new Error(first.reason);
    const retried = acceptEscalation(first.next, DT2.standing, DT2.actor, later(2), CONFIG);
    expect(retried).toEqual({ ok: false, reason: 'already-accepted', owner: DT1.person });
    // A double click by the owner is the same answer, naming them.
    expect(acceptEscalation(first.next, DT1.standing, DT1.actor, later(2), CONFIG)).toEqual({
      ok: false,
      reason: 'already-accepted',
      owner: DT1.person,
    });
  });

  test('a first response the help desk already gave stays where it was', () => {
    const replied = ticketFor();
    const met = {
      ...replied,
      sla: { ...replied.sla, 'first-response': { ...replied.sla['first-response'], metAt: later(2).toISOString() } },
    };
    const escalated = escalateToDedicatedTeam(
      met,
      { trigger: 'agent', by: HD.actor, standing: HD.standing, summary: 'x' },
      later(3),
      CONFIG,
    );
    if (!escalated.ok) throw new Error(escalated.reason);
    const accepted = acceptEscalation(escalated.next, DT1.standing, DT1.actor, later(9), CONFIG);
    expect(accepted.ok && accepted.next.sla['first-response'].metAt).toBe(later(2).toISOString());
  });

  test.each([
    ['a help desk member', HD],
    ['a member of a business unit help desk', FIN],
  ])('%s may not accept', (_who, person) => {
    expect(acceptEscalation(escalatedTicket(), person.standing, person.actor, NOW, CONFIG)).toEqual({ ok: false, reason: 'not-permitted' });
  });

  test('a ticket the help desk holds is not there to accept', () => {
    expect(acceptEscalation(ticketFor(), DT1.standing, DT1.actor, NOW, CONFIG)).toEqual({ ok: false, reason: 'not-escalated' });
  });

  test('a resolved or closed ticket is not open to accept', () => {
    for (const status of ['resolved', 'closed'] as const) {
      expect(acceptEscalation({ ...escalatedTicket(), status }, DT1.standing, DT1.actor, NOW, CONFIG)).toEqual({
        ok: false,
        reason: 'not-open',
      });
    }
  });

  test('a ticket escalated before hand-offs were kept, already worked: its assignee is the owner', () => {
    const legacy = {
      ...ticketFor(),
      queue: 'dedicated-team' as const,
      escalatedTo: 'dedicated-team' as const,
      status: 'in-progress' as const,
      assignee: DT2.person,
    };
    expect(acceptEscalation(legacy, DT1.standing, DT1.actor, NOW, CONFIG)).toEqual({
      ok: false,
      reason: 'already-accepted',
      owner: DT2.person,
    });
    expect(acceptEscalation({ ...legacy, assignee: undefined }, DT1.standing, DT1.actor, NOW, CONFIG)).toEqual({
      ok: false,
      reason: 'already-accepted',
    });
  });

  test('nobody has accepted a ticket still waiting in the queue (the help desk assignee it had is not the owner)', () => {
    expect(acceptedBy({ ...escalatedTicket(), assignee: HD.person })).toBeUndefined();
  });

  test('property: only a member of the owning queue may accept, whatever other queues and groups they are in', () => {
    const queues = fc.subarray<QueueId>(['help-desk', 'help-desk:finance', 'help-desk:hr', 'dedicated-team']);
    fc.assert(
      fc.property(queues, fc.boolean(), fc.boolean(), (memberOf, escalationGroup, itAdmin) => {
        const standing = standingOf(DT1.person, memberOf, { escalationGroup, itAdmin });
        const decision = acceptEscalation(escalatedTicket(), standing, DT1.actor, NOW, CONFIG);
        if (memberOf.includes('dedicated-team')) expect(decision.ok).toBe(true);
        else expect(decision).toEqual({ ok: false, reason: 'not-permitted' });
      }),
    );
  });
});
