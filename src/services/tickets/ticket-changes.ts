/**
 * Applying one command to a ticket: the next ticket, the history events and what the requester must
 * be told. Pure: the service reads, calls these, and writes everything in one transaction.
 */
import { firstResponseAt, ticketEvent, type HistoryActor, type PersonRef, type TicketHistoryEvent } from '../../domain/history';
import { isEscalationTarget, type EscalationTarget } from '../../domain/support-model';
import { withExternalReference, type Ticket } from '../../domain/tickets/ticket';
import { canApply, TICKET_STATUS_LABELS, transition, type TicketAction, type TicketStatus } from '../../domain/ticket-status';

export type AgentCommand =
  | { readonly type: 'assign'; readonly assignee: PersonRef }
  | { readonly type: 'status'; readonly action: unknown }
  | { readonly type: 'note'; readonly text: unknown }
  | { readonly type: 'reply'; readonly text: unknown }
  | { readonly type: 'request-info'; readonly text: unknown }
  | { readonly type: 'resolve'; readonly resolution: unknown }
  | { readonly type: 'reopen' }
  | { readonly type: 'escalate'; readonly target: unknown; readonly caseReference: unknown };

export type RequesterCommand =
  | { readonly type: 'answer'; readonly text: unknown }
  | { readonly type: 'add-details'; readonly text: unknown }
  | { readonly type: 'withdraw' }
  | { readonly type: 'reopen' }
  | { readonly type: 'confirm' };

export interface Change {
  readonly next: Ticket;
  readonly events: readonly TicketHistoryEvent[];
  /** What the requester is told in a DM, if anything (status changes, replies, questions). */
  readonly tellRequester?: { readonly heading: string; readonly message?: string };
  /** Escalated to the dedicated team: post the ticket card in their channel. */
  readonly handToDedicatedTeam?: boolean;
  /** One line for the person who acted. */
  readonly done: string;
}

/** Why a command could not apply, in words for the person who pressed the button. */
export class CommandRefused extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'CommandRefused';
  }
}

const MAX_TEXT = 4000;

export function requiredText(value: unknown, what: string): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') throw new CommandRefused(`Please write ${what} first.`);
  if (text.length > MAX_TEXT) throw new CommandRefused(`${what[0].toUpperCase()}${what.slice(1)} is too long (at most ${MAX_TEXT} characters).`);
  return text;
}

/** The card's "last note" each appended thing leaves, and the line for whoever appended it. */
const APPENDS = {
  note: { lastNote: (text: string) => text, done: 'Note added (the requester does not see it).' },
  reply: { lastNote: (text: string) => `Reply: ${text}`, done: 'Reply sent to the requester.' },
  'request-info': { lastNote: (text: string) => `Asked: ${text}`, done: 'Question sent to the requester.' },
  answer: { lastNote: (text: string) => `Requester: ${text}`, done: 'Thanks: your answer is with the help desk.' },
  'add-details': { lastNote: (text: string) => `Requester added: ${text}`, done: 'Added: the help desk sees it on the ticket.' },
} as const;

function lastNoteBy(actor: PersonRef, text: string, now: Date): NonNullable<Ticket['lastNote']> {
  return { text, by: actor.displayName, byId: actor.aadObjectId, at: now.toISOString() };
}

/**
 * A double click sends the same note (reply, question, answer, details) twice under two activity ids,
 * and the second may arrive after the first was saved, so the ETag does not stop it. Within this window
 * the same person appending the same text as the ticket's last note is taken as one action.
 */
export const REPEAT_WINDOW_MS = 10_000;

/** If `command` repeats the last thing this person appended within the window: the line they were told. */
export function repeatOf(ticket: Ticket, command: AgentCommand | RequesterCommand, actor: PersonRef, now: Date): string | undefined {
  const append = command.type in APPENDS ? APPENDS[command.type as keyof typeof APPENDS] : undefined;
  const value = 'text' in command ? command.text : undefined;
  const text = typeof value === 'string' ? value.trim() : '';
  const last = ticket.lastNote;
  if (append === undefined || text === '' || last?.byId !== actor.aadObjectId) return undefined;
  const age = now.getTime() - Date.parse(last.at);
  return last.text === append.lastNote(text) && age >= 0 && age <= REPEAT_WINDOW_MS ? append.done : undefined;
}

function step(ticket: Ticket, action: TicketAction): { from: TicketStatus; to: TicketStatus } {
  if (!canApply(ticket.status, action)) {
    throw new CommandRefused(`That isn't possible while the ticket is ${TICKET_STATUS_LABELS[ticket.status].toLowerCase()}.`);
  }
  return { from: ticket.status, to: transition(ticket.status, action) };
}

