import fc from 'fast-check';
import {
  answerInformationRequest,
  ANSWER_MAX,
  askableMaker,
  askForInformation,
  QUESTION_MAX,
} from '../../../src/domain/escalation/information-requests';
import type { Ticket } from '../../../src/domain/tickets/ticket';
import {
  acceptedTicket,
  asUser,
  CONFIG,
  DT1,
  escalatedTicket,
  FIN,
  HD,
  later,
  MAKER,
  MAKER_SIDE,
  MIN,
  NOW,
  REQUESTER,
  standingOf,
  ticketFor,
} from './escalation-fixtures';

const ask = (ticket: Ticket, from: 'help-desk' | 'maker' | 'requester', question: unknown = 'Which environment?', at = later(10)) =>
  askForInformation(ticket, from, question, DT1.standing, DT1.actor, at, CONFIG);

function ok<T extends { ok: boolean }>(d: T): Extract<T, { ok: true }> {
  if (!d.ok) throw new Error(`refused: ${(d as unknown as { reason: string }).reason}`);
  return d as Extract<T, { ok: true }>;
}

describe('Ask for information', () => {
  test.each([
    ['the requester', 'requester', 'waiting-on-requester', 'requester'],
    ['the maker', 'maker', 'waiting-on-maker', 'maker'],
    ['the help desk', 'help-desk', 'waiting-on-help-desk', undefined],
  ] as const)(
    'from %s: the ticket waits on them with the question; the clocks pause unless it is the help desk',
    (_who, from, status, pause) => {
      const ticket = acceptedTicket();
      const at = later(10);
      const { next, events } = ok(ask(ticket, from, '  Which environment?  ', at));
      expect(next).toMatchObject({ status, pendingQuestion: 'Which environment?', version: ticket.version + 1 });
      expect(events[0]).toEqual({
        type: 'info-requested',
        actor: DT1.actor,
        at: at.toISOString(),
        question: 'Which environment?',
        from,
        statusChange: { from: 'in-progress', to: status },
      });
      if (pause) {
        expect(events.slice(1)).toEqual([{ type: 'sla-paused', actor: DT1.actor, at: at.toISOString(), reason: pause }]);
        expect(next.sla.resolution).toMatchObject({ pausedSince: at.toISOString(), pauseReason: pause });
      } else {
        expect(events).toHaveLength(1);
        expect(next.sla.resolution.pausedSince).toBeUndefined();
      }
    },
  );

  test('a question to the requester is the first response; one to the maker or the help desk is not', () => {
    const escalated = escalatedTicket();
    // Accepting is already a response, so test on a ticket the team holds whose first response is not met yet.
    const unanswered: Ticket = { ...escalated, status: 'in-progress', assignee: DT1.person };
    expect(ok(ask(unanswered, 'requester')).next.sla['first-response'].metAt).toBe(later(10).toISOString());
    expect(ok(ask(unanswered, 'maker')).next.sla['first-response'].metAt).toBeUndefined();
    expect(ok(ask(unanswered, 'help-desk')).next.sla['first-response'].metAt).toBeUndefined();
  });

  test('refusals, as codes', () => {
    const accepted = acceptedTicket();
    expect(ask(ticketFor(), 'help-desk')).toEqual({ ok: false, reason: 'not-escalated' });
    expect(ask(escalatedTicket(), 'help-desk')).toEqual({ ok: false, reason: 'accept-first' });
    expect(ask({ ...accepted, status: 'resolved' }, 'requester')).toEqual({ ok: false, reason: 'not-open' });
    expect(ask({ ...accepted, status: 'closed' }, 'requester')).toEqual({ ok: false, reason: 'not-open' });
    expect(ask(accepted, 'maker', '')).toEqual({ ok: false, reason: 'question-missing' });
    expect(ask(accepted, 'maker', 42)).toEqual({ ok: false, reason: 'question-missing' });
    expect(ask(accepted, 'maker', '가'.repeat(QUESTION_MAX + 1))).toEqual({ ok: false, reason: 'question-too-long' });
    expect(ok(ask(accepted, 'maker', '🙂'.repeat(QUESTION_MAX / 2))).next.pendingQuestion).toHaveLength(QUESTION_MAX);
    for (const p of [HD, FIN]) {
      expect(askForInformation(accepted, 'requester', 'q', p.standing, p.actor, NOW, CONFIG)).toEqual({
        ok: false,
        reason: 'not-permitted',
      });
    }
  });

  test('the maker is asked only when known and not the requester', () => {
    expect(ask(acceptedTicket({ tier: null }), 'maker')).toEqual({ ok: false, reason: 'no-maker' });
    const byMaker = acceptedTicket({ requester: { ...MAKER, aadObjectId: MAKER.aadObjectId.toUpperCase() } });
    expect(ask(byMaker, 'maker')).toEqual({ ok: false, reason: 'maker-is-requester' });
    expect(askableMaker(acceptedTicket())).toEqual({ ok: true, makerId: MAKER.aadObjectId });
    const noId = {
      ...acceptedTicket(),
      solution: { ...acceptedTicket().solution!, maker: { ...acceptedTicket().solution!.maker, aadObjectId: '' } },
    };
    expect(askableMaker(noId)).toEqual({ ok: false, reason: 'no-maker' });
  });

  test('asking the help desk while waiting on the requester resumes the clocks (waiting on support does not pause)', () => {
    const waiting = ok(ask(acceptedTicket(), 'requester', 'q', later(10))).next;
    const { next, events } = ok(ask(waiting, 'help-desk', 'q2', later(40)));
    expect(next.status).toBe('waiting-on-help-desk');
    expect(events.map((e) => e.type)).toEqual(['info-requested', 'sla-resumed']);
    expect(next.sla.resolution.dueAt).toBe('2026-11-23T14:30:00.000Z');
  });
});

