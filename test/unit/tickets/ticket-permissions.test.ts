import fc from 'fast-check';
import { ticketEvent } from '../../../src/domain/history';
import type { QueueId } from '../../../src/domain/queues/queue';
import { ACTION_ACTORS, TICKET_ACTIONS, TICKET_STATUSES, waitingOn } from '../../../src/domain/ticket-status';
import { isMakerOf, mayTake, ticketActorsFor } from '../../../src/domain/tickets/ticket-permissions';
import { holdingQueue, isEscalated, returnQueueOf, withRecordedQueue } from '../../../src/domain/tickets/ticket-queue';
import {
  acceptedTicket,
  asUser,
  DT1,
  escalatedTicket,
  FIN,
  HD,
  MAKER,
  NOW,
  REQUESTER,
  standingOf,
  ticketFor,
} from '../escalation/escalation-fixtures';

const QUEUES: QueueId[] = ['help-desk', 'help-desk:finance', 'dedicated-team'];

describe('the parts a person plays on a ticket', () => {
  test.each([
    ['a member of the holding help desk queue', ticketFor(), HD.standing, ['agent']],
    ['a member of another help desk queue', ticketFor(), FIN.standing, []],
    ['a dedicated team member, on a help desk ticket', ticketFor(), DT1.standing, []],
    ['a dedicated team member, on an escalated ticket', escalatedTicket(), DT1.standing, ['agent']],
    ['the help desk member who escalated it', escalatedTicket(), HD.standing, []],
    ['the requester', ticketFor(), standingOf(REQUESTER, []), ['requester']],
    [
      'the requester, id in upper case',
      ticketFor(),
      { ...standingOf(REQUESTER, []), aadObjectId: REQUESTER.aadObjectId.toUpperCase() },
      ['requester'],
    ],
    ['the maker', ticketFor(), standingOf(MAKER, []), ['maker']],
    ['the maker of a ticket with no solution', ticketFor({ tier: null }), standingOf(MAKER, []), []],
    ['a help desk member who is also the requester', ticketFor({ requester: HD.person }), HD.standing, ['agent', 'requester']],
  ] as const)('%s', (_who, ticket, standing, expected) => {
    expect(ticketActorsFor(ticket, standing)).toEqual(expected);
  });

  test('a maker with no known object id is nobody’s maker', () => {
    const ticket = ticketFor();
    const anonymous = { ...ticket, solution: { ...ticket.solution!, maker: { ...ticket.solution!.maker, aadObjectId: '' } } };
    expect(isMakerOf(anonymous, { aadObjectId: '' })).toBe(false);
  });
});

describe('mayTake', () => {
  test('property: a person may take an action exactly when one of their parts is among the action’s actors (answers aside)', () => {
    const tickets = [ticketFor(), ticketFor({ queue: 'help-desk:finance' }), escalatedTicket(), acceptedTicket()];
    const people = [REQUESTER, MAKER, HD.person, DT1.person];
    fc.assert(
      fc.property(
        fc.constantFrom(...tickets),
        fc.constantFrom(...TICKET_STATUSES),
        fc.constantFrom(...TICKET_ACTIONS.filter((a) => a !== 'info-given')),
        fc.constantFrom(...people),
        fc.subarray(QUEUES),
        (base, status, action, person, queues) => {
          const ticket = { ...base, status };
          const standing = standingOf(person, queues);
          const parts = ticketActorsFor(ticket, standing);
          expect(mayTake(ticket, action, standing)).toBe(ACTION_ACTORS[action].some((a) => parts.includes(a)));
          expect(parts.includes('agent')).toBe(queues.includes(holdingQueue(ticket)));
        },
      ),
      { numRuns: 500 },
    );
  });

  test('the answer to the dedicated team’s question comes only from whoever was asked', () => {
    const fromFinance = { ...acceptedTicket({ queue: 'help-desk:finance' }) };
    const onHelpDesk = { ...fromFinance, status: 'waiting-on-help-desk' as const };
    const onMaker = { ...fromFinance, status: 'waiting-on-maker' as const };
    expect(mayTake(onHelpDesk, 'info-given', FIN.standing)).toBe(true);
    expect(mayTake(onHelpDesk, 'info-given', HD.standing)).toBe(false);
    expect(mayTake(onHelpDesk, 'info-given', DT1.standing)).toBe(false);
    expect(mayTake(onHelpDesk, 'info-given', standingOf(MAKER, []))).toBe(false);
    expect(mayTake(onMaker, 'info-given', standingOf(MAKER, []))).toBe(true);
    expect(mayTake(onMaker, 'info-given', FIN.standing)).toBe(false);
    for (const status of TICKET_STATUSES.filter((s) => waitingOn(s) !== 'help-desk' && waitingOn(s) !== 'maker')) {
      for (const s of [FIN.standing, standingOf(MAKER, []), DT1.standing])
        expect(mayTake({ ...fromFinance, status }, 'info-given', s)).toBe(false);
    }
  });

  test('the system is never a person: nobody takes a system-only part by standing', () => {
    const everything = standingOf(HD.person, QUEUES, { escalationGroup: true, itAdmin: true });
    expect(ticketActorsFor(ticketFor(), everything)).not.toContain('system');
  });
});

