/**
 * The data bound into the ticket templates (`cards/ticket.json`, `cards/ticket-requester.json`,
 * `cards/ticket-sla-alert.json`). Plain values only: the same data is written into outbox messages
 * and returned in invoke responses. User text is data, never template.
 */
import type { PersonRef } from '../../domain/history';
import { SEVERITY_DEFINITIONS } from '../../domain/severity';
import type { SlaKind } from '../../domain/sla';
import type { Ticket } from '../../domain/tickets/ticket';
import { allowedActions, isOpenStatus, isWithinReopenWindow, TICKET_STATUS_LABELS, type TicketAction } from '../../domain/ticket-status';

export interface CardData {
  readonly template: 'ticket' | 'ticket-requester' | 'ticket-sla-alert';
  readonly data: Readonly<Record<string, unknown>>;
}

const ESCALATION_LABELS = { 'dedicated-team': 'the Power Platform team', partner: 'our support partner', microsoft: 'Microsoft support' } as const;

/** "2026-11-20 14:30 UTC": the same for everyone in the channel (cards are shared). */
export function formatInstant(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

function clockLabel(ticket: Ticket, kind: SlaKind): string {
  const c = ticket.sla[kind];
  if (c.metAt) return `met ${formatInstant(c.metAt)}`;
  const state = c.breached ? ' · BREACHED' : c.warned ? ' · at risk' : '';
  return `${formatInstant(c.dueAt)}${state}`;
}

const STATUS_CHOICES: Partial<Record<TicketAction, string>> = {
  start: 'In progress',
  'wait-on-vendor': 'Waiting on vendor',
  'hand-back': 'Back from escalation (in progress)',
  close: 'Closed',
};

export interface TicketCardOptions {
  /** Shown only to the person who acted (in the invoke response), e.g. why their action did not apply. */
  readonly notice?: string;
  /** Help desk members to pick an assignee from ("Assign to…"). */
  readonly members?: readonly PersonRef[];
}

/** The help desk's card: the ticket at a glance and every action its status allows an agent. */
export function ticketCard(ticket: Ticket, options: TicketCardOptions = {}): CardData {
  const actions = new Set(allowedActions(ticket.status, 'agent'));
  const statusChoices = (Object.keys(STATUS_CHOICES) as TicketAction[])
    .filter((a) => actions.has(a))
    .map((a) => ({ title: STATUS_CHOICES[a], value: a }));
  const open = isOpenStatus(ticket.status);
  const members = (options.members ?? []).map((m) => ({ title: m.displayName, value: m.aadObjectId }));
  return {
    template: 'ticket',
    data: {
      ticketId: ticket.id,
      number: ticket.number,
      title: ticket.title,
      description: ticket.description,
      severity: SEVERITY_DEFINITIONS[ticket.severity].shortLabel,
      severityA: ticket.severity === 'A',
      tier: ticket.solution?.tier ?? 'No tier',
      solutionName: ticket.solution?.name ?? 'Not in the catalog',
      requesterName: ticket.requester.displayName,
      status: TICKET_STATUS_LABELS[ticket.status],
      assignee: ticket.assignee?.displayName ?? 'Unassigned',
      firstResponseDue: clockLabel(ticket, 'first-response'),
      resolutionDue: clockLabel(ticket, 'resolution'),
      escalatedTo: ticket.escalatedTo ? ESCALATION_LABELS[ticket.escalatedTo] : '',
      externalReferences: ticket.externalReferences.map((r) => `${ESCALATION_LABELS[r.target]}: ${r.caseReference}`).join(', '),
      lastNote: ticket.lastNote ? `${ticket.lastNote.text} (${ticket.lastNote.by}, ${formatInstant(ticket.lastNote.at)})` : '',
      resolution: ticket.resolution ?? '',
      notice: options.notice ?? '',
      version: ticket.version,
      canAssignMe: actions.has('assign') && ticket.assignee === undefined,
      canAssign: actions.has('assign'),
      canChangeStatus: statusChoices.length > 0,
      statusChoices,
      canNote: ticket.status !== 'closed',
      canReply: open,
      canRequestInfo: actions.has('request-info'),
      canResolve: actions.has('resolve'),
      canReopen: actions.has('reopen'),
      canEscalate: actions.has('escalate'),
      picking: members.length > 0,
      members,
    },
  };
}

export interface RequesterCardOptions {
  readonly heading: string;
  readonly message?: string;
  readonly notice?: string;
  readonly reopenWindowMinutes: number;
  readonly now: Date;
}

/** What the requester sees in their 1:1 chat about their ticket, with what they may do now. */
export function requesterCard(ticket: Ticket, options: RequesterCardOptions): CardData {
  const actions = new Set(allowedActions(ticket.status, 'requester'));
  const resolvedAt = ticket.resolvedAt ? new Date(ticket.resolvedAt) : undefined;
  const canReopen = actions.has('reopen') && resolvedAt !== undefined && isWithinReopenWindow(resolvedAt, options.now, options.reopenWindowMinutes);
  return {
    template: 'ticket-requester',
    data: {
      ticketId: ticket.id,
      number: ticket.number,
      title: ticket.title,
      heading: options.heading,
      message: options.message ?? '',
      notice: options.notice ?? '',
      status: TICKET_STATUS_LABELS[ticket.status],
      assignee: ticket.assignee?.displayName ?? 'Not assigned yet',
      question: ticket.status === 'waiting-on-requester' ? (ticket.pendingQuestion ?? '') : '',
      resolution: ticket.status === 'resolved' ? (ticket.resolution ?? '') : '',
      canAnswer: ticket.status === 'waiting-on-requester',
      canAddDetails: isOpenStatus(ticket.status) && ticket.status !== 'waiting-on-requester',
      canWithdraw: actions.has('withdraw'),
      canReopen,
      canConfirm: actions.has('close'),
    },
  };
}

/** The SLA warning / breach post in the help desk channel, mentioning the assignee when there is one. */
export function slaAlertCard(ticket: Ticket, clock: SlaKind, stage: 'warning' | 'breach', handedToDedicatedTeam: boolean): CardData {
  const what = clock === 'first-response' ? 'first response' : 'resolution';
  const heading =
    stage === 'warning'
      ? `${ticket.number}: ${what} target at risk (due ${formatInstant(ticket.sla[clock].dueAt)})`
      : `${ticket.number}: ${what} target BREACHED (was due ${formatInstant(ticket.sla[clock].dueAt)})`;
  return {
    template: 'ticket-sla-alert',
    data: {
      ticketId: ticket.id,
      number: ticket.number,
      title: ticket.title,
      heading,
      breach: stage === 'breach',
      hasAssignee: ticket.assignee !== undefined,
      assigneeId: ticket.assignee?.aadObjectId ?? '',
      assigneeName: ticket.assignee?.displayName ?? '',
      unassignedText: 'Nobody is assigned: please pick it up.',
      handoff: handedToDedicatedTeam ? 'Critical solution: handed to the Power Platform team.' : '',
    },
  };
}