describe('the answer from the help desk or the maker', () => {
  test('the maker answers: back in progress, the question cleared, the clocks resume with the pause not counted', () => {
    const asked = ok(ask(acceptedTicket(), 'maker', 'Which connection?', later(10))).next;
    expect(asked.sla.resolution.dueAt).toBe('2026-11-23T14:00:00.000Z');
    const at = later(50);
    const { next, events } = ok(
      answerInformationRequest(asked, 'maker', ' The SQL one ', MAKER_SIDE.standing, MAKER_SIDE.actor, at, CONFIG),
    );
    expect(next.status).toBe('in-progress');
    expect(next.pendingQuestion).toBeUndefined();
    expect(events).toEqual([
      {
        type: 'info-given',
        actor: MAKER_SIDE.actor,
        at: at.toISOString(),
        from: 'maker',
        text: 'The SQL one',
        statusChange: { from: 'waiting-on-maker', to: 'in-progress' },
      },
      { type: 'sla-resumed', actor: MAKER_SIDE.actor, at: at.toISOString(), reason: 'maker' },
    ]);
    expect(next.sla.resolution).toMatchObject({
      dueAt: '2026-11-23T14:40:00.000Z',
      warnAt: '2026-11-23T13:40:00.000Z',
      pauses: [{ from: later(10).toISOString(), to: at.toISOString() }],
    });
    expect(next.sla.resolution.pausedSince).toBeUndefined();
  });

  test('only the help desk queue the ticket came from answers its question', () => {
    const asked = ok(ask(acceptedTicket({ queue: 'help-desk:finance' }), 'help-desk')).next;
    expect(answerInformationRequest(asked, 'help-desk', 'x', HD.standing, HD.actor, later(20), CONFIG)).toEqual({
      ok: false,
      reason: 'not-permitted',
    });
    expect(answerInformationRequest(asked, 'help-desk', 'x', DT1.standing, DT1.actor, later(20), CONFIG)).toEqual({
      ok: false,
      reason: 'not-permitted',
    });
    const answered = ok(answerInformationRequest(asked, 'help-desk', 'Tried a repair', FIN.standing, FIN.actor, later(20), CONFIG));
    expect(answered.next.status).toBe('in-progress');
    expect(answered.events).toEqual([
      {
        type: 'info-given',
        actor: FIN.actor,
        at: later(20).toISOString(),
        from: 'help-desk',
        text: 'Tried a repair',
        statusChange: { from: 'waiting-on-help-desk', to: 'in-progress' },
      },
    ]);
  });

  test('only the maker answers the maker’s question', () => {
    const asked = ok(ask(acceptedTicket(), 'maker')).next;
    const requester = { standing: standingOf(REQUESTER, []), actor: asUser(REQUESTER, 'requester') };
    expect(answerInformationRequest(asked, 'maker', 'x', requester.standing, requester.actor, later(20), CONFIG)).toEqual({
      ok: false,
      reason: 'not-permitted',
    });
    expect(answerInformationRequest(asked, 'maker', 'x', DT1.standing, DT1.actor, later(20), CONFIG)).toEqual({
      ok: false,
      reason: 'not-permitted',
    });
  });

  test('refusals, as codes', () => {
    const asked = ok(ask(acceptedTicket(), 'maker')).next;
    expect(answerInformationRequest(asked, 'help-desk', 'x', HD.standing, HD.actor, NOW, CONFIG)).toEqual({
      ok: false,
      reason: 'not-waiting-on-you',
    });
    expect(answerInformationRequest(acceptedTicket(), 'maker', 'x', MAKER_SIDE.standing, MAKER_SIDE.actor, NOW, CONFIG)).toEqual({
      ok: false,
      reason: 'not-waiting-on-you',
    });
    expect(answerInformationRequest(asked, 'maker', ' ', MAKER_SIDE.standing, MAKER_SIDE.actor, NOW, CONFIG)).toEqual({
      ok: false,
      reason: 'answer-missing',
    });
    expect(
      answerInformationRequest(asked, 'maker', 'x'.repeat(ANSWER_MAX + 1), MAKER_SIDE.standing, MAKER_SIDE.actor, NOW, CONFIG),
    ).toEqual({ ok: false, reason: 'answer-too-long' });
  });

  test('a pause from the due instant on does not move it: the target was used up before the wait', () => {
    const asked = ok(ask(acceptedTicket(), 'maker', 'q', later(240))).next;
    const answered = ok(answerInformationRequest(asked, 'maker', 'a', MAKER_SIDE.standing, MAKER_SIDE.actor, later(300), CONFIG)).next;
    expect(answered.sla.resolution.dueAt).toBe('2026-11-23T14:00:00.000Z');
  });

  test('property: time waiting on the maker never counts; the resolution is due its target plus every pause before it', () => {
    fc.assert(
      // Running time stays under the 240-minute target, so every pause starts before the due instant.
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 29 }), fc.integer({ min: 0, max: 600 })), { minLength: 1, maxLength: 8 }),
        (gaps) => {
          let ticket = acceptedTicket();
          let t = NOW.getTime();
          let paused = 0;
          for (const [running, waiting] of gaps) {
            t += running * MIN;
            ticket = ok(ask(ticket, 'maker', 'q', new Date(t))).next;
            t += waiting * MIN;
            paused += waiting * MIN;
            ticket = ok(answerInformationRequest(ticket, 'maker', 'a', MAKER_SIDE.standing, MAKER_SIDE.actor, new Date(t), CONFIG)).next;
          }
          // The dedicated team's resolution target: 240 minutes, 24×7, from 10:00.
          expect(Date.parse(ticket.sla.resolution.dueAt)).toBe(NOW.getTime() + 240 * MIN + paused);
          expect(ticket.sla.resolution.pauses).toHaveLength(gaps.length);
          expect(ticket.status).toBe('in-progress');
        },
      ),
      { numRuns: 60 },
    );
  });
});
