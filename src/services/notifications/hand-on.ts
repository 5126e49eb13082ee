/**
 * The holder hands a request on ("Hand to the help desk", "I'm stuck"): to the help desk, which opens
 * a ticket, or to the Power Platform team. One planned change: the request's new holder, its history,
 * the hand-off messages, the requester told and the old cards updated.
 */
import { requestEvent, type HistoryActor, type PersonRef } from '../../domain/history';
import type { SupportRequest } from '../../domain/intake/support-request';
import { text } from '../../domain/text';
import { cardUpdates, requesterUpdate } from './handling-messages';
import { openHelpDeskTicket, type TicketDeps } from './help-desk-ticket';
import type { PlannedChange } from './request-change-loop';
import { handOffMessages } from './route-messages';

export async function planHandOn(
  tickets: TicketDeps,
  request: SupportRequest,
  seq: string,
  actor: Extract<HistoryActor, { kind: 'user' }>,
  person: PersonRef,
  to: 'help-desk' | 'dedicated-team',
  note: string | undefined,
  posted: Parameters<typeof cardUpdates>[1],
  now: Date,
): Promise<PlannedChange> {
  const name = person.displayName;
  const next: SupportRequest = {
    ...request,
    routeKind: to,
    routeReason: to === 'help-desk' ? 'no-reachable-support' : 'maker-stuck',
    handToDedicatedTeam: false,
    holder: { kind: to },
    status: 'open',
    chatLink: undefined,
    explanation: text(to === 'help-desk' ? 'messages.requests.update.handedToHelpDesk' : 'messages.requests.update.handedToDedicatedTeam', {
      name,
    }),
    updatedAt: now.toISOString(),
  };
  // Either way a ticket: the help desk's, or one handed on at once to the dedicated team, where
  // the maker (or the co-owner who was stuck) is the contact and the note says what happened.
  const opened =
    to === 'help-desk'
      ? await openHelpDeskTicket(tickets, next, actor, now, note)
      : await openHelpDeskTicket(tickets, next, actor, now, undefined, { trigger: 'maker-stuck', by: actor, summary: note });
  const handed = opened?.next ?? next;
  const update = opened
    ? text('messages.requests.update.handedOnWithTicket', { explanation: next.explanation, ticket: opened.number })
    : text('messages.requests.update.handedOn', { explanation: next.explanation });
  return {
    next: handed,
    history: [requestEvent('handed-on', actor, now, note ? { to, note } : { to }), ...(opened?.events ?? [])],
    outbox: [
      ...(opened?.outbox ?? handOffMessages(next, to, seq, { by: name, note })),
      requesterUpdate(handed, seq, update),
      ...cardUpdates(handed, posted, seq, person.aadObjectId, text('messages.requests.notice.handedOn', { name })),
    ],
    ...(opened ? { ticket: opened.ticket } : {}),
  };
}
