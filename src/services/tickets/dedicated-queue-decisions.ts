/**
 * The dedicated team's decisions turned into changes: the answer to its question, a hand-off, a
 * change with what the person and the requester are told, and an older command with the clocks
 * settled. Pure: the service reads and writes (dedicated-queue-service.ts).
 */
import { answerInformationRequest } from '../../domain/escalation/information-requests';
import type { InfoParty } from '../../domain/escalation/escalation-trigger';
import type { HistoryActor, TicketHistoryEvent } from '../../domain/history';
import type { MessageKey } from '../../domain/message-keys';
import type { ActorStanding } from '../../domain/queues/actor-standing';
import type { SlaConfig } from '../../domain/sla';
import { text, type Text } from '../../domain/text';
import { lastNoteBy } from '../../domain/tickets/repeat-detection';
import { withSlaPause } from '../../domain/tickets/settled-command';
import type { Ticket } from '../../domain/tickets/ticket';
import type { TicketChange } from '../../domain/tickets/ticket-change';
import { CommandRefused, type Change } from '../../domain/tickets/ticket-changes';
import { queueRefusal } from '../../presentation/queue-refusals';
import type { Decided } from './ticket-change-runner';

export type User = HistoryActor & { kind: 'user' };

/** What the asker is told, per party asked. */
export const ASKED_DONE: Readonly<Record<InfoParty, MessageKey>> = {
  'help-desk': 'messages.handoff.done.asked.help-desk',
  maker: 'messages.handoff.done.asked.maker',
  requester: 'messages.handoff.done.asked.requester',
};

export function answered(
  t: Ticket,
  from: 'help-desk' | 'maker',
  answer: unknown,
  standing: ActorStanding,
  user: User,
  now: Date,
  sla: SlaConfig,
): Decided {
  const d = answerInformationRequest(t, from, answer, standing, user, now, sla);
  if (!d.ok)
    return {
      refusal:
        d.reason === 'not-permitted' && from === 'help-desk' ? text('messages.handoff.refused.helpDeskAnswers') : queueRefusal(d.reason, t),
    };
  const given = d.events.find((e): e is Extract<TicketHistoryEvent, { type: 'info-given' }> => e.type === 'info-given');
  return changed(
    t,
    { ...d, next: { ...d.next, lastNote: lastNoteBy(user, 'info-given', given?.text ?? '', now) } },
    text('messages.handoff.done.answered'),
  );
}

export function escalated(t: Ticket, d: TicketChange): Decided {
  return {
    change: {
      ...d,
      handToDedicatedTeam: true,
      tellRequester: {
        heading: text('messages.handoff.tell.escalated', { number: t.number }),
        message: text('messages.handoff.tell.escalatedMessage'),
      },
      done: text('messages.handoff.done.escalated'),
    },
  };
}

export function changed(_t: Ticket, d: TicketChange, done: Text, tellRequester?: Change['tellRequester']): { change: Change } {
  return { change: { next: d.next, events: d.events, done, ...(tellRequester ? { tellRequester } : {}) } };
}

/** An older command (resolve) with the clocks settled as every change settles them. */
export function legacy(t: Ticket, command: () => Change, now: Date, user: User, sla: SlaConfig): Decided {
  try {
    return { change: withSlaPause(t, command(), now, sla, user) };
  } catch (error) {
    if (error instanceof CommandRefused) return { refusal: error.reason };
    throw error;
  }
}
