import fc from 'fast-check';
import {
  confirmMicrosoftCase,
  declineMicrosoftCase,
  openExternalCase,
  updateExternalCase,
} from '../../../src/domain/external-cases/record-external-case';
import type { PersonRef } from '../../../src/domain/history';
import type { Severity } from '../../../src/domain/severity';
import type { Ticket } from '../../../src/domain/tickets/ticket';
import {
  acceptedTicket,
  asUser,
  CONFIG,
  escalatedTicket,
  HD,
  HD_AGENT,
  later,
  MIN,
  NOW,
  standingOf,
  ticketFor,
} from '../escalation/escalation-fixtures';

const DESIGNATED_PERSON: PersonRef = { aadObjectId: 'e5000000-0000-4000-8000-000000000001', displayName: 'Diego Siciliani' };
const IT_ADMIN_PERSON: PersonRef = { aadObjectId: 'e5000000-0000-4000-8000-000000000002', displayName: 'Patti Fernandez' };
/** In the help desk's team and the designated escalation group. */
const DESIGNATED = {
  standing: standingOf(DESIGNATED_PERSON, ['help-desk'], { escalationGroup: true }),
  actor: asUser(DESIGNATED_PERSON, 'agent'),
};
/** An IT admin, in no queue's team. */
const IT_ADMIN = { standing: standingOf(IT_ADMIN_PERSON, [], { itAdmin: true }), actor: asUser(IT_ADMIN_PERSON, 'admin') };

/** A help desk ticket an agent is working (in progress), at `severity`. */
function worked(severity: Severity = 'C'): Ticket {
  return { ...ticketFor({ severity }), status: 'in-progress', assignee: HD_AGENT };
}

function ok<T extends { ok: boolean }>(decision: T): Extract<T, { ok: true }> {
  if (!decision.ok) throw new Error(`refused: ${(decision as unknown as { reason: string }).reason}`);
  return decision as Extract<T, { ok: true }>;
}

