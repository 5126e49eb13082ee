import { InvalidTransitionError, UnknownValueError } from '../../../src/domain/errors';
import { ticketStatusLabel } from '../../../src/presentation/labels';
import { english } from '../../support/words';
import {
  ACTION_ACTORS,
  allowedActions,
  canApply,
  isOpenStatus,
  isTerminalStatus,
  isTicketAction,
  isTicketStatus,
  isWithinReopenWindow,
  parseTicketAction,
  parseTicketStatus,
  TICKET_ACTIONS,
  TICKET_STATUSES,
  transition,
  type TicketAction,
  type TicketStatus,
} from '../../../src/domain/ticket-status';

/**
 * The full transition table, written out independently of the source. Columns follow this order;
 * each cell is the status after the action, or '-' when the action is not allowed.
 */
const COLUMNS: TicketAction[] = [
  'assign', 'start', 'request-info', 'requester-replied', 'wait-on-vendor', 'escalate', 'hand-back', 'resolve', 'close', 'reopen', 'withdraw',
];
// prettier-ignore
const TABLE: Record<TicketStatus, string[]> = {
  //                      assign                   start          request-info             requester-replied       wait-on-vendor       escalate     hand-back      resolve     close     reopen      withdraw
  'new':                  ['assigned',             '-',           '-',                     'new',                  '-',                 'escalated', '-',           'resolved', '-',      '-',        'closed'],
  'assigned':             ['assigned',             'in-progress', 'waiting-on-requester',  'assigned',             'waiting-on-vendor', 'escalated', '-',           'resolved', '-',      '-',        'closed'],
  'in-progress':          ['in-progress',          '-',           'waiting-on-requester',  'in-progress',          'waiting-on-vendor', 'escalated', '-',           'resolved', '-',      '-',        'closed'],
  'waiting-on-requester': ['waiting-on-requester', 'in-progress', 'waiting-on-requester',  'in-progress',          'waiting-on-vendor', 'escalated', '-',           'resolved', '-',      '-',        'closed'],
  'waiting-on-vendor':    ['waiting-on-vendor',    'in-progress', 'waiting-on-requester',  'waiting-on-vendor',    '-',                 'escalated', '-',           'resolved', '-',      '-',        'closed'],
  'escalated':            ['escalated',            '-',           '-',                     'escalated',            'waiting-on-vendor', 'escalated', 'in-progress', 'resolved', '-',      '-',        'closed'],
  'resolved':             ['-',                    '-',           '-',                     '-',                    '-',                 '-',         '-',           '-',        'closed', 'reopened', '-'],
  'closed':               ['-',                    '-',           '-',                     '-',                    '-',                 '-',         '-',           '-',        '-',      '-',        '-'],
  'reopened':             ['assigned',             'in-progress', 'waiting-on-requester',  'reopened',             'waiting-on-vendor', 'escalated', '-',           'resolved', '-',      '-',        'closed'],
};

const cells = TICKET_STATUSES.flatMap((from) =>
  COLUMNS.map((action, i) => [from, action, TABLE[from][i]!] as [TicketStatus, TicketAction, string]),
);

describe('ticket state machine: every status × every action', () => {
  test('the table covers every status and every action', () => {
    expect([...COLUMNS].sort()).toEqual([...TICKET_ACTIONS].sort());
    expect(Object.keys(TABLE).sort()).toEqual([...TICKET_STATUSES].sort());
    for (const s of TICKET_STATUSES) expect(TABLE[s]).toHaveLength(COLUMNS.length);
    expect(cells).toHaveLength(TICKET_STATUSES.length * TICKET_ACTIONS.length);
  });

  test.each(cells)('%s --%s--> %s', (from, action, expected) => {
    if (expected === '-') {
      expect(canApply(from, action)).toBe(false);
      expect(() => transition(from, action)).toThrow(InvalidTransitionError);
      try {
        transition(from, action);
      } catch (e) {
        expect(e).toMatchObject({ code: 'invalid-transition', from, action });
        expect((e as Error).message).toBe(`Cannot ${action} a ticket that is ${from}`);
      }
    } else {
      expect(canApply(from, action)).toBe(true);
      expect(transition(from, action)).toBe(expected);
    }
  });
});

