/**
 * Moving a ticket through its state machine (../ticket-status.ts): a step that is refused when the
 * status does not allow it, the status named in words, and the bookkeeping every change ends with.
 */
import { firstResponseAt, type TicketHistoryEvent } from '../history';
import type { MessageKey } from '../message-keys';
import { text, type Text } from '../text';
import { canApply, transition, type TicketAction, type TicketStatus } from '../ticket-status';
import type { Ticket } from './ticket';
import { refuse } from './ticket-commands';

const STATUS_IN_SENTENCE = {
  new: 'labels.ticketStatusInSentence.new',
  assigned: 'labels.ticketStatusInSentence.assigned',
  'in-progress': 'labels.ticketStatusInSentence.in-progress',
  'waiting-on-requester': 'labels.ticketStatusInSentence.waiting-on-requester',
  'waiting-on-vendor': 'labels.ticketStatusInSentence.waiting-on-vendor',
  escalated: 'labels.ticketStatusInSentence.escalated',
  resolved: 'labels.ticketStatusInSentence.resolved',
  closed: 'labels.ticketStatusInSentence.closed',
  reopened: 'labels.ticketStatusInSentence.reopened',
  'waiting-on-help-desk': 'labels.ticketStatusInSentence.waiting-on-help-desk',
  'waiting-on-maker': 'labels.ticketStatusInSentence.waiting-on-maker',
  returned: 'labels.ticketStatusInSentence.returned',
} as const satisfies Record<TicketStatus, MessageKey>;

const STATUS = {
  new: 'labels.ticketStatus.new',
  assigned: 'labels.ticketStatus.assigned',
  'in-progress': 'labels.ticketStatus.in-progress',
  'waiting-on-requester': 'labels.ticketStatus.waiting-on-requester',
  'waiting-on-vendor': 'labels.ticketStatus.waiting-on-vendor',
  escalated: 'labels.ticketStatus.escalated',
  resolved: 'labels.ticketStatus.resolved',
  closed: 'labels.ticketStatus.closed',
  reopened: 'labels.ticketStatus.reopened',
  'waiting-on-help-desk': 'labels.ticketStatus.waiting-on-help-desk',
  'waiting-on-maker': 'labels.ticketStatus.waiting-on-maker',
  returned: 'labels.ticketStatus.returned',
} as const satisfies Record<TicketStatus, MessageKey>;

/** "In progress": a status on its own. */
export function statusLabel(status: TicketStatus): Text {
  return text(STATUS[status]);
}

/** "in progress": a status inside a sentence. */
export function statusInSentence(status: TicketStatus): Text {
  return text(STATUS_IN_SENTENCE[status]);
}

/** The move `action` makes from the ticket's status; refused when the state machine does not allow it. */
export function step(ticket: Ticket, action: TicketAction): { from: TicketStatus; to: TicketStatus } {
  if (!canApply(ticket.status, action)) refuse('messages.tickets.refused.notNow', { status: statusInSentence(ticket.status) });
  return { from: ticket.status, to: transition(ticket.status, action) };
}

/** The history event's status change, when the move changed the status. */
export function changed(s: { from: TicketStatus; to: TicketStatus }) {
  return s.from === s.to ? {} : { statusChange: s };
}

/** Bumps version and timestamps, and stops the first-response clock on the first qualifying event. */
export function finish(ticket: Ticket, next: Partial<Ticket>, events: TicketHistoryEvent[], now: Date): Ticket {
  const at = now.toISOString();
  const fr = ticket.sla['first-response'];
  const metAt = fr.metAt ?? firstResponseAt(events);
  return {
    ...ticket,
    ...next,
    sla: { ...ticket.sla, ...next.sla, 'first-response': { ...fr, ...(metAt ? { metAt } : {}) } },
    version: ticket.version + 1,
    updatedAt: at,
  };
}