describe('recording a partner or Microsoft case', () => {
  test('a designated member records a partner case: vendor, reference, opened time and status; the ticket waits on the vendor and both clocks pause', () => {
    const ticket = worked('B');
    const at = later(20);
    const change = ok(
      openExternalCase(
        ticket,
        { vendor: 'partner', caseReference: '  CONTOSO-PARTNER-77 ' },
        DESIGNATED.standing,
        DESIGNATED.actor,
        at,
        CONFIG,
      ),
    );
    expect(change.outcome).toBe('recorded');
    expect(change.next.externalCases).toEqual([
      {
        id: 'partner:CONTOSO-PARTNER-77',
        vendor: 'partner',
        caseReference: 'CONTOSO-PARTNER-77',
        severity: 'B',
        openedAt: at.toISOString(),
        openedBy: DESIGNATED_PERSON,
        status: 'waiting-on-vendor',
        statusAt: at.toISOString(),
      },
    ]);
    expect(change.next.status).toBe('waiting-on-vendor');
    expect(change.next.sla['first-response'].pausedSince).toBe(at.toISOString());
    expect(change.next.sla.resolution).toMatchObject({ pausedSince: at.toISOString(), pauseReason: 'vendor' });
    expect(change.events.map((e) => e.type)).toEqual(['external-case-opened', 'sla-paused']);
    expect(change.events[0]).toMatchObject({
      statusChange: { from: 'in-progress', to: 'waiting-on-vendor' },
      caseReference: 'CONTOSO-PARTNER-77',
    });
    expect(change.next.version).toBe(ticket.version + 1);
  });

  test('a Sev C case with Microsoft is filed by the designated member themselves', () => {
    const change = ok(
      openExternalCase(
        worked('C'),
        { vendor: 'microsoft', caseReference: '2611230010001' },
        DESIGNATED.standing,
        DESIGNATED.actor,
        later(5),
        CONFIG,
      ),
    );
    expect(change.outcome).toBe('recorded');
    expect(change.next.externalCases?.[0]).toMatchObject({ vendor: 'microsoft', severity: 'C', status: 'waiting-on-vendor' });
    expect(change.next.externalCases?.[0].confirmedBy).toBeUndefined();
    expect(change.next.pendingCase).toBeUndefined();
  });

  test.each(['A', 'B'] as const)(
    'a Sev %s case with Microsoft waits for an IT admin: nothing filed, the clocks keep running',
    (severity) => {
      const ticket = worked(severity);
      const change = ok(
        openExternalCase(ticket, { vendor: 'microsoft', caseReference: '' }, DESIGNATED.standing, DESIGNATED.actor, later(5), CONFIG),
      );
      expect(change.outcome).toBe('awaiting-confirmation');
      expect(change.next.pendingCase).toEqual({
        vendor: 'microsoft',
        severity,
        requestedBy: DESIGNATED_PERSON,
        requestedAt: later(5).toISOString(),
      });
      expect(change.next.externalCases ?? []).toEqual([]);
      expect(change.next.status).toBe('in-progress');
      expect(change.next.sla.resolution.pausedSince).toBeUndefined();
      expect(change.events).toEqual([
        expect.objectContaining({ type: 'external-case-confirmation-requested', severity, vendor: 'microsoft' }),
      ]);
      // One at a time: another request waits until an IT admin decides.
      expect(
        openExternalCase(change.next, { vendor: 'partner', caseReference: 'P-1' }, DESIGNATED.standing, DESIGNATED.actor, later(6), CONFIG),
      ).toEqual({ ok: false, reason: 'confirmation-pending' });
    },
  );

  test('the IT admin confirms: the case is filed with who confirmed it and the reference (typed then or given with the request); only then the clocks pause', () => {
    const asked = ok(
      openExternalCase(
        worked('A'),
        { vendor: 'microsoft', caseReference: 'MS-1' },
        DESIGNATED.standing,
        DESIGNATED.actor,
        later(5),
        CONFIG,
      ),
    ).next;
    // A designated member is not an IT admin.
    expect(confirmMicrosoftCase(asked, '', DESIGNATED.standing, DESIGNATED.actor, later(6), CONFIG)).toEqual({
      ok: false,
      reason: 'not-permitted',
    });
    const confirmed = ok(confirmMicrosoftCase(asked, '', IT_ADMIN.standing, IT_ADMIN.actor, later(9), CONFIG));
    expect(confirmed.outcome).toBe('confirmed');
    expect(confirmed.next.pendingCase).toBeUndefined();
    expect(confirmed.next.externalCases?.[0]).toMatchObject({
      id: 'microsoft:MS-1',
      severity: 'A',
      openedBy: DESIGNATED_PERSON,
      confirmedBy: IT_ADMIN_PERSON,
      openedAt: later(9).toISOString(),
      status: 'waiting-on-vendor',
    });
    expect(confirmed.next.status).toBe('waiting-on-vendor');
    expect(confirmed.next.sla.resolution.pausedSince).toBe(later(9).toISOString());
    expect(confirmed.events[0]).toMatchObject({ type: 'external-case-opened', confirmedBy: IT_ADMIN_PERSON });

    const withoutReference = ok(
      openExternalCase(
        worked('B'),
        { vendor: 'microsoft', caseReference: undefined },
        DESIGNATED.standing,
        DESIGNATED.actor,
        later(5),
        CONFIG,
      ),
    ).next;
    expect(confirmMicrosoftCase(withoutReference, ' ', IT_ADMIN.standing, IT_ADMIN.actor, later(6), CONFIG)).toEqual({
      ok: false,
      reason: 'reference-missing',
    });
    expect(
      ok(confirmMicrosoftCase(withoutReference, 'MS-9', IT_ADMIN.standing, IT_ADMIN.actor, later(6), CONFIG)).next.externalCases?.[0]
        .caseReference,
    ).toBe('MS-9');
    expect(confirmMicrosoftCase(worked('A'), 'MS-2', IT_ADMIN.standing, IT_ADMIN.actor, later(6), CONFIG)).toEqual({
      ok: false,
      reason: 'nothing-to-confirm',
    });
  });

  test('the IT admin declines: nothing is filed, the note is kept in history', () => {
    const asked = ok(
      openExternalCase(worked('A'), { vendor: 'microsoft', caseReference: '' }, DESIGNATED.standing, DESIGNATED.actor, later(5), CONFIG),
    ).next;
    const declined = ok(declineMicrosoftCase(asked, 'Partner first', IT_ADMIN.standing, IT_ADMIN.actor, later(7), CONFIG));
    expect(declined.next.pendingCase).toBeUndefined();
    expect(declined.next.externalCases ?? []).toEqual([]);
    expect(declined.events).toEqual([expect.objectContaining({ type: 'external-case-confirmation-declined', note: 'Partner first' })]);
    expect(declineMicrosoftCase(asked, 'x', HD.standing, HD.actor, later(7), CONFIG)).toEqual({ ok: false, reason: 'not-permitted' });
    expect(declineMicrosoftCase(asked, 'x'.repeat(501), IT_ADMIN.standing, IT_ADMIN.actor, later(7), CONFIG)).toEqual({
      ok: false,
      reason: 'note-too-long',
    });
  });

  test('who may record, and when: the designated group only, on a ticket someone works; bounded references; no duplicate open case', () => {
    const ticket = worked('C');
    const input = { vendor: 'partner', caseReference: 'P-1' };
    // A help desk agent (the team holding it) is not the designated group; neither is an IT admin.
    expect(openExternalCase(ticket, input, HD.standing, HD.actor, NOW, CONFIG)).toEqual({ ok: false, reason: 'not-permitted' });
    expect(openExternalCase(ticket, input, IT_ADMIN.standing, IT_ADMIN.actor, NOW, CONFIG)).toEqual({ ok: false, reason: 'not-permitted' });
    expect(openExternalCase(ticketFor(), input, DESIGNATED.standing, DESIGNATED.actor, NOW, CONFIG)).toEqual({
      ok: false,
      reason: 'not-being-worked',
    });
    expect(openExternalCase(escalatedTicket(), input, DESIGNATED.standing, DESIGNATED.actor, NOW, CONFIG)).toEqual({
      ok: false,
      reason: 'not-being-worked',
    });
    expect(openExternalCase({ ...ticket, status: 'resolved' }, input, DESIGNATED.standing, DESIGNATED.actor, NOW, CONFIG)).toEqual({
      ok: false,
      reason: 'ticket-not-open',
    });
    expect(
      openExternalCase(ticket, { vendor: 'dedicated-team', caseReference: 'P-1' }, DESIGNATED.standing, DESIGNATED.actor, NOW, CONFIG),
    ).toEqual({ ok: false, reason: 'pick-vendor' });
    expect(openExternalCase(ticket, { vendor: 'partner', caseReference: '' }, DESIGNATED.standing, DESIGNATED.actor, NOW, CONFIG)).toEqual({
      ok: false,
      reason: 'reference-missing',
    });
    expect(
      openExternalCase(ticket, { vendor: 'partner', caseReference: 'x'.repeat(101) }, DESIGNATED.standing, DESIGNATED.actor, NOW, CONFIG),
    ).toEqual({ ok: false, reason: 'reference-too-long' });
    const once = ok(openExternalCase(ticket, input, DESIGNATED.standing, DESIGNATED.actor, NOW, CONFIG)).next;
    expect(openExternalCase(once, input, DESIGNATED.standing, DESIGNATED.actor, later(1), CONFIG)).toEqual({
      ok: false,
      reason: 'already-recorded',
    });
    // The dedicated team's ticket, once accepted, is worked: a designated member records there too.
    expect(openExternalCase(acceptedTicket(), input, DESIGNATED.standing, DESIGNATED.actor, later(1), CONFIG).ok).toBe(true);
  });
});

