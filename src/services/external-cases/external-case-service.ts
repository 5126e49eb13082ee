/**
 * Partner and Microsoft cases from the ticket card: record one (the designated escalation group),
 * confirm or decline a Sev A / B Microsoft case (IT admins), change a case's status. Who may act is
 * the person's standing from the rosters and the configuration (queue-standing.ts); the rules are the
 * domain's (external-cases/record-external-case.ts); the write is one transaction with the ticket's
 * ETag, its outbox and the activity (ticket-change-runner.ts). The answer is the ticket card as it is now.
 */
import type { ActivityRef } from '../../domain/activity-ref';
import type { Decision } from '../../domain/decision';
import {
  CASE_NOTE_MAX,
  confirmMicrosoftCase,
  declineMicrosoftCase,
  openExternalCase,
  updateExternalCase,
  type ExternalCaseChange,
  type ExternalCaseRefusal,
} from '../../domain/external-cases/record-external-case';
import { MAX_CASE_REFERENCE } from '../../domain/external-cases/external-case';
import type { ActorRole, HistoryActor, PersonRef } from '../../domain/history';
import type { MessageKey } from '../../domain/message-keys';
import type { TeamRoster } from '../../domain/ports/team-roster';
import { belongsTo, type ActorStanding } from '../../domain/queues/actor-standing';
import { holdingQueue } from '../../domain/tickets/ticket-queue';
import type { SlaConfig } from '../../domain/sla';
import { text, verbatim, type Text } from '../../domain/text';
import type { Ticket } from '../../domain/tickets/ticket';
import type { Change } from '../../domain/tickets/ticket-changes';
import { cardAnswer, messageAnswer, type Answer } from '../../presentation/answer';
import { caseStatusLabel } from '../../presentation/external-case-cards';
import { escalationLabel } from '../../presentation/labels';
import { ticketCard } from '../../presentation/ticket-cards';
import type { Clock } from '../../domain/ports/clock';
import type { ChannelDirectory } from '../../domain/ports/channels';
import type { TicketRepository } from '../../domain/ports/tickets';
import { queueStanding, type EscalationRoles } from '../tickets/queue-standing';
import { changeTicket, type Decided } from '../tickets/ticket-change-runner';

/** A card action about external cases, named as its verb; every field is untrusted card input. */
export type CaseRequest =
  | { readonly type: 'open-case'; readonly vendor: unknown; readonly caseReference: unknown }
  | { readonly type: 'confirm-case'; readonly caseReference: unknown }
  | { readonly type: 'decline-case'; readonly note: unknown }
  | { readonly type: 'case-status'; readonly caseId: unknown; readonly status: unknown };

export interface ExternalCaseServiceDeps {
  readonly tickets: TicketRepository;
  readonly channels: ChannelDirectory;
  readonly escalationRoles: EscalationRoles;
  readonly clock: Clock;
  readonly sla: SlaConfig;
  readonly reopenWindowMinutes: number;
}

const REFUSALS = {
  'not-permitted': 'cases.refused.not-permitted',
  'ticket-not-open': 'cases.refused.ticket-not-open',
  'not-being-worked': 'cases.refused.not-being-worked',
  'pick-vendor': 'cases.refused.pick-vendor',
  'reference-missing': 'cases.refused.reference-missing',
  'reference-too-long': 'cases.refused.reference-too-long',
  'already-recorded': 'cases.refused.already-recorded',
  'confirmation-pending': 'cases.refused.confirmation-pending',
  'nothing-to-confirm': 'cases.refused.nothing-to-confirm',
  'note-too-long': 'cases.refused.note-too-long',
  'case-unknown': 'cases.refused.case-unknown',
  'pick-status': 'cases.refused.pick-status',
  'case-closed': 'cases.refused.case-closed',
  'status-unchanged': 'cases.refused.status-unchanged',
} as const satisfies Record<ExternalCaseRefusal, MessageKey>;

/** "not-permitted" says who may, which differs by action. */
const NOT_PERMITTED = {
  'open-case': 'cases.refused.not-permitted',
  'confirm-case': 'cases.refused.not-it-admin',
  'decline-case': 'cases.refused.not-it-admin',
  'case-status': 'cases.refused.not-permitted-update',
} as const satisfies Record<CaseRequest['type'], MessageKey>;

export class ExternalCaseService {
  constructor(private readonly deps: ExternalCaseServiceDeps) {}

