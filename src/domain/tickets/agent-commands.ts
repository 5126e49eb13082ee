/** The help desk's commands on a ticket: who may change what, and what each change records and tells. */
import { ticketEvent, type HistoryActor, type PersonRef } from '../history';
import { text } from '../text';
import type { LastNoteKind, Ticket } from './ticket';
import { requiredText } from './command-text';
import { escalate } from './escalation';
import { APPENDS, lastNoteBy } from './repeat-detection';
import { changed, finish, statusInSentence, statusLabel, step } from './status-moves';
import { refuse, type AgentCommand, type Change } from './ticket-commands';

function assign(ticket: Ticket, assignee: PersonRef, actor: HistoryActor & { kind: 'user' }, now: Date): Change {
  if (ticket.assignee?.aadObjectId === assignee.aadObjectId) refuse('messages.tickets.refused.alreadyHas', { name: assignee.displayName });
  const s = step(ticket, 'assign');
  const events = [ticketEvent('assigned', actor, now, { assignee, previous: ticket.assignee, ...changed(s) })];
  const you = assignee.aadObjectId === actor.aadObjectId;
  return {
    next: finish(ticket, { status: s.to, assignee }, events, now),
    events,
    tellRequester:
      s.from !== s.to
        ? { heading: text('messages.tickets.tell.assigned', { number: ticket.number, name: assignee.displayName }) }
        : undefined,
    done: you ? text('messages.tickets.done.assignedToYou') : text('messages.tickets.done.assigned', { name: assignee.displayName }),
  };
}

export function applyAgentCommand(ticket: Ticket, command: AgentCommand, actor: HistoryActor & { kind: 'user' }, now: Date): Change {
  const note = (kind: LastNoteKind, text: string) => lastNoteBy(actor, kind, text, now);
  switch (command.type) {
    case 'assign-me':
      if (ticket.assignee && ticket.assignee.aadObjectId !== command.me.aadObjectId)
        refuse('messages.tickets.refused.colleagueHasIt', { name: ticket.assignee.displayName });
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
            ? [
                ticketEvent('waiting-on-vendor', actor, now, {
                  target: ticket.escalatedTo === 'microsoft' ? 'microsoft' : 'partner',
                  ...changed(s),
                }),
              ]
            : [ticketEvent('closed', actor, now, { reason: 'agent', ...changed(s) })];
      return {
        next: finish(ticket, { status: s.to }, events, now),
        events,
        tellRequester: { heading: text('messages.tickets.tell.status', { number: ticket.number, status: statusInSentence(s.to) }) },
        done: text('messages.tickets.done.status', { status: statusLabel(s.to) }),
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
        tellRequester: {
          heading: text('messages.tickets.tell.replied', { name: actor.displayName, number: ticket.number }),
          message: typed,
        },
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
        tellRequester: {
          heading: text('messages.tickets.tell.question', { name: actor.displayName, number: ticket.number }),
          message: question,
        },
        done: APPENDS['request-info'].done,
      };
    }
    case 'resolve': {
      const resolution = requiredText(command.resolution, 'resolution');
      const s = step(ticket, 'resolve');
      const events = [ticketEvent('resolved', actor, now, { resolution, ...changed(s) })];
      const at = now.toISOString();
      return {
        next: finish(
          ticket,
          {
            status: s.to,
            resolution,
            resolvedAt: at,
            pendingQuestion: undefined,
            sla: { ...ticket.sla, resolution: { ...ticket.sla.resolution, metAt: at } },
          },
          events,
          now,
        ),
        events,
        tellRequester: { heading: text('messages.tickets.tell.resolved', { number: ticket.number }), message: resolution },
        done: text('messages.tickets.done.resolved'),
      };
    }
    case 'reopen': {
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
        tellRequester: { heading: text('messages.tickets.tell.reopened', { number: ticket.number }) },
        done: text('messages.tickets.done.reopened'),
      };
    }
    case 'escalate':
      return escalate(ticket, command.target, command.caseReference, actor, now, 'agent');
  }
}
