/** The requester's commands on their own ticket (from their 1:1 chat). */
import { ticketEvent, type HistoryActor } from '../history';
import { text } from '../text';
import type { Ticket } from './ticket';
import { requiredText } from './command-text';
import { APPENDS, lastNoteBy } from './repeat-detection';
import { changed, finish, step } from './status-moves';
import { refuse, type Change, type RequesterCommand } from './ticket-commands';

export function applyRequesterCommand(
  ticket: Ticket,
  command: RequesterCommand,
  actor: HistoryActor & { kind: 'user' },
  now: Date,
  reopenAllowed: boolean,
): Change {
  switch (command.type) {
    case 'answer': {
      const typed = requiredText(command.text, 'answer');
      const s = step(ticket, 'requester-replied');
      const events = [ticketEvent('requester-replied', actor, now, { text: typed, ...changed(s) })];
      return {
        next: finish(ticket, { status: s.to, pendingQuestion: undefined, lastNote: lastNoteBy(actor, 'answer', typed, now) }, events, now),
        events,
        done: APPENDS.answer.done,
      };
    }
    case 'add-details': {
      if (ticket.status === 'resolved' || ticket.status === 'closed') refuse('messages.tickets.refused.noLongerOpen');
      const typed = requiredText(command.text, 'details');
      const events = [ticketEvent('details-added', actor, now, { text: typed })];
      return {
        next: finish(ticket, { lastNote: lastNoteBy(actor, 'add-details', typed, now) }, events, now),
        events,
        done: APPENDS['add-details'].done,
      };
    }
    case 'withdraw': {
      const s = step(ticket, 'withdraw');
      const events = [ticketEvent('withdrawn', actor, now, changed(s))];
      return { next: finish(ticket, { status: s.to }, events, now), events, done: text('messages.tickets.done.withdrawn') };
    }
    case 'reopen': {
      if (!reopenAllowed) refuse('messages.tickets.refused.tooLateToReopen');
      const s = step(ticket, 'reopen');
      const events = [ticketEvent('reopened', actor, now, changed(s))];
      return {
        next: finish(
          ticket,
          { status: s.to, sla: { ...ticket.sla, resolution: { ...ticket.sla.resolution, metAt: undefined } } },
          events,
          now,
        ),
        events,
        done: text('messages.tickets.done.reopenedByRequester'),
      };
    }
    case 'confirm': {
      const s = step(ticket, 'close');
      const events = [ticketEvent('closed', actor, now, { reason: 'confirmed', ...changed(s) })];
      return { next: finish(ticket, { status: s.to }, events, now), events, done: text('messages.tickets.done.confirmed') };
    }
  }
}
