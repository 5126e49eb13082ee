/**
 * Words a ticket's cards share (the help desk's card, the dedicated team's hand-off card): the SLA
 * clocks' state and the last thing appended, named by its kind.
 */
import type { MessageKey } from '../domain/message-keys';
import type { SlaKind } from '../domain/sla';
import { instant, text, type Text } from '../domain/text';
import type { LastNoteKind, Ticket } from '../domain/tickets/ticket';

/** A notice for the person who acted, or words for a card field. */
export type Words = Text | string;

export function clockLabel(ticket: Ticket, kind: SlaKind): Text {
  const c = ticket.sla[kind];
  if (c.metAt) return text('messages.tickets.clock.met', { at: instant(c.metAt) });
  if (c.breached) return text('messages.tickets.clock.breached', { at: instant(c.dueAt) });
  if (c.warned) return text('messages.tickets.clock.atRisk', { at: instant(c.dueAt) });
  return text('messages.tickets.clock.due', { at: instant(c.dueAt) });
}

/** The card's "last note" line for each kind of appended text. */
const LAST_NOTE: Readonly<Record<LastNoteKind, MessageKey>> = {
  note: 'messages.tickets.lastNote.note',
  reply: 'messages.tickets.lastNote.reply',
  'request-info': 'messages.tickets.lastNote.request-info',
  answer: 'messages.tickets.lastNote.answer',
  'add-details': 'messages.tickets.lastNote.add-details',
  'info-given': 'messages.handoff.answerNote',
};

/** The card's "last note" line: what was appended last, named by its kind. */
export function lastNoteLabel(ticket: Ticket): Text | '' {
  const n = ticket.lastNote;
  return n ? text(LAST_NOTE[n.kind ?? 'note'], { text: n.text, by: n.by, at: instant(n.at) }) : '';
}
