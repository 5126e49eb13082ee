/**
 * Partner (support type 5) and Microsoft (type 6) cases on a ticket. As the Managed Desktop model
 * asks, only the designated escalation group (configured, smaller than the help desk) records them;
 * a Sev A or B case with Microsoft waits until an IT admin confirms (files) it, while Sev C and
 * partner cases are recorded at once. The case's severity is the ticket's, as stored: never what a
 * card says. While a case waits on its vendor the ticket waits on the vendor too, so both SLA
 * clocks pause (tickets/ticket-sla.ts); they resume when no case waits on a vendor any more (the
 * vendor answered, or the case closed). Pure: the caller writes the change in one transaction.
 */
import { accept, refuse, type Decision } from '../decision';
import { ticketEvent, type HistoryActor, type TicketHistoryEvent } from '../history';
import { belongsTo, type ActorStanding } from '../queues/actor-standing';
import type { SlaConfig } from '../sla';
import { isExternalEscalationTarget, type ExternalEscalationTarget } from '../support-model';
import { checkText } from '../text-input';
import { canApply, isOpenStatus, transition, type TicketStatus } from '../ticket-status';
import type { Ticket } from '../tickets/ticket';
import { settleChange, type TicketChange } from '../tickets/ticket-change';
import { holdingQueue } from '../tickets/ticket-queue';
import { canChangeCaseStatus, isExternalCaseStatus, type ExternalCaseStatus } from './case-status';
import { caseIdOf, MAX_CASE_REFERENCE, withExternalCase, type ExternalCase } from './external-case';

export type ExternalCaseRefusal =
  | 'not-permitted'
  | 'ticket-not-open'
  /** New, or escalated and not yet accepted: someone must hold the ticket before a vendor is asked. */
  | 'not-being-worked'
  | 'pick-vendor'
  | 'reference-missing'
  | 'reference-too-long'
  | 'already-recorded'
  | 'confirmation-pending'
  | 'nothing-to-confirm'
  | 'note-too-long'
  | 'case-unknown'
  | 'pick-status'
  | 'case-closed'
  | 'status-unchanged';

/** What became of an "open a case": recorded, or waiting for an IT admin (Sev A / B with Microsoft). */
export type CaseOutcome = 'recorded' | 'awaiting-confirmation' | 'confirmed' | 'declined' | 'updated';

export type ExternalCaseChange = TicketChange & { readonly outcome: CaseOutcome; readonly vendor: ExternalEscalationTarget };

type UserActor = HistoryActor & { kind: 'user' };

export const CASE_NOTE_MAX = 500;

/** Whether a Microsoft case at this severity must be confirmed by an IT admin before it is filed. */
export function needsItAdmin(vendor: ExternalEscalationTarget, severity: Ticket['severity']): boolean {
  return vendor === 'microsoft' && (severity === 'A' || severity === 'B');
}

/** The statuses from which a ticket cannot start waiting on a vendor: nobody holds it yet. */
function notBeingWorked(status: TicketStatus): boolean {
  return status === 'new' || status === 'escalated';
}

function reference(value: unknown, required: boolean): Decision<{ readonly text: string | undefined }, ExternalCaseRefusal> {
  const checked = checkText(value, { max: MAX_CASE_REFERENCE, required });
  if (checked.ok) return checked;
  return refuse(checked.reason === 'missing' ? 'reference-missing' : 'reference-too-long');
}

/** A designated member records a partner case or a Microsoft case (Sev C at once, Sev A / B for an IT admin to confirm). */
export function openExternalCase(
  ticket: Ticket,
  input: { readonly vendor: unknown; readonly caseReference: unknown },
  standing: ActorStanding,
  actor: UserActor,
  at: Date,
  config: SlaConfig,
): Decision<ExternalCaseChange, ExternalCaseRefusal> {
  if (!standing.escalationGroup) return refuse('not-permitted');
  if (!isOpenStatus(ticket.status)) return refuse('ticket-not-open');
  if (notBeingWorked(ticket.status)) return refuse('not-being-worked');
  if (!isExternalEscalationTarget(input.vendor)) return refuse('pick-vendor');
  const vendor = input.vendor;
  if (ticket.pendingCase) return refuse('confirmation-pending');
  const pending = needsItAdmin(vendor, ticket.severity);
  // The IT admin may give the reference when filing: a designated member may not have one yet.
  const ref = reference(input.caseReference, !pending);
  if (!ref.ok) return ref;
  if (ref.text !== undefined && isKnownOpenCase(ticket, vendor, ref.text)) return refuse('already-recorded');
  if (pending) {
    const severity = ticket.severity as 'A' | 'B';
    const next: Ticket = {
      ...ticket,
      pendingCase: {
        vendor: 'microsoft',
        severity,
        requestedBy: person(actor),
        requestedAt: at.toISOString(),
        ...(ref.text ? { caseReference: ref.text } : {}),
      },
    };
    const events = [ticketEvent('external-case-confirmation-requested', actor, at, { vendor: 'microsoft', severity })];
    return accept({ ...settleChange(ticket, next, events, at, config, actor), outcome: 'awaiting-confirmation', vendor });
  }
  return accept({
    ...record(ticket, vendor, ref.text as string, person(actor), undefined, actor, at, config),
    outcome: 'recorded',
    vendor,
  });
}

