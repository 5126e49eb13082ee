/**
 * The help desk ticket for a request that reaches the help desk after submission, built as the
 * intake builds one (number allocated first, idempotent on the request id), with the note of whoever
 * handed it on as an internal note. With `handOff` (the maker's "I'm stuck") it goes on to the
 * dedicated team at once, the note being what happened. None when the request has one already.
 */
import { requestEvent, ticketEvent, type HistoryActor, type RequestHistoryEvent, type TicketHistoryEvent } from '../../domain/history';
import type { SupportRequest } from '../../domain/intake/support-request';
import type { OutboxMessage } from '../../domain/outbox-message';
import type { RequestChange } from '../../domain/ports/request-changes';
import type { TicketNumberAllocator } from '../../domain/ports/tickets';
import { DEFAULT_SLA_CONFIG, type SlaConfig } from '../../domain/sla';
import type { TicketNumber } from '../../domain/ticket-number';
import type { EscalationInput } from '../../domain/escalation/escalate-to-dedicated-team';
import { openTicketFor } from '../tickets/ticket-opening';
import type { NewTicketQueues } from '../tickets/ticket-queues';

export interface TicketDeps {
  readonly numbers: Pick<TicketNumberAllocator, 'allocate'>;
  readonly sla?: SlaConfig;
  /** Which help desk queue a new ticket goes to (and on call); none: the default queue. */
  readonly queues?: NewTicketQueues;
}

export interface OpenedForRequest {
  readonly next: SupportRequest;
  readonly number: TicketNumber;
  readonly events: RequestHistoryEvent[];
  readonly outbox: readonly OutboxMessage[];
  readonly ticket: NonNullable<RequestChange['ticket']>;
}

export async function openHelpDeskTicket(
  tickets: TicketDeps,
  next: SupportRequest,
  actor: HistoryActor,
  now: Date,
  note: string | undefined,
  handOff?: EscalationInput,
): Promise<OpenedForRequest | undefined> {
  if (next.ticketNumber) return undefined;
  const number = await tickets.numbers.allocate(next.id);
  const withTicket: SupportRequest = { ...next, ticketNumber: number };
  const plan = await tickets.queues?.planFor(withTicket, now);
  const opened = openTicketFor(withTicket, number, tickets.sla ?? DEFAULT_SLA_CONFIG, now, handOff, plan);
  const history: TicketHistoryEvent[] = [
    ...opened.history,
    ...(note && !opened.handedOn ? [ticketEvent('note-added', actor, now, { text: note })] : []),
  ];
  return {
    next: withTicket,
    number,
    events: [requestEvent('ticket-opened', { kind: 'system', component: 'router' }, now, { ticketNumber: number })],
    outbox: opened.outbox,
    ticket: { ticket: opened.ticket, history },
  };
}