describe('walks through the lifecycle', () => {
  const walk = (start: TicketStatus, actions: TicketAction[]) => actions.reduce(transition, start);

  test.each<[string, TicketAction[], TicketStatus]>([
    ['the happy path', ['assign', 'start', 'resolve', 'close'], 'closed'],
    ['a question to the requester and their answer', ['assign', 'start', 'request-info', 'requester-replied'], 'in-progress'],
    ['a vendor wait', ['assign', 'start', 'wait-on-vendor', 'start', 'resolve'], 'resolved'],
    ['escalated to the dedicated team and back', ['assign', 'escalate', 'hand-back', 'resolve'], 'resolved'],
    ['Sev A straight to the dedicated team, then a Microsoft case', ['escalate', 'escalate', 'wait-on-vendor'], 'waiting-on-vendor'],
    ['reopened and worked again', ['assign', 'resolve', 'reopen', 'start', 'resolve', 'close'], 'closed'],
    ['withdrawn by the requester', ['assign', 'start', 'withdraw'], 'closed'],
  ])('%s', (_name, actions, end) => {
    expect(walk('new', actions)).toBe(end);
  });

  test('a closed ticket cannot be reopened', () => {
    expect(() => walk('new', ['resolve', 'close', 'reopen'])).toThrow(InvalidTransitionError);
  });
});

describe('helpers', () => {
  test('allowedActions lists the buttons for a status, in table order', () => {
    expect(allowedActions('resolved')).toEqual(['close', 'reopen']);
    expect(allowedActions('closed')).toEqual([]);
    expect(allowedActions('new')).toEqual(['assign', 'requester-replied', 'escalate', 'resolve', 'withdraw']);
  });

  test('allowedActions for an actor', () => {
    expect(allowedActions('waiting-on-requester', 'requester')).toEqual(['requester-replied', 'withdraw']);
    expect(allowedActions('resolved', 'requester')).toEqual(['close', 'reopen']);
    expect(allowedActions('new', 'system')).toEqual(['escalate']);
    expect(allowedActions('in-progress', 'agent')).toEqual(['assign', 'request-info', 'wait-on-vendor', 'escalate', 'resolve']);
  });

  test('every action has at least one actor; only the requester withdraws or replies', () => {
    for (const a of TICKET_ACTIONS) expect(ACTION_ACTORS[a].length).toBeGreaterThan(0);
    expect(ACTION_ACTORS.withdraw).toEqual(['requester']);
    expect(ACTION_ACTORS['requester-replied']).toEqual(['requester']);
  });

  test.each(TICKET_STATUSES.map((s) => [s] as const))('%s: open, terminal and label', (status) => {
    expect(isOpenStatus(status)).toBe(status !== 'resolved' && status !== 'closed');
    expect(isTerminalStatus(status)).toBe(status === 'closed');
    expect(english(ticketStatusLabel(status))).toMatch(/^[A-Z]/);
    // Only the terminal status has no way out.
    expect(allowedActions(status).length === 0).toBe(isTerminalStatus(status));
  });

  test.each([
    ['just resolved', '2025-01-06T10:00:00Z', true],
    ['at the end of the window', '2025-01-13T10:00:00Z', true],
    ['after the window', '2025-01-13T10:00:01Z', false],
    ['before resolution (clock skew)', '2025-01-06T09:59:59Z', false],
  ])('reopen window: %s', (_name, now, expected) => {
    expect(isWithinReopenWindow(new Date('2025-01-06T10:00:00Z'), new Date(now), 7 * 24 * 60)).toBe(expected);
  });

  test('parsing statuses and actions from storage or card data', () => {
    for (const s of TICKET_STATUSES) expect(parseTicketStatus(s)).toBe(s);
    for (const a of TICKET_ACTIONS) expect(parseTicketAction(a)).toBe(a);
    expect(isTicketStatus('open')).toBe(false);
    expect(isTicketAction('delete')).toBe(false);
    expect(() => parseTicketStatus('In progress')).toThrow(UnknownValueError);
    expect(() => parseTicketAction(undefined)).toThrow(UnknownValueError);
  });
});