function changed(s: { from: TicketStatus; to: TicketStatus }) {
  return s.from === s.to ? {} : { statusChange: s };
}

/** Bumps version and timestamps, and stops the first-response clock on the first qualifying event. */
function finish(ticket: Ticket, next: Partial<Ticket>, events: TicketHistoryEvent[], now: Date): Ticket {
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

export function applyAgentCommand(ticket: Ticket, command: AgentCommand, actor: HistoryActor & { kind: 'user' }, now: Date): Change {
  const note = (text: string) => lastNoteBy(actor, text, now);
  switch (command.type) {
    case 'assign': {
      if (ticket.assignee?.aadObjectId === command.assignee.aadObjectId) {
        throw new CommandRefused(`${command.assignee.displayName} already has this ticket.`);
      }
      const s = step(ticket, 'assign');
      const events = [ticketEvent('assigned', actor, now, { assignee: command.assignee, previous: ticket.assignee, ...changed(s) })];
      const you = command.assignee.aadObjectId === actor.aadObjectId;
      return {
        next: finish(ticket, { status: s.to, assignee: command.assignee }, events, now),
        events,
        tellRequester: s.from !== s.to ? { heading: `${ticket.number} is now with ${command.assignee.displayName}` } : undefined,
        done: you ? 'You have this ticket now.' : `Assigned to ${command.assignee.displayName}.`,
      };
    }
    case 'status': {
      const action = command.action;
      if (action !== 'start' && action !== 'wait-on-vendor' && action !== 'hand-back' && action !== 'close') throw new CommandRefused('Pick a status first.');
      const s = step(ticket, action);
      const events =
        action === 'start'
          ? [ticketEvent('started', actor, now, changed(s))]
          : action === 'wait-on-vendor'
            ? [ticketEvent('waiting-on-vendor', actor, now, { target: ticket.escalatedTo === 'microsoft' ? 'microsoft' : 'partner', ...changed(s) })]
            : action === 'hand-back'
              ? [ticketEvent('handed-back', actor, now, changed(s))]
              : [ticketEvent('closed', actor, now, { reason: 'agent', ...changed(s) })];
      return {
        next: finish(ticket, { status: s.to }, events, now),
        events,
        tellRequester: { heading: `${ticket.number} is now ${TICKET_STATUS_LABELS[s.to].toLowerCase()}` },
        done: `Status changed to ${TICKET_STATUS_LABELS[s.to]}.`,
      };
    }
    case 'note': {
      if (ticket.status === 'closed') throw new CommandRefused('This ticket is closed.');
      const text = requiredText(command.text, 'a note');
      const events = [ticketEvent('note-added', actor, now, { text })];
      return { next: finish(ticket, { lastNote: note(APPENDS.note.lastNote(text)) }, events, now), events, done: APPENDS.note.done };
    }
    case 'reply': {
      if (ticket.status === 'closed' || ticket.status === 'resolved') throw new CommandRefused('This ticket is no longer open; reopen it first.');
      const text = requiredText(command.text, 'a reply');
      const events = [ticketEvent('replied-to-requester', actor, now, { text })];
      return {
        next: finish(ticket, { lastNote: note(APPENDS.reply.lastNote(text)) }, events, now),
        events,
        tellRequester: { heading: `${actor.displayName} replied about ${ticket.number}`, message: text },
        done: APPENDS.reply.done,
      };
    }
    case 'request-info': {
      const question = requiredText(command.text, 'your question');
      const s = step(ticket, 'request-info');
      const events = [ticketEvent('info-requested', actor, now, { question, ...changed(s) })];
      return {
        next: finish(ticket, { status: s.to, pendingQuestion: question, lastNote: note(APPENDS['request-info'].lastNote(question)) }, events, now),
        events,
        tellRequester: { heading: `${actor.displayName} needs more information about ${ticket.number}`, message: question },
        done: APPENDS['request-info'].done,
      };
    }
    case 'resolve': {
      const resolution = requiredText(command.resolution, 'the resolution');
      const s = step(ticket, 'resolve');
      const events = [ticketEvent('resolved', actor, now, { resolution, ...changed(s) })];
      const at = now.toISOString();
      return {
        next: finish(ticket, { status: s.to, resolution, resolvedAt: at, pendingQuestion: undefined, sla: { ...ticket.sla, resolution: { ...ticket.sla.resolution, metAt: at } } }, events, now),
        events,
        tellRequester: { heading: `${ticket.number} is resolved`, message: resolution },
        done: 'Resolved; the requester was told.',
      };
    }
    case 'reopen': {
      const s = step(ticket, 'reopen');
      const events = [ticketEvent('reopened', actor, now, changed(s))];
      return {
        next: finish(ticket, { status: s.to, sla: { ...ticket.sla, resolution: { ...ticket.sla.resolution, metAt: undefined } } }, events, now),
        events,
        tellRequester: { heading: `${ticket.number} was reopened` },
        done: 'Reopened.',
      };
    }
    case 'escalate':
      return escalate(ticket, command.target, command.caseReference, actor, now, 'agent');
  }
}

/** Escalation by an agent, or by the system (SLA breach on a Critical solution). */
export function escalate(
  ticket: Ticket,
  targetValue: unknown,
  caseValue: unknown,
  actor: HistoryActor,
  now: Date,
  trigger: 'agent' | 'sla-breach' | 'sev-a-critical',
): Change {
  if (!isEscalationTarget(targetValue)) throw new CommandRefused('Pick where to escalate: the Power Platform team, our partner, or Microsoft.');
  const target: EscalationTarget = targetValue;
  const caseReference = typeof caseValue === 'string' ? caseValue.trim() : '';
  if (target === 'microsoft' && caseReference === '') throw new CommandRefused('Escalating to Microsoft needs the support case number.');
  if (caseReference.length > 100) throw new CommandRefused('The case number is too long (at most 100 characters).');
  if (ticket.escalatedTo === target && ticket.status === 'escalated') throw new CommandRefused('It is already escalated there.');
  const s = step(ticket, 'escalate');
  const events: TicketHistoryEvent[] = [ticketEvent('escalated', actor, now, { target, trigger, ...(caseReference ? { caseReference } : {}), ...changed(s) })];
  const externalReferences =
    target !== 'dedicated-team' && caseReference
      ? withExternalReference(ticket.externalReferences, { target, caseReference, at: now.toISOString() })
      : ticket.externalReferences;
  const where = { 'dedicated-team': 'the Power Platform team', partner: 'our support partner', microsoft: 'Microsoft support' }[target];
  return {
    next: finish(ticket, { status: s.to, escalatedTo: target, externalReferences }, events, now),
    events,
    tellRequester: s.from !== s.to ? { heading: `${ticket.number} was escalated to ${where}` } : undefined,
    handToDedicatedTeam: target === 'dedicated-team',
    done: `Escalated to ${where}.`,
  };
}

export function applyRequesterCommand(
  ticket: Ticket,
  command: RequesterCommand,
  actor: HistoryActor & { kind: 'user' },
  now: Date,
  reopenAllowed: boolean,
): Change {
  switch (command.type) {
    case 'answer': {
      const text = requiredText(command.text, 'your answer');
      const s = step(ticket, 'requester-replied');
      const events = [ticketEvent('requester-replied', actor, now, { text, ...changed(s) })];
      return {
        next: finish(ticket, { status: s.to, pendingQuestion: undefined, lastNote: lastNoteBy(actor, APPENDS.answer.lastNote(text), now) }, events, now),
        events,
        done: APPENDS.answer.done,
      };
    }
    case 'add-details': {
      if (ticket.status === 'resolved' || ticket.status === 'closed') throw new CommandRefused('This ticket is no longer open.');
      const text = requiredText(command.text, 'the details');
      const events = [ticketEvent('details-added', actor, now, { text })];
      return {
        next: finish(ticket, { lastNote: lastNoteBy(actor, APPENDS['add-details'].lastNote(text), now) }, events, now),
        events,
        done: APPENDS['add-details'].done,
      };
    }
    case 'withdraw': {
      const s = step(ticket, 'withdraw');
      const events = [ticketEvent('withdrawn', actor, now, changed(s))];
      return { next: finish(ticket, { status: s.to }, events, now), events, done: 'Withdrawn: the help desk will not work on it any more.' };
    }
    case 'reopen': {
      if (!reopenAllowed) throw new CommandRefused('It was resolved too long ago to reopen: please start a new request.');
      const s = step(ticket, 'reopen');
      const events = [ticketEvent('reopened', actor, now, changed(s))];
      return {
        next: finish(ticket, { status: s.to, sla: { ...ticket.sla, resolution: { ...ticket.sla.resolution, metAt: undefined } } }, events, now),
        events,
        done: 'Reopened: the help desk will pick it up again.',
      };
    }
    case 'confirm': {
      const s = step(ticket, 'close');
      const events = [ticketEvent('closed', actor, now, { reason: 'confirmed', ...changed(s) })];
      return { next: finish(ticket, { status: s.to }, events, now), events, done: 'Thanks for confirming: the ticket is closed.' };
    }
  }
}
