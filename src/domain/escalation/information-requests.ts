/**
 * The dedicated team's "Ask for information": from the help desk, the maker or the requester. The
 * ticket waits on whoever was asked (the clocks pause for the requester and the maker, not for the
 * help desk), until they answer.
 */
import { accept, refuse, type Decision } from '../decision';
import { ticketEvent, type HistoryActor } from '../history';
import type { ActorStanding } from '../queues/actor-standing';
import { DEDICATED_TEAM_QUEUE } from '../queues/queue';
import type { SlaConfig } from '../sla';
import { requireText } from '../text-input';
import { canApply, isOpenStatus, transition, waitingOn, type TicketAction } from '../ticket-status';
import type { Ticket } from '../tickets/ticket';
import { settleChange, type TicketChange } from '../tickets/ticket-change';
import { mayTake } from '../tickets/ticket-permissions';
import { holdingQueue } from '../tickets/ticket-queue';
import type { InfoParty } from './escalation-trigger';

export const QUESTION_MAX = 4000;

export type AskRefusal =
  | 'not-escalated'
  | 'not-permitted'
  | 'not-open'
  | 'accept-first'
  | 'no-maker'
  | 'maker-is-requester'
  | 'not-allowed-in-status'
  | 'question-missing'
  | 'question-too-long';

const ASK_ACTION: Readonly<Record<InfoParty, TicketAction>> = {
  requester: 'request-info',
  'help-desk': 'ask-help-desk',
  maker: 'ask-maker',
};

/** The maker the dedicated team may ask: known by object id, and not the requester (ask the requester then). */
export function askableMaker(ticket: Ticket): Decision<{ readonly makerId: string }, 'no-maker' | 'maker-is-requester'> {
  const id = ticket.solution?.maker.aadObjectId;
  if (id === undefined || id === '') return refuse('no-maker');
  if (id.toLowerCase() === ticket.requester.aadObjectId.toLowerCase()) return refuse('maker-is-requester');
  return accept({ makerId: id });
}

export function askForInformation(
  ticket: Ticket,
  from: InfoParty,
  question: unknown,
  standing: ActorStanding,
  actor: HistoryActor & { kind: 'user' },
  at: Date,
  config: SlaConfig,
): Decision<TicketChange, AskRefusal> {
  if (holdingQueue(ticket) !== DEDICATED_TEAM_QUEUE) return refuse('not-escalated');
  const action = ASK_ACTION[from];
  if (!mayTake(ticket, action, standing)) return refuse('not-permitted');
  if (!isOpenStatus(ticket.status)) return refuse('not-open');
  if (ticket.status === 'escalated') return refuse('accept-first');
  if (from === 'maker') {
    const maker = askableMaker(ticket);
    if (!maker.ok) return maker;
  }
  if (!canApply(ticket.status, action)) return refuse('not-allowed-in-status');
  const text = requireText(question, QUESTION_MAX);
  if (!text.ok) return refuse(text.reason === 'missing' ? 'question-missing' : 'question-too-long');
  const to = transition(ticket.status, action);
  const event = ticketEvent('info-requested', actor, at, {
    question: text.text,
    from,
    ...(ticket.status !== to ? { statusChange: { from: ticket.status, to } } : {}),
  });
  return accept(settleChange(ticket, { ...ticket, status: to, pendingQuestion: text.text }, [event], at, config, actor));
}

export const ANSWER_MAX = 4000;
export type AnswerRefusal = 'not-waiting-on-you' | 'not-permitted' | 'answer-missing' | 'answer-too-long';

/**
 * The help desk's or the maker's answer to the dedicated team's question. (The requester's answer is
 * the existing 'requester-replied'.) Only whoever was asked may answer: a member of the help desk
 * queue the ticket came from, or the maker (tickets/ticket-permissions.ts).
 */
export function answerInformationRequest(
  ticket: Ticket,
  from: Exclude<InfoParty, 'requester'>,
  answer: unknown,
  standing: ActorStanding,
  actor: HistoryActor & { kind: 'user' },
  at: Date,
  config: SlaConfig,
): Decision<TicketChange, AnswerRefusal> {
  if (waitingOn(ticket.status) !== from) return refuse('not-waiting-on-you');
  if (!mayTake(ticket, 'info-given', standing)) return refuse('not-permitted');
  const text = requireText(answer, ANSWER_MAX);
  if (!text.ok) return refuse(text.reason === 'missing' ? 'answer-missing' : 'answer-too-long');
  const to = transition(ticket.status, 'info-given');
  const event = ticketEvent('info-given', actor, at, { from, text: text.text, statusChange: { from: ticket.status, to } });
  const { pendingQuestion, ...answered } = ticket;
  void pendingQuestion;
  return accept(settleChange(ticket, { ...answered, status: to }, [event], at, config, actor));
}
