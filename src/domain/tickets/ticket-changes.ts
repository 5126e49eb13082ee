/**
 * Applying one command to a ticket: the next ticket, the history events and what the requester must
 * be told; or why it cannot apply. Pure: every rule about who may change what lives here (and in the
 * state machine, ../ticket-status.ts); the service reads, calls these, and writes one transaction.
 * A command has the name of the card's verb (`ticket.assign-me` → `assign-me`).
 */
import { firstResponseAt, ticketEvent, type HistoryActor, type PersonRef, type TicketHistoryEvent } from '../history';
import type { MessageKey } from '../message-keys';
import { isEscalationTarget, type EscalationTarget } from '../support-model';
import { text, type Text } from '../text';
import { withExternalReference, type LastNoteKind, type Ticket } from './ticket';
import { canApply, transition, type TicketAction, type TicketStatus } from '../ticket-status';

export type AgentCommand =
  /** "Assign to me": never takes a ticket from a colleague (that is "Assign to…", on purpose). */
  | { readonly type: 'assign-me'; readonly me: PersonRef }
  /** "Assign to…": someone the service found in the help desk's team. */
  | { readonly type: 'assign-to'; readonly assignee: PersonRef }
  | { readonly type: 'status'; readonly action: unknown }
  | { readonly type: 'note'; readonly text: unknown }
  | { readonly type: 'reply'; readonly text: unknown }
  | { readonly type: 'request-info'; readonly text: unknown }
  | { readonly type: 'resolve'; readonly resolution: unknown }
  | { readonly type: 'reopen' }
  /** Partner and Microsoft (legacy); the dedicated team's hand-off is escalation/escalate-to-dedicated-team.ts (`summary`, `tried`). */
  | { readonly type: 'escalate'; readonly target: unknown; readonly caseReference: unknown; readonly summary?: unknown; readonly tried?: unknown };

export type RequesterCommand =
  | { readonly type: 'answer'; readonly text: unknown }
  | { readonly type: 'add-details'; readonly text: unknown }
  | { readonly type: 'withdraw' }
  | { readonly type: 'reopen' }
  | { readonly type: 'confirm' };

export interface Change {
  readonly next: Ticket;
  readonly events: readonly TicketHistoryEvent[];
  /** What the requester is told in a DM, if anything (status changes, replies, questions); `message` is what the help desk typed. */
  readonly tellRequester?: { readonly heading: Text; readonly message?: Text | string };
  /** Escalated to the dedicated team: post the ticket card in their channel. */
  readonly handToDedicatedTeam?: boolean;
  /** One line for the person who acted. */
  readonly done: Text;
}

/** Why a command could not apply, in words for the person who pressed the button. */
export class CommandRefused extends Error {
  constructor(readonly reason: Text) {
    super(reason.key);
    this.name = 'CommandRefused';
  }
}

const refuse = (key: MessageKey, params?: Record<string, string | number | Text>): never => {
  throw new CommandRefused(text(key, params));
};

const MAX_TEXT = 4000;

/** What a command's text is, for its refusals ("Please write a note first."). */
type TextField = 'note' | 'reply' | 'question' | 'resolution' | 'answer' | 'details';

const MISSING = {
  note: 'messages.tickets.refused.missing.note',
  reply: 'messages.tickets.refused.missing.reply',
  question: 'messages.tickets.refused.missing.question',
  resolution: 'messages.tickets.refused.missing.resolution',
  answer: 'messages.tickets.refused.missing.answer',
  details: 'messages.tickets.refused.missing.details',
} as const satisfies Record<TextField, MessageKey>;

const TOO_LONG = {
  note: 'messages.tickets.refused.tooLong.note',
  reply: 'messages.tickets.refused.tooLong.reply',
  question: 'messages.tickets.refused.tooLong.question',
  resolution: 'messages.tickets.refused.tooLong.resolution',
  answer: 'messages.tickets.refused.tooLong.answer',
  details: 'messages.tickets.refused.tooLong.details',
} as const satisfies Record<TextField, MessageKey>;

export function requiredText(value: unknown, what: TextField): string {
  const typed = typeof value === 'string' ? value.trim() : '';
  if (typed === '') refuse(MISSING[what]);
  if (typed.length > MAX_TEXT) refuse(TOO_LONG[what], { max: MAX_TEXT });
  return typed;
}

/** What each appended thing is called on the card's "last note" (the kind is stored, the words are not). */
const APPENDS = {
  note: { done: text('messages.tickets.done.note') },
  reply: { done: text('messages.tickets.done.reply') },
  'request-info': { done: text('messages.tickets.done.request-info') },
  answer: { done: text('messages.tickets.done.answer') },
  'add-details': { done: text('messages.tickets.done.add-details') },
  'info-given': { done: text('messages.handoff.done.answered') },
} as const satisfies Record<LastNoteKind, unknown>;