describe('the queue holding a ticket', () => {
  const agent = asUser(HD.person, 'agent');
  const toTeam = ticketEvent('escalated', agent, NOW, { target: 'dedicated-team', trigger: 'agent' });
  const toPartner = ticketEvent('escalated', agent, NOW, { target: 'partner', trigger: 'agent' });
  const handedBack = ticketEvent('handed-back', agent, NOW, {});
  const returned = ticketEvent('returned-to-help-desk', agent, NOW, { note: 'n', toQueue: 'help-desk' });
  const legacy = (status: 'escalated' | 'in-progress', escalatedTo?: 'dedicated-team' | 'partner') => {
    const { queue, ...rest } = ticketFor();
    void queue;
    return { ...rest, status, ...(escalatedTo ? { escalatedTo } : {}) };
  };

  test('a ticket that records its queue says it, whatever else', () => {
    expect(holdingQueue({ ...ticketFor(), queue: 'help-desk:finance', escalatedTo: 'dedicated-team' }, [toTeam])).toBe('help-desk:finance');
    expect(holdingQueue(escalatedTicket(), [])).toBe('dedicated-team');
  });

  test.each([
    ['never escalated', legacy('in-progress'), undefined, 'help-desk'],
    ['escalated to the team, no history read', legacy('escalated', 'dedicated-team'), undefined, 'dedicated-team'],
    ['escalated to the team and worked, no history read', legacy('in-progress', 'dedicated-team'), undefined, 'help-desk'],
    ['escalated to the team and worked', legacy('in-progress', 'dedicated-team'), [toTeam], 'dedicated-team'],
    ['escalated, then handed back', legacy('in-progress', 'dedicated-team'), [toTeam, handedBack], 'help-desk'],
    ['escalated, then returned', legacy('in-progress', 'dedicated-team'), [toTeam, returned], 'help-desk'],
    ['escalated by the help desk straight to a partner', legacy('escalated', 'partner'), [toPartner], 'help-desk'],
    ['escalated to the team, which went on to a partner', legacy('escalated', 'partner'), [toTeam, toPartner], 'dedicated-team'],
  ] as const)('stored before queues: %s', (_what, ticket, history, expected) => {
    expect(holdingQueue(ticket, history)).toBe(expected);
    expect(isEscalated(ticket, history)).toBe(expected === 'dedicated-team');
    if (history) expect(withRecordedQueue(ticket, history).queue).toBe(expected);
  });

  test('withRecordedQueue leaves a recorded queue alone (same object)', () => {
    const ticket = escalatedTicket();
    expect(withRecordedQueue(ticket, [returned])).toBe(ticket);
  });

  test('a Return goes to the queue of the current hand-off, else the default one', () => {
    expect(returnQueueOf(escalatedTicket({ queue: 'help-desk:finance' }))).toBe('help-desk:finance');
    expect(returnQueueOf(ticketFor())).toBe('help-desk');
  });
});
