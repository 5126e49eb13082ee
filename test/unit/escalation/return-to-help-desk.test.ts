import { acceptEscalation } from '../../../src/domain/escalation/accept-escalation';
import { escalateToDedicatedTeam } from '../../../src/domain/escalation/escalate-to-dedicated-team';
import { askForInformation } from '../../../src/domain/escalation/information-requests';
import { HAND_OFF_TEXT_LIMITS } from '../../../src/domain/escalation/hand-off';
import { returnToHelpDesk } from '../../../src/domain/escalation/return-to-help-desk';
import { isWithDedicatedTeam } from '../../../src/domain/tickets/dedicated-team-access';
import { isEscalated } from '../../../src/domain/tickets/ticket-queue';
import type { Ticket } from '../../../src/domain/tickets/ticket';
import { allowedActions } from '../../../src/domain/ticket-status';
import { acceptedTicket, CONFIG, DT1, DT2, escalatedTicket, FIN, HD, later, NOW, ticketFor } from './escalation-fixtures';

function must<T extends { ok: boolean }>(d: T): Extract<T, { ok: true }> {
  if (!d.ok) throw new Error(`refused: ${(d as unknown as { reason: string }).reason}`);
  return d as Extract<T, { ok: true }>;
}

/** A finance ticket that Johanna worked, escalated and accepted by Pradeep. */
function financeTicketWithTheTeam(): Ticket {
  const worked = { ...ticketFor({ queue: 'help-desk:finance' }), status: 'in-progress' as const, assignee: FIN.person };
  const escalated = must(
    escalateToDedicatedTeam(
      worked,
      { trigger: 'agent', by: FIN.actor, standing: FIN.standing, summary: 'Approval flow fails' },
      later(5),
      CONFIG,
    ),
  ).next;
  return must(acceptEscalation(escalated, DT1.standing, DT1.actor, later(6), CONFIG)).next;
}

describe('Return to the help desk', () => {
  test('the queue it came from holds it again, with its assignee; no longer marked escalated; the note kept on the hand-off and in history', () => {
    const ticket = financeTicketWithTheTeam();
    const at = later(30);
    const { next, events } = must(
      returnToHelpDesk(ticket, '  Fixed the connection reference; please confirm with the requester ', DT1.standing, DT1.actor, at, CONFIG),
    );
    expect(next).toMatchObject({ status: 'returned', queue: 'help-desk:finance', assignee: FIN.person, version: ticket.version + 1 });
    expect(next.escalatedTo).toBeUndefined();
    expect(isEscalated(next)).toBe(false);
    expect(isWithDedicatedTeam(next, [])).toBe(false);
    expect(next.handOffs?.[0]).toMatchObject({
      accepted: { by: DT1.person, at: later(6).toISOString() },
      returned: { by: DT1.person, at: at.toISOString(), note: 'Fixed the connection reference; please confirm with the requester' },
    });
    expect(events).toEqual([
      {
        type: 'returned-to-help-desk',
        actor: DT1.actor,
        at: at.toISOString(),
        note: 'Fixed the connection reference; please confirm with the requester',
        toQueue: 'help-desk:finance',
        statusChange: { from: 'in-progress', to: 'returned' },
      },
    ]);
    // Back on the general Sev C × Critical targets from the original start (10:00 Monday): 8 business hours, 5 business days.
    expect(next.sla['first-response']).toMatchObject({ targetMinutes: 480, clock: 'business-hours', dueAt: '2026-11-24T10:00:00.000Z' });
    expect(next.sla.resolution).toMatchObject({ targetMinutes: 2400, clock: 'business-hours', dueAt: '2026-11-30T10:00:00.000Z' });
    // The help desk works it like a reopened ticket (and may escalate it again).
    expect(allowedActions(next.status, 'agent')).toEqual(
      expect.arrayContaining(['assign', 'start', 'request-info', 'escalate', 'resolve']),
    );
  });

  test('before anyone accepted it (sent to the wrong team): back unassigned when nobody had it', () => {
    const { next } = must(returnToHelpDesk(escalatedTicket(), 'Not a platform problem', DT2.standing, DT2.actor, later(3), CONFIG));
    expect(next).toMatchObject({ status: 'returned', queue: 'help-desk' });
    expect(next.assignee).toBeUndefined();
    expect(next.handOffs?.[0].accepted).toBeUndefined();
  });

  test('returning while waiting on the maker drops the open question and resumes the clocks', () => {
    const asked = must(askForInformation(acceptedTicket(), 'maker', 'Which connection?', DT1.standing, DT1.actor, later(10), CONFIG)).next;
    const { next, events } = must(returnToHelpDesk(asked, 'Over to you', DT1.standing, DT1.actor, later(70), CONFIG));
    expect(next.pendingQuestion).toBeUndefined();
    expect(events.map((e) => e.type)).toEqual(['returned-to-help-desk', 'sla-resumed']);
    expect(next.sla.resolution.pausedSince).toBeUndefined();
    expect(next.sla.resolution.pauses).toEqual([{ from: later(10).toISOString(), to: later(70).toISOString() }]);
    // 2400 business minutes from Monday 10:00 plus the hour waited: the following Monday 11:00.
    expect(next.sla.resolution.dueAt).toBe('2026-11-30T11:00:00.000Z');
  });

  test('refusals, as codes', () => {
    const ticket = acceptedTicket();
    expect(returnToHelpDesk(ticketFor(), 'n', DT1.standing, DT1.actor, NOW, CONFIG)).toEqual({ ok: false, reason: 'not-escalated' });
    expect(returnToHelpDesk(ticket, 'n', HD.standing, HD.actor, NOW, CONFIG)).toEqual({ ok: false, reason: 'not-permitted' });
    expect(returnToHelpDesk({ ...ticket, status: 'resolved' }, 'n', DT1.standing, DT1.actor, NOW, CONFIG)).toEqual({
      ok: false,
      reason: 'not-open',
    });
    expect(returnToHelpDesk({ ...ticket, status: 'closed' }, 'n', DT1.standing, DT1.actor, NOW, CONFIG)).toEqual({
      ok: false,
      reason: 'not-open',
    });
    expect(returnToHelpDesk(ticket, '   ', DT1.standing, DT1.actor, NOW, CONFIG)).toEqual({ ok: false, reason: 'note-missing' });
    expect(returnToHelpDesk(ticket, undefined, DT1.standing, DT1.actor, NOW, CONFIG)).toEqual({ ok: false, reason: 'note-missing' });
    expect(returnToHelpDesk(ticket, '가'.repeat(HAND_OFF_TEXT_LIMITS.returnNote + 1), DT1.standing, DT1.actor, NOW, CONFIG)).toEqual({
      ok: false,
      reason: 'note-too-long',
    });
  });

  test('a returned ticket cannot be returned again: the help desk holds it', () => {
    const { next } = must(returnToHelpDesk(acceptedTicket(), 'n', DT1.standing, DT1.actor, NOW, CONFIG));
    expect(returnToHelpDesk(next, 'again', DT1.standing, DT1.actor, NOW, CONFIG)).toEqual({ ok: false, reason: 'not-escalated' });
  });
});