export function lastNoteBy(actor: PersonRef, kind: LastNoteKind, text: string, now: Date): NonNullable<Ticket['lastNote']> {
  return { kind, text, by: actor.displayName, byId: actor.aadObjectId, at: now.toISOString() };
}

/**
 * A double click sends the same note (reply, question, answer, details) twice under two activity ids,
 * and the second may arrive after the first was saved, so the ETag does not stop it. Within this window
 * the same person appending the same text as the ticket's last note is taken as one action.
 */
export const REPEAT_WINDOW_MS = 10_000;

/** If `command` repeats the last thing this person appended within the window: the line they were told. */
export function repeatOf(ticket: Ticket, command: { readonly type: string; readonly text?: unknown; readonly [other: string]: unknown }, actor: PersonRef, now: Date): Text | undefined {
  const append = Object.prototype.hasOwnProperty.call(APPENDS, command.type) ? APPENDS[command.type as keyof typeof APPENDS] : undefined;
  const value = 'text' in command ? command.text : undefined;
  const typed = typeof value === 'string' ? value.trim() : '';
  const last = ticket.lastNote;
  if (append === undefined || typed === '' || last?.byId !== actor.aadObjectId) return undefined;
  const age = now.getTime() - Date.parse(last.at);
  return (last.kind ?? 'note') === command.type && last.text === typed && age >= 0 && age <= REPEAT_WINDOW_MS ? append.done : undefined;
}

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

/** "in progress": a status inside a sentence. */
export function statusInSentence(status: TicketStatus): Text {
  return text(STATUS_IN_SENTENCE[status]);
}

function step(ticket: Ticket, action: TicketAction): { from: TicketStatus; to: TicketStatus } {
  if (!canApply(ticket.status, action)) refuse('messages.tickets.refused.notNow', { status: statusInSentence(ticket.status) });
  return { from: ticket.status, to: transition(ticket.status, action) };
}

function assign(ticket: Ticket, assignee: PersonRef, actor: HistoryActor & { kind: 'user' }, now: Date): Change {
  if (ticket.assignee?.aadObjectId === assignee.aadObjectId) refuse('messages.tickets.refused.alreadyHas', { name: assignee.displayName });
  const s = step(ticket, 'assign');
  const events = [ticketEvent('assigned', actor, now, { assignee, previous: ticket.assignee, ...changed(s) })];
  const you = assignee.aadObjectId === actor.aadObjectId;
  return {
    next: finish(ticket, { status: s.to, assignee }, events, now),
    events,
    tellRequester: s.from !== s.to ? { heading: text('messages.tickets.tell.assigned', { number: ticket.number, name: assignee.displayName }) } : undefined,
    done: you ? text('messages.tickets.done.assignedToYou') : text('messages.tickets.done.assigned', { name: assignee.displayName }),
  };
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
  const note = (kind: LastNoteKind, text: string) => lastNoteBy(actor, kind, text, now);
  switch (command.type) {
    case 'assign-me':
      if (ticket.assignee && ticket.assignee.aadObjectId !== command.me.aadObjectId) refuse('messages.tickets.refused.colleagueHasIt', { name: ticket.assignee.displayName });
      return assign(ticket, command.me, actor, now);
    case 'assign-to':
      return assign(ticket, command.assignee, actor, now);
    case 'status': {
      const action = command.action;
      // "Back from escalation" (hand-back) is retired: the dedicated team's Return replaces it.
      if (action !== 'start' && action !== 'wait-on-vendor' && action !== 'close') return refuse('messages.tickets.refused.pickStatus');
      const s = step(ticket, action);
      const events =
        action === 'start'
          ? [ticketEvent('started', actor, now, changed(s))]
          : action === 'wait-on-vendor'
            ? [ticketEvent('waiting-on-vendor', actor, now, { target: ticket.escalatedTo === 'microsoft' ? 'microsoft' : 'partner', ...changed(s) })]
            : [ticketEvent('closed', actor, now, { reason: 'agent', ...changed(s) })];
      return {
        next: finish(ticket, { status: s.to }, events, now),
        events,
        tellRequester: { heading: text('messages.tickets.tell.status', { number: ticket.number, status: statusInSentence(s.to) }) },
        done: text('messages.tickets.done.status', { status: text(STATUS[s.to]) }),
      };
    }
    case 'note': {
      if (ticket.status === 'closed') refuse('messages.tickets.refused.closed');
      const typed = requiredText(command.text, 'note');
      const events = [ticketEvent('note-added', actor, now, { text: typed })];
      return { next: finish(ticket, { lastNote: note('note', typed) }, events, now), events, done: APPENDS.note.done };
    }
    case 'reply': {
      if (ticket.status === 'closed' || ticket.status === 'resolved') refuse('messages.tickets.refused.reopenFirst');
      const typed = requiredText(command.text, 'reply');
      const events = [ticketEvent('replied-to-requester', actor, now, { text: typed })];
      return {
        next: finish(ticket, { lastNote: note('reply', typed) }, events, now),
        events,
        tellRequester: { heading: text('messages.tickets.tell.replied', { name: actor.displayName, number: ticket.number }), message: typed },
        done: APPENDS.reply.done,
      };
    }
    case 'request-info': {
      const question = requiredText(command.text, 'question');
      const s = step(ticket, 'request-info');
      const events = [ticketEvent('info-requested', actor, now, { question, ...changed(s) })];
      return {
        next: finish(ticket, { status: s.to, pendingQuestion: question, lastNote: note('request-info', question) }, events, now),
        events,
        tellRequester: { heading: text('messages.tickets.tell.question', { name: actor.displayName, number: ticket.number }), message: question },
        done: APPENDS['request-info'].done,
      };
    }
    case 'resolve': {
      const resolution = requiredText(command.resolution, 'resolution');
      const s = step(ticket, 'resolve');
      const events = [ticketEvent('resolved', actor, now, { resolution, ...changed(s) })];
      const at = now.toISOString();
      return {
        next: finish(ticket, { status: s.to, resolution, resolvedAt: at, pendingQuestion: undefined, sla: { ...ticket.sla, resolution: { ...ticket.sla.resolution, metAt: at } } }, events, now),
        events,
        tellRequester: { heading: text('messages.tickets.tell.resolved', { number: ticket.number }), message: resolution },
        done: text('messages.tickets.done.resolved'),
      };
    }
    case 'reopen': {
      const s = step(ticket, 'reopen');
      const events = [ticketEvent('reopened', actor, now, changed(s))];
      return {
        next: finish(ticket, { status: s.to, sla: { ...ticket.sla, resolution: { ...ticket.sla.resolution, metAt: undefined } } }, events, now),
        events,
        tellRequester: { heading: text('messages.tickets.tell.reopened', { number: ticket.number }) },
        done: text('messages.tickets.done.reopened'),
      };
    }
    case 'escalate':
      return escalate(ticket, command.target, command.caseReference, actor, now, 'agent');
  }
}