describe('the SLA clock while waiting on a vendor (controllable clock)', () => {
  test('paused while the case waits on the vendor, resumed when the vendor answers: the due times move by exactly the wait', () => {
    // Sev A runs 24x7 by default: the wait moves the due times minute for minute.
    const ticket = worked('A');
    const dueBefore = ticket.sla.resolution.dueAt;
    const firstDue = ticket.sla['first-response'].dueAt;
    const opened = ok(
      openExternalCase(ticket, { vendor: 'partner', caseReference: 'P-1' }, DESIGNATED.standing, DESIGNATED.actor, later(10), CONFIG),
    ).next;
    const answered = ok(updateExternalCase(opened, { caseId: 'partner:P-1', status: 'open' }, HD.standing, HD.actor, later(40), CONFIG));
    expect(answered.next.status).toBe('in-progress');
    expect(answered.next.sla.resolution.pausedSince).toBeUndefined();
    expect(Date.parse(answered.next.sla.resolution.dueAt) - Date.parse(dueBefore)).toBe(30 * MIN);
    expect(Date.parse(answered.next.sla['first-response'].dueAt) - Date.parse(firstDue)).toBe(30 * MIN);
    expect(answered.next.externalCases?.[0]).toMatchObject({ status: 'open', statusAt: later(40).toISOString() });
    expect(answered.events.map((e) => e.type)).toEqual(['external-case-status-changed', 'sla-resumed']);
    expect(answered.events[1]).toMatchObject({ reason: 'vendor' });

    // Waiting on the vendor again pauses again; closing the case resumes.
    const again = ok(
      updateExternalCase(
        answered.next,
        { caseId: 'partner:P-1', status: 'waiting-on-vendor' },
        DESIGNATED.standing,
        DESIGNATED.actor,
        later(50),
        CONFIG,
      ),
    ).next;
    expect(again.status).toBe('waiting-on-vendor');
    const closed = ok(
      updateExternalCase(again, { caseId: 'partner:P-1', status: 'closed' }, HD.standing, HD.actor, later(70), CONFIG),
    ).next;
    expect(closed.status).toBe('in-progress');
    expect(Date.parse(closed.sla.resolution.dueAt) - Date.parse(dueBefore)).toBe(50 * MIN);
    expect(updateExternalCase(closed, { caseId: 'partner:P-1', status: 'open' }, HD.standing, HD.actor, later(71), CONFIG)).toEqual({
      ok: false,
      reason: 'case-closed',
    });
  });

  test('with two cases out, the clock resumes only when neither waits on its vendor', () => {
    const one = ok(
      openExternalCase(worked('A'), { vendor: 'partner', caseReference: 'P-1' }, DESIGNATED.standing, DESIGNATED.actor, later(10), CONFIG),
    ).next;
    const two = ok(
      openExternalCase(one, { vendor: 'partner', caseReference: 'P-2' }, DESIGNATED.standing, DESIGNATED.actor, later(11), CONFIG),
    );
    // Still the first pause: no second sla-paused.
    expect(two.events.map((e) => e.type)).toEqual(['external-case-opened']);
    const first = ok(
      updateExternalCase(two.next, { caseId: 'partner:P-1', status: 'closed' }, HD.standing, HD.actor, later(20), CONFIG),
    ).next;
    expect(first.status).toBe('waiting-on-vendor');
    expect(first.sla.resolution.pausedSince).toBe(later(10).toISOString());
    const both = ok(updateExternalCase(first, { caseId: 'partner:P-2', status: 'closed' }, HD.standing, HD.actor, later(30), CONFIG)).next;
    expect(both.status).toBe('in-progress');
    expect(both.sla.resolution.pausedSince).toBeUndefined();
  });

  test('who may update a case: the designated group, or the team holding the ticket; unknown cases and statuses are refused', () => {
    const opened = ok(
      openExternalCase(worked('C'), { vendor: 'partner', caseReference: 'P-1' }, DESIGNATED.standing, DESIGNATED.actor, later(10), CONFIG),
    ).next;
    const outsider = standingOf({ aadObjectId: 'e5000000-0000-4000-8000-000000000009', displayName: 'X' }, ['dedicated-team']);
    expect(
      updateExternalCase(
        opened,
        { caseId: 'partner:P-1', status: 'open' },
        outsider,
        asUser(DESIGNATED_PERSON, 'agent'),
        later(11),
        CONFIG,
      ),
    ).toEqual({ ok: false, reason: 'not-permitted' });
    expect(updateExternalCase(opened, { caseId: 'partner:P-2', status: 'open' }, HD.standing, HD.actor, later(11), CONFIG)).toEqual({
      ok: false,
      reason: 'case-unknown',
    });
    expect(updateExternalCase(opened, { caseId: 'partner:P-1', status: 'reopened' }, HD.standing, HD.actor, later(11), CONFIG)).toEqual({
      ok: false,
      reason: 'pick-status',
    });
    expect(
      updateExternalCase(opened, { caseId: 'partner:P-1', status: 'waiting-on-vendor' }, HD.standing, HD.actor, later(11), CONFIG),
    ).toEqual({ ok: false, reason: 'status-unchanged' });
  });

  test('property: time spent waiting on a vendor never counts against the resolution target (24x7, the case opened before it was due)', () => {
    fc.assert(
      // Sev A on a Critical solution: 8 h to resolve.
      fc.property(fc.integer({ min: 1, max: 479 }), fc.integer({ min: 1, max: 6000 }), (openAfter, waited) => {
        const ticket = worked('A');
        const opened = ok(
          openExternalCase(
            ticket,
            { vendor: 'partner', caseReference: 'P-1' },
            DESIGNATED.standing,
            DESIGNATED.actor,
            later(openAfter),
            CONFIG,
          ),
        ).next;
        const closed = ok(
          updateExternalCase(opened, { caseId: 'partner:P-1', status: 'closed' }, HD.standing, HD.actor, later(openAfter + waited), CONFIG),
        ).next;
        return Date.parse(closed.sla.resolution.dueAt) - Date.parse(ticket.sla.resolution.dueAt) === waited * MIN;
      }),
      { numRuns: 60 },
    );
  });
});