/** An IT admin files the waiting Sev A / B Microsoft case (with its reference, if the request had none). */
export function confirmMicrosoftCase(
  ticket: Ticket,
  caseReference: unknown,
  standing: ActorStanding,
  actor: UserActor,
  at: Date,
  config: SlaConfig,
): Decision<ExternalCaseChange, ExternalCaseRefusal> {
  if (!standing.itAdmin) return refuse('not-permitted');
  const pending = ticket.pendingCase;
  if (pending === undefined) return refuse('nothing-to-confirm');
  if (!isOpenStatus(ticket.status)) return refuse('ticket-not-open');
  const typed = reference(caseReference, pending.caseReference === undefined);
  if (!typed.ok) return typed;
  const ref = typed.text ?? (pending.caseReference as string);
  if (isKnownOpenCase(ticket, 'microsoft', ref)) return refuse('already-recorded');
  const cleared: Ticket = { ...ticket, pendingCase: undefined };
  const change = record(cleared, 'microsoft', ref, pending.requestedBy, person(actor), actor, at, config, ticket);
  return accept({ ...change, outcome: 'confirmed', vendor: 'microsoft' });
}

/** An IT admin declines the waiting Microsoft case, optionally saying why; nothing is filed. */
export function declineMicrosoftCase(
  ticket: Ticket,
  note: unknown,
  standing: ActorStanding,
  actor: UserActor,
  at: Date,
  config: SlaConfig,
): Decision<ExternalCaseChange, ExternalCaseRefusal> {
  if (!standing.itAdmin) return refuse('not-permitted');
  if (ticket.pendingCase === undefined) return refuse('nothing-to-confirm');
  const why = checkText(note, { max: CASE_NOTE_MAX, required: false });
  if (!why.ok) return refuse('note-too-long');
  const events = [ticketEvent('external-case-confirmation-declined', actor, at, why.text ? { note: why.text } : {})];
  return accept({
    ...settleChange(ticket, { ...ticket, pendingCase: undefined }, events, at, config, actor),
    outcome: 'declined',
    vendor: 'microsoft',
  });
}

/**
 * A case's status changes: the designated group, or a member of the team holding the ticket (who
 * hears back from the vendor). The ticket waits on the vendor exactly while some case does.
 */
export function updateExternalCase(
  ticket: Ticket,
  input: { readonly caseId: unknown; readonly status: unknown },
  standing: ActorStanding,
  actor: UserActor,
  at: Date,
  config: SlaConfig,
): Decision<ExternalCaseChange, ExternalCaseRefusal> {
  if (!standing.escalationGroup && !belongsTo(standing, holdingQueue(ticket))) return refuse('not-permitted');
  const found = (ticket.externalCases ?? []).find((c) => c.id === input.caseId);
  if (found === undefined) return refuse('case-unknown');
  if (!isExternalCaseStatus(input.status)) return refuse('pick-status');
  const to: ExternalCaseStatus = input.status;
  if (found.status === 'closed') return refuse('case-closed');
  if (!canChangeCaseStatus(found.status, to)) return refuse('status-unchanged');
  const updated: ExternalCase = { ...found, status: to, statusAt: at.toISOString() };
  const cases = (ticket.externalCases ?? []).map((c) => (c.id === found.id ? updated : c));
  const waiting = cases.some((c) => c.status === 'waiting-on-vendor');
  const status = waiting ? waitOnVendor(ticket.status) : stopWaiting(ticket.status);
  const event = ticketEvent('external-case-status-changed', actor, at, {
    caseId: found.id,
    from: found.status,
    to,
    ...(status !== ticket.status ? { statusChange: { from: ticket.status, to: status } } : {}),
  });
  return accept({
    ...settleChange(ticket, { ...ticket, externalCases: cases, status }, [event], at, config, actor),
    outcome: 'updated',
    vendor: found.vendor,
  });
}

/** The case recorded as waiting on its vendor, and the ticket waiting on the vendor where its status allows. */
function record(
  ticket: Ticket,
  vendor: ExternalEscalationTarget,
  caseReference: string,
  openedBy: ExternalCase['openedBy'],
  confirmedBy: ExternalCase['confirmedBy'],
  actor: UserActor,
  at: Date,
  config: SlaConfig,
  before: Ticket = ticket,
): TicketChange {
  const iso = at.toISOString();
  const added: ExternalCase = {
    id: caseIdOf(vendor, caseReference),
    vendor,
    caseReference,
    severity: ticket.severity,
    openedAt: iso,
    openedBy,
    ...(confirmedBy ? { confirmedBy } : {}),
    status: 'waiting-on-vendor',
    statusAt: iso,
  };
  const status = waitOnVendor(ticket.status);
  const events: TicketHistoryEvent[] = [
    ticketEvent('external-case-opened', actor, at, {
      caseId: added.id,
      vendor,
      caseReference,
      severity: ticket.severity,
      ...(confirmedBy ? { confirmedBy } : {}),
      ...(status !== ticket.status ? { statusChange: { from: ticket.status, to: status } } : {}),
    }),
  ];
  const next: Ticket = { ...ticket, status, externalCases: withExternalCase(ticket.externalCases, added) };
  return settleChange(before, next, events, at, config, actor);
}

/** Waiting on the vendor, where the state machine allows it from here (else the status stays). */
function waitOnVendor(status: TicketStatus): TicketStatus {
  return canApply(status, 'wait-on-vendor') && !notBeingWorked(status) ? transition(status, 'wait-on-vendor') : status;
}

/** Worked again once no case waits on a vendor (only from waiting on the vendor). */
function stopWaiting(status: TicketStatus): TicketStatus {
  return status === 'waiting-on-vendor' ? transition(status, 'start') : status;
}

function isKnownOpenCase(ticket: Ticket, vendor: ExternalEscalationTarget, caseReference: string): boolean {
  const id = caseIdOf(vendor, caseReference);
  return (ticket.externalCases ?? []).some((c) => c.id === id && c.status !== 'closed');
}

function person(actor: UserActor): ExternalCase['openedBy'] {
  return { aadObjectId: actor.aadObjectId, displayName: actor.displayName };
}