const ESCALATION_TARGETS = {
  'dedicated-team': 'labels.escalation.dedicated-team',
  partner: 'labels.escalation.partner',
  microsoft: 'labels.escalation.microsoft',
} as const satisfies Record<EscalationTarget, MessageKey>;

/** Escalation by an agent, or by the system (SLA breach on a Critical solution). */
export function escalate(
  ticket: Ticket,
  targetValue: unknown,
  caseValue: unknown,
  actor: HistoryActor,
  now: Date,
  trigger: 'agent' | 'sla-breach' | 'sev-a-critical',
): Change {
  if (!isEscalationTarget(targetValue)) return refuse('messages.tickets.refused.pickEscalation');
  const target: EscalationTarget = targetValue;
  const caseReference = typeof caseValue === 'string' ? caseValue.trim() : '';
  if (target === 'microsoft' && caseReference === '') refuse('messages.tickets.refused.caseNumberNeeded');
  if (caseReference.length > 100) refuse('messages.tickets.refused.caseNumberTooLong', { max: 100 });
  if (ticket.escalatedTo === target && ticket.status === 'escalated') refuse('messages.tickets.refused.alreadyEscalated');
  const s = step(ticket, 'escalate');
  const events: TicketHistoryEvent[] = [ticketEvent('escalated', actor, now, { target, trigger, ...(caseReference ? { caseReference } : {}), ...changed(s) })];
  const externalReferences =
    target !== 'dedicated-team' && caseReference
      ? withExternalReference(ticket.externalReferences, { target, caseReference, at: now.toISOString() })
      : ticket.externalReferences;
  const where = text(ESCALATION_TARGETS[target]);
  return {
    next: finish(ticket, { status: s.to, escalatedTo: target, externalReferences }, events, now),
    events,
    tellRequester: s.from !== s.to ? { heading: text('messages.tickets.tell.escalated', { number: ticket.number, where }) } : undefined,
    handToDedicatedTeam: target === 'dedicated-team',
    done: text('messages.tickets.done.escalated', { where }),
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
        next: finish(ticket, { status: s.to, sla: { ...ticket.sla, resolution: { ...ticket.sla.resolution, metAt: undefined } } }, events, now),
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