  async act(actor: PersonRef, ticketId: string, request: CaseRequest, roster: TeamRoster, activity?: ActivityRef): Promise<Answer> {
    const found = await queueStanding(actor, roster, this.deps.channels, this.deps.escalationRoles);
    if (!found.ok) return messageAnswer(found.refusal);
    const { standing } = found;
    // The part recorded in history: an IT admin confirming, else whoever they are on the ticket's team.
    const role: HistoryActor & { kind: 'user' } = { kind: 'user', role: roleOf(request, standing), ...actor };
    const { tickets, reopenWindowMinutes, clock } = this.deps;
    return changeTicket(
      { tickets, reopenWindowMinutes, now: () => clock.now() },
      ticketId,
      activity,
      (ticket, now) => this.decide(ticket, request, standing, role, now),
      // The card shows what the requester wrote: only to those who work the ticket or its cases.
      (ticket, notice = text('cases.refused.not-permitted')) =>
        mayView(ticket, standing)
          ? cardAnswer(ticketCard(ticket, { notice }))
          : messageAnswer(typeof notice === 'string' ? verbatim(notice) : notice),
    );
  }

  private decide(
    ticket: Ticket,
    request: CaseRequest,
    standing: ActorStanding,
    actor: HistoryActor & { kind: 'user' },
    now: Date,
  ): Decided {
    const sla = this.deps.sla;
    const decision: Decision<ExternalCaseChange, ExternalCaseRefusal> =
      request.type === 'open-case'
        ? openExternalCase(ticket, { vendor: request.vendor, caseReference: request.caseReference }, standing, actor, now, sla)
        : request.type === 'confirm-case'
          ? confirmMicrosoftCase(ticket, request.caseReference, standing, actor, now, sla)
          : request.type === 'decline-case'
            ? declineMicrosoftCase(ticket, request.note, standing, actor, now, sla)
            : updateExternalCase(ticket, { caseId: request.caseId, status: request.status }, standing, actor, now, sla);
    if (!decision.ok) {
      const key = decision.reason === 'not-permitted' ? NOT_PERMITTED[request.type] : REFUSALS[decision.reason];
      return { refusal: text(key, { max: decision.reason === 'note-too-long' ? CASE_NOTE_MAX : MAX_CASE_REFERENCE }) };
    }
    return { change: changeOf(ticket, decision) };
  }
}

function mayView(ticket: Ticket, standing: ActorStanding): boolean {
  return standing.escalationGroup || standing.itAdmin || belongsTo(standing, holdingQueue(ticket));
}

function roleOf(request: CaseRequest, standing: ActorStanding): ActorRole {
  if ((request.type === 'confirm-case' || request.type === 'decline-case') && standing.itAdmin) return 'admin';
  return standing.queues.includes('dedicated-team') && !standing.queues.some((q) => q !== 'dedicated-team') ? 'dedicated-team' : 'agent';
}

/** The domain's change with what the person who acted is told, and the requester's DM when a case is filed. */
function changeOf(before: Ticket, decided: ExternalCaseChange): Change {
  const filed = decided.next.externalCases?.find((c) => !(before.externalCases ?? []).some((b) => b.id === c.id && b.status === c.status));
  const where = escalationLabel(decided.vendor);
  const done: Text =
    decided.outcome === 'recorded'
      ? text('cases.done.recorded', { vendor: where, reference: filed?.caseReference ?? '' })
      : decided.outcome === 'awaiting-confirmation'
        ? text('cases.done.awaitingConfirmation', { severity: decided.next.pendingCase?.severity ?? before.severity })
        : decided.outcome === 'confirmed'
          ? text('cases.done.confirmed', { reference: filed?.caseReference ?? '' })
          : decided.outcome === 'declined'
            ? text('cases.done.declined')
            : updatedLine(decided, where);
  // The requester hears that a vendor was asked (they wait on it too), not about confirmations or updates.
  const told = decided.outcome === 'recorded' || decided.outcome === 'confirmed';
  return {
    next: decided.next,
    events: decided.events,
    done,
    ...(told ? { tellRequester: { heading: text('messages.tickets.tell.escalated', { number: before.number, where }) } } : {}),
  };
}

function updatedLine(decided: ExternalCaseChange, where: Text): Text {
  const event = decided.events.find((e) => e.type === 'external-case-status-changed');
  const changed =
    event?.type === 'external-case-status-changed' ? decided.next.externalCases?.find((c) => c.id === event.caseId) : undefined;
  return text('cases.done.updated', {
    vendor: where,
    reference: changed?.caseReference ?? '',
    status: caseStatusLabel(changed?.status ?? 'open'),
  });
}
