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
  waitingOn,
  type TicketStatus,
} from '../../../src/domain/ticket-status';

/**
 * The full transition table, written out independently of the source. Columns follow this order;
 * each cell is the status after the action, or '-' when the action is not allowed. Issue 13 added the
 * dedicated team's columns (accept … return) and the statuses waiting-on-help-desk, waiting-on-maker
 * and returned; the existing cells are unchanged.
 */
const COLUMNS: TicketAction[] = [
  'assign',
  'start',
  'request-info',
  'requester-replied',
  'wait-on-vendor',
  'escalate',
  'resolve',
  'close',
  'reopen',
  'withdraw',
  'accept',
  'ask-help-desk',
  'ask-maker',
  'info-given',
  'return-to-help-desk',
];
const WR = 'waiting-on-requester';
const WV = 'waiting-on-vendor';
const WH = 'waiting-on-help-desk';
const WM = 'waiting-on-maker';
// prettier-ignore
const TABLE: Record<TicketStatus, string[]> = {
  //                      assign        start          request-info  req-replied   wait-on-vendor escalate     resolve     close     reopen      withdraw  accept         ask-help-desk ask-maker info-given     return
  'new':                  ['assigned',  '-',           '-',          'new',        '-',           'escalated',           'resolved', '-',      '-',        'closed', '-',           '-',          '-',      '-',           '-'],
  'assigned':             ['assigned',  'in-progress', WR,           'assigned',   WV,            'escalated',           'resolved', '-',      '-',        'closed', '-',           '-',          '-',      '-',           '-'],
  'in-progress':          ['in-progress', '-',         WR,           'in-progress', WV,           'escalated',           'resolved', '-',      '-',        'closed', '-',           WH,           WM,       '-',           'returned'],
  'waiting-on-requester': [WR,          'in-progress', WR,           'in-progress', WV,           'escalated',           'resolved', '-',      '-',        'closed', '-',           WH,           WM,       '-',           'returned'],
  'waiting-on-vendor':    [WV,          'in-progress', WR,           WV,           '-',           'escalated',           'resolved', '-',      '-',        'closed', '-',           WH,           WM,       '-',           'returned'],
  'waiting-on-help-desk': [WH,          'in-progress', WR,           WH,           WV,            'escalated',           'resolved', '-',      '-',        'closed', '-',           WH,           WM,       'in-progress', 'returned'],
  'waiting-on-maker':     [WM,          'in-progress', WR,           WM,           WV,            'escalated',           'resolved', '-',      '-',        'closed', '-',           WH,           WM,       'in-progress', 'returned'],
  'escalated':            ['escalated', '-',           '-',          'escalated',  WV,            'escalated', 'resolved', '-',      '-',        'closed', 'in-progress', '-',          '-',      '-',           'returned'],
  'resolved':             ['-',         '-',           '-',          '-',          '-',           '-',           '-',        'closed', 'reopened', '-',      '-',           '-',          '-',      '-',           '-'],
  'closed':               ['-',         '-',           '-',          '-',          '-',           '-',           '-',        '-',      '-',        '-',      '-',           '-',          '-',      '-',           '-'],
  'reopened':             ['assigned',  'in-progress', WR,           'reopened',   WV,            'escalated',           'resolved', '-',      '-',        'closed', '-',           WH,           WM,       '-',           'returned'],
  'returned':             ['assigned',  'in-progress', WR,           'returned',   WV,            'escalated',           'resolved', '-',      '-',        'closed', '-',           '-',          '-',      '-',           '-'],
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
    ['escalated to the dedicated team, accepted and resolved there', ['assign', 'escalate', 'accept', 'resolve'], 'resolved'],
    ['Sev A straight to the dedicated team, then a Microsoft case', ['escalate', 'escalate', 'wait-on-vendor'], 'waiting-on-vendor'],
    [
      'accepted by the dedicated team, who ask the maker and get an answer',
      ['escalate', 'accept', 'ask-maker', 'info-given', 'resolve'],
      'resolved',
    ],
    [
      'accepted, the help desk asked, then returned and worked by the help desk',
      ['escalate', 'accept', 'ask-help-desk', 'info-given', 'return-to-help-desk', 'start', 'resolve'],
      'resolved',
    ],
    ['returned before anyone accepted it, reassigned', ['escalate', 'return-to-help-desk', 'assign'], 'assigned'],
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
    // Issue 13 added the dedicated team's questions and Return (who may press them: tickets/ticket-permissions.ts).
    expect(allowedActions('in-progress', 'agent')).toEqual([
      'assign',
      'request-info',
      'wait-on-vendor',
      'escalate',
      'resolve',
      'ask-help-desk',
      'ask-maker',
      'return-to-help-desk',
    ]);
    expect(allowedActions('escalated', 'agent')).toEqual([
      'assign',
      'wait-on-vendor',
      'escalate',
      'resolve',
      'accept',
      'return-to-help-desk',
    ]);
    expect(allowedActions('waiting-on-maker', 'maker')).toEqual(['info-given']);
    expect(allowedActions('waiting-on-help-desk', 'requester')).toEqual(['requester-replied', 'withdraw']);
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
    expect(waitingOn(status)).toBe(
      (
        {
          'waiting-on-requester': 'requester',
          'waiting-on-vendor': 'vendor',
          'waiting-on-help-desk': 'help-desk',
          'waiting-on-maker': 'maker',
        } as Record<string, string>
      )[status],
    );
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
