/**
 * Why a dedicated-team queue action did not apply, in words: the domain's refusal codes (escalation/,
 * tickets/change-severity.ts) to message keys, with the limits they name.
 */
import { HAND_OFF_TEXT_LIMITS } from '../domain/escalation/hand-off';
import { ANSWER_MAX, QUESTION_MAX } from '../domain/escalation/information-requests';
import type { MessageKey } from '../domain/message-keys';
import type { PersonRef } from '../domain/history';
import { text, type Text } from '../domain/text';
import { SEVERITY_REASON_MAX } from '../domain/tickets/change-severity';
import type { Ticket } from '../domain/tickets/ticket';
import { statusInSentence } from '../domain/tickets/ticket-changes';
import { severityLabel } from './labels';

export type QueueRefusal =
  | 'not-escalated'
  | 'not-permitted'
  | 'not-open'
  | 'already-accepted'
  | 'accept-first'
  | 'no-maker'
  | 'maker-is-requester'
  | 'not-allowed-in-status'
  | 'question-missing'
  | 'question-too-long'
  | 'note-missing'
  | 'note-too-long'
  | 'summary-missing'
  | 'summary-too-long'
  | 'tried-too-long'
  | 'already-escalated'
  | 'not-waiting-on-you'
  | 'answer-missing'
  | 'answer-too-long'
  | 'ticket-closed'
  | 'same-severity'
  | 'reason-missing'
  | 'reason-too-long';

const PLAIN: Partial<Record<QueueRefusal, MessageKey>> = {
  'not-escalated': 'messages.handoff.refused.not-escalated',
  'not-permitted': 'messages.handoff.refused.not-permitted',
  'not-open': 'messages.handoff.refused.not-open',
  'accept-first': 'messages.handoff.refused.accept-first',
  'no-maker': 'messages.handoff.refused.no-maker',
  'maker-is-requester': 'messages.handoff.refused.maker-is-requester',
  'question-missing': 'messages.tickets.refused.missing.question',
  'note-missing': 'messages.handoff.refused.note-missing',
  'summary-missing': 'messages.handoff.refused.summary-missing',
  'already-escalated': 'messages.handoff.refused.already-escalated',
  'not-waiting-on-you': 'messages.handoff.refused.not-waiting-on-you',
  'answer-missing': 'messages.tickets.refused.missing.answer',
  'ticket-closed': 'messages.tickets.refused.closed',
  'reason-missing': 'messages.handoff.refused.reason-missing',
};

export function queueRefusal(reason: QueueRefusal, ticket: Ticket, owner?: PersonRef): Text {
  switch (reason) {
    case 'already-accepted':
      return owner
        ? text('messages.handoff.refused.alreadyAccepted', { name: owner.displayName })
        : text('messages.handoff.refused.alreadyAcceptedUnnamed');
    case 'not-allowed-in-status':
      return text('messages.tickets.refused.notNow', { status: statusInSentence(ticket.status) });
    case 'question-too-long':
      return text('messages.tickets.refused.tooLong.question', { max: QUESTION_MAX });
    case 'answer-too-long':
      return text('messages.tickets.refused.tooLong.answer', { max: ANSWER_MAX });
    case 'note-too-long':
      return text('messages.handoff.refused.note-too-long', { max: HAND_OFF_TEXT_LIMITS.returnNote });
    case 'summary-too-long':
      return text('messages.handoff.refused.summary-too-long', { max: HAND_OFF_TEXT_LIMITS.summary });
    case 'tried-too-long':
      return text('messages.handoff.refused.tried-too-long', { max: HAND_OFF_TEXT_LIMITS.tried });
    case 'same-severity':
      return text('messages.handoff.refused.same-severity', { severity: severityLabel(ticket.severity) });
    case 'reason-too-long':
      return text('messages.handoff.refused.reason-too-long', { max: SEVERITY_REASON_MAX });
    default:
      return text(PLAIN[reason]!);
  }
}
