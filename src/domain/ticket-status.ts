/**
 * The help desk ticket's state machine. Statuses and actions are closed sets; the table below is
 * the only place that says which action is allowed from which status and where it leads.
 */
import { InvalidTransitionError, literalGuard, literalParser } from './errors';

export const TICKET_STATUSES = [
  'new',
  'assigned',
  'in-progress',
  'waiting-on-requester',
  'waiting-on-vendor',
  'waiting-on-help-desk',
  'waiting-on-maker',
  'escalated',
  'resolved',
  'closed',
  'reopened',
  'returned',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export const isTicketStatus = literalGuard(TICKET_STATUSES);
export const parseTicketStatus = literalParser('ticket status', TICKET_STATUSES);

export const TICKET_ACTIONS = [
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
  // The dedicated team's queue (issue 13).
  'accept',
  'ask-help-desk',
  'ask-maker',
  'info-given',
  'return-to-help-desk',
] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];
export const isTicketAction = literalGuard(TICKET_ACTIONS);
export const parseTicketAction = literalParser('ticket action', TICKET_ACTIONS);

/**
 * Who may take an action. Who is an agent (a member of the team holding the ticket) or the maker is
 * decided from storage and rosters (tickets/ticket-permissions.ts), never from card data.
 */
export type TicketActor = 'agent' | 'requester' | 'maker' | 'system';

export const ACTION_ACTORS: Readonly<Record<TicketAction, readonly TicketActor[]>> = {
  assign: ['agent'],
  start: ['agent'],
  'request-info': ['agent'],
  'requester-replied': ['requester'],
  'wait-on-vendor': ['agent'],
  // The system escalates by the breach policy and at intake (Sev A on a Critical solution, platform down).
  escalate: ['agent', 'system'],
  resolve: ['agent'],
  // The requester confirms a resolution, or the system closes once the reopen window has passed.
  close: ['agent', 'requester', 'system'],
  reopen: ['agent', 'requester'],
  withdraw: ['requester'],
  accept: ['agent'],
  'ask-help-desk': ['agent'],
  'ask-maker': ['agent'],
  // The help desk answers the dedicated team's question, or the maker answers theirs.
  'info-given': ['agent', 'maker'],
  'return-to-help-desk': ['agent'],
};

type Row = Partial<Record<TicketAction, TicketStatus>>;
const open = (status: TicketStatus, overrides: Row): Row => ({
  // Every open status: (re)assign keeps the status, escalating and resolving are always possible,
  // a requester's reply is recorded, and the requester may withdraw.
  assign: status,
  escalate: 'escalated',
  resolve: 'resolved',
  'requester-replied': status,
  withdraw: 'closed',
  ...overrides,
});

/** The dedicated team's questions and its Return, from the statuses a ticket it works can be in. */
const DEDICATED: Row = {
  'ask-help-desk': 'waiting-on-help-desk',
  'ask-maker': 'waiting-on-maker',
  'return-to-help-desk': 'returned',
};

/** TRANSITIONS[from][action] = the status after the action; missing = not allowed. */
export const TRANSITIONS: Readonly<Record<TicketStatus, Readonly<Row>>> = {
  new: open('new', { assign: 'assigned' }),
  assigned: open('assigned', {
    start: 'in-progress',
    'request-info': 'waiting-on-requester',
    'wait-on-vendor': 'waiting-on-vendor',
  }),
  'in-progress': open('in-progress', {
    'request-info': 'waiting-on-requester',
    'wait-on-vendor': 'waiting-on-vendor',
    ...DEDICATED,
  }),
  'waiting-on-requester': open('waiting-on-requester', {
    start: 'in-progress',
    'request-info': 'waiting-on-requester',
    'requester-replied': 'in-progress',
    'wait-on-vendor': 'waiting-on-vendor',
    ...DEDICATED,
  }),
  'waiting-on-vendor': open('waiting-on-vendor', {
    start: 'in-progress',
    'request-info': 'waiting-on-requester',
    ...DEDICATED,
  }),
  'waiting-on-help-desk': open('waiting-on-help-desk', {
    start: 'in-progress',
    'request-info': 'waiting-on-requester',
    'wait-on-vendor': 'waiting-on-vendor',
    'info-given': 'in-progress',
    ...DEDICATED,
  }),
  'waiting-on-maker': open('waiting-on-maker', {
    start: 'in-progress',
    'request-info': 'waiting-on-requester',
    'wait-on-vendor': 'waiting-on-vendor',
    'info-given': 'in-progress',
    ...DEDICATED,
  }),
  // Waiting for the dedicated team to accept. Escalating again (legacy) moved it on to a partner or Microsoft.
  // (The legacy "Back from escalation" is retired: Return to the help desk replaces it.)
  escalated: open('escalated', {
    'wait-on-vendor': 'waiting-on-vendor',
    accept: 'in-progress',
    'return-to-help-desk': 'returned',
  }),
  resolved: { close: 'closed', reopen: 'reopened' },
  closed: {},
  reopened: open('reopened', {
    assign: 'assigned',
    start: 'in-progress',
    'request-info': 'waiting-on-requester',
    'wait-on-vendor': 'waiting-on-vendor',
    ...DEDICATED,
  }),
  // Back with the help desk after the dedicated team returned it: worked like a reopened ticket.
  returned: open('returned', {
    assign: 'assigned',
    start: 'in-progress',
    'request-info': 'waiting-on-requester',
    'wait-on-vendor': 'waiting-on-vendor',
  }),
};

/** The status after `action`, or an InvalidTransitionError. */
export function transition(from: TicketStatus, action: TicketAction): TicketStatus {
  const to = TRANSITIONS[from][action];
  if (to === undefined) throw new InvalidTransitionError(from, action);
  return to;
}

export function canApply(from: TicketStatus, action: TicketAction): boolean {
  return TRANSITIONS[from][action] !== undefined;
}

/** The actions a card offers for a status (optionally only those an actor may take), in table order. */
export function allowedActions(from: TicketStatus, actor?: TicketActor): readonly TicketAction[] {
  return TICKET_ACTIONS.filter((a) => canApply(from, a) && (actor === undefined || ACTION_ACTORS[a].includes(actor)));
}

export function isOpenStatus(status: TicketStatus): boolean {
  return status !== 'resolved' && status !== 'closed';
}

export function isTerminalStatus(status: TicketStatus): boolean {
  return status === 'closed';
}

/** Whom an open ticket is waiting on, if anyone (a vendor: a partner or Microsoft). */
export type WaitingParty = 'requester' | 'vendor' | 'help-desk' | 'maker';

export function waitingOn(status: TicketStatus): WaitingParty | undefined {
  switch (status) {
    case 'waiting-on-requester':
      return 'requester';
    case 'waiting-on-vendor':
      return 'vendor';
    case 'waiting-on-help-desk':
      return 'help-desk';
    case 'waiting-on-maker':
      return 'maker';
    default:
      return undefined;
  }
}

/** Whether a requester can still reopen a ticket resolved at `resolvedAt` (window in minutes). */
export function isWithinReopenWindow(resolvedAt: Date, now: Date, windowMinutes: number): boolean {
  const elapsed = now.getTime() - resolvedAt.getTime();
  return elapsed >= 0 && elapsed <= windowMinutes * 60_000;
}
