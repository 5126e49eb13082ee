/**
 * The requester answered a maker's or co-owners' "Resolved" with "No, not fixed". The first time the
 * request goes back to whoever resolved it (the same holder), who gets their card again with a notice;
 * the second time it goes on to the help desk, which opens a ticket as "Hand to help desk" does. One
 * planned change: the request, its history, the holder's card or the ticket, the requester told.
 */
import { requestEvent, type HistoryActor, type PersonRef, type RequestHistoryEvent } from '../../domain/history';
import type { SupportRequest } from '../../domain/intake/support-request';
import type { OutboxMessage } from '../../domain/outbox-message';
import { text, type Text } from '../../domain/text';
import { coOwnerCard, makerCard } from '../../presentation/request-cards';
import { cardUpdates, requesterUpdate } from './handling-messages';
import { openHelpDeskTicket, type TicketDeps } from './help-desk-ticket';
import type { PlannedChange } from './request-change-loop';
import { handOffMessages, message } from './route-messages';

type Posted = Parameters<typeof cardUpdates>[1];

/** How many times the requester already said "not fixed": the second one goes to the help desk. */
export function notFixedRounds(history: readonly RequestHistoryEvent[]): number {
  return history.filter((e) => e.type === 'not-fixed').length;
}

/** What the requester is told on their answered question. */
export interface NotFixedPlan {
  readonly change: PlannedChange;
  readonly outcome: Text;
}

export async function planNotFixed(
  tickets: TicketDeps,
  request: SupportRequest,
  history: readonly RequestHistoryEvent[],
  requester: PersonRef,
  posted: Posted,
  now: Date,
): Promise<NotFixedPlan> {
  const seq = String(history.length);
  const actor: HistoryActor = { kind: 'user', role: 'requester', ...requester };
  const round = notFixedRounds(history) + 1;
  const holder = request.holder;
  if (round === 1 && (holder.kind === 'maker' || holder.kind === 'co-owners')) {
    return { change: backToHolder(request, seq, actor, requester, posted, now), outcome: backOutcome(request) };
  }
  return {
    change: await toHelpDesk(tickets, request, seq, actor, round, posted, now),
    outcome: text('followup.notFixed.answeredHelpDesk'),
  };
}

function backOutcome(request: SupportRequest): Text {
  return text('followup.notFixed.answeredBack', { name: holderName(request) });
}

function holderName(request: SupportRequest): string {
  const holder = request.holder;
  if (holder.kind === 'maker') return holder.person.displayName;
  if (holder.kind === 'co-owners') return holder.claimedBy?.displayName ?? holder.people.map((p) => p.displayName).join(', ');
  return '';
}

/** Back to the maker (acknowledged), or to the co-owner who claimed it (still claimed), with a notice on a new card. */
function backToHolder(
  request: SupportRequest,
  seq: string,
  actor: HistoryActor,
  requester: PersonRef,
  posted: Posted,
  now: Date,
): PlannedChange {
  const holder = request.holder;
  const status = holder.kind === 'maker' ? 'acknowledged' : holder.kind === 'co-owners' && holder.claimedBy ? 'claimed' : 'open';
  const next: SupportRequest = { ...request, status, updatedAt: now.toISOString() };
  const notice = text('followup.notFixed.noticeForHolder', { name: requester.displayName });
  const suffix = `${seq}.not-fixed`;
  const cards: OutboxMessage[] = [];
  if (holder.kind === 'maker') {
    const to = { kind: 'user', aadObjectId: holder.person.aadObjectId, displayName: holder.person.displayName } as const;
    cards.push(message(next, 'maker-notification', to, makerCard(next, notice), suffix));
  } else if (holder.kind === 'co-owners') {
    for (const p of holder.claimedBy ? [holder.claimedBy] : holder.people) {
      const to = { kind: 'user', aadObjectId: p.aadObjectId, displayName: p.displayName } as const;
      cards.push(message(next, 'co-owner-ping', to, coOwnerCard(next, p.aadObjectId, notice), suffix));
    }
  }
  return {
    next,
    history: [requestEvent('not-fixed', actor, now, { round: 1, to: 'holder' })],
    outbox: [
      requesterUpdate(next, suffix, text('followup.notFixed.updateBack', { name: holderName(request) })),
      ...cards,
      // The earlier cards show it open again (their buttons work again), for the others too.
      ...cardUpdates(next, posted, suffix, undefined, notice),
    ],
  };
}

/** On to the help desk with a ticket, as "Hand to help desk" does (hand-on.ts), saying why. */
async function toHelpDesk(
  tickets: TicketDeps,
  request: SupportRequest,
  seq: string,
  actor: HistoryActor,
  round: number,
  posted: Posted,
  now: Date,
): Promise<PlannedChange> {
  const explanation = text('followup.notFixed.toHelpDesk');
  const next: SupportRequest = {
    ...request,
    routeKind: 'help-desk',
    routeReason: 'no-reachable-support',
    handToDedicatedTeam: false,
    holder: { kind: 'help-desk' },
    status: 'open',
    chatLink: undefined,
    explanation,
    updatedAt: now.toISOString(),
  };
  const suffix = `${seq}.not-fixed`;
  const opened = await openHelpDeskTicket(tickets, next, actor, now, undefined);
  const handed = opened?.next ?? next;
  const update = opened
    ? text('messages.requests.update.handedOnWithTicket', { explanation, ticket: opened.number })
    : text('messages.requests.update.handedOn', { explanation });
  const by = actor.kind === 'user' ? actor.displayName : '';
  return {
    next: handed,
    history: [requestEvent('not-fixed', actor, now, { round, to: 'help-desk' }), ...(opened?.events ?? [])],
    outbox: [
      ...(opened?.outbox ?? handOffMessages(next, 'help-desk', suffix, { by })),
      requesterUpdate(handed, suffix, update),
      ...cardUpdates(handed, posted, suffix, undefined, text('followup.notFixed.noticeHelpDesk', { name: by })),
    ],
    ...(opened ? { ticket: opened.ticket } : {}),
  };
}
