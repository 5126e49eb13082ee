/** The DM a queue's on-call member gets for a Sev A ticket opened outside its business hours. */
import { instant, text } from '../domain/text';
import type { Ticket } from '../domain/tickets/ticket';
import type { CardRef } from './cards';

export function onCallCard(ticket: Ticket): CardRef {
  return {
    card: 'ticket-on-call',
    data: {
      ticketId: ticket.id,
      heading: text('queues.onCall.heading', { number: ticket.number }),
      title: ticket.title,
      requesterLabel: text('queues.onCall.requester'),
      requester: ticket.requester.displayName,
      solutionLabel: text('queues.onCall.solution'),
      solution: ticket.solution?.name ?? text('queues.onCall.noSolution'),
      dueLabel: text('queues.onCall.due'),
      due: instant(ticket.sla['first-response'].dueAt),
      message: text('queues.onCall.message'),
      openLabel: text('queues.onCall.open'),
    },
  };
}
