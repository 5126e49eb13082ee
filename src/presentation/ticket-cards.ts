/**
 * The help desk's cards (`ticket`, `ticket-requester`, `ticket-sla-alert`, `ticket-list`). Plain values
 * and `Text` only: the same data is written into outbox messages and returned in invoke responses,
 * and rendered in the reader's language. User text is data, never template.
 */
import { mayPublishFrom } from '../domain/knowledge/article-from-ticket';
import { publishArticleFields } from './knowledge-review-cards';
import { solutionNameOf, tierOf } from './solution-lines';
import type { PersonRef } from '../domain/history';
import type { SlaKind } from '../domain/sla';
import type { Ticket } from '../domain/tickets/ticket';
import type { TicketListView, TicketPage } from '../domain/tickets/ticket-lists';
import { allowedActions, isOpenStatus, isWithinReopenWindow, type TicketAction } from '../domain/ticket-status';
import type { MessageKey } from '../domain/message-keys';
import { instant, text, type TextParam } from '../domain/text';
import type { CardRef } from './cards';
import { DEDICATED_TEAM_QUEUE } from '../domain/queues/queue';
import { holdingQueue } from '../domain/tickets/ticket-queue';
import { dedicatedTeamLine, helpDeskQuestion } from './handoff-cards';
import { clockLabel, lastNoteLabel, type Words } from './ticket-words';
import { escalationLabel, severityLabel, ticketStatusLabel } from './labels';
import { externalCaseFields } from './external-case-cards';
import { ticketIncidentFields } from './incident-cards';
import { ticketSuggestionFields } from './suggestion-cards';

export type { Words } from './ticket-words';

const STATUS_CHOICES: Partial<Record<TicketAction, MessageKey>> = {
  start: 'messages.tickets.statusChoice.start',
  'wait-on-vendor': 'messages.tickets.statusChoice.wait-on-vendor',
  close: 'messages.tickets.statusChoice.close',
};

export interface TicketCardOptions {
  /** Shown only to the person who acted (in the invoke response), e.g. why their action did not apply. */
  readonly notice?: Words;
  /** Help desk members to pick an assignee from ("Assign to…"). */
  readonly members?: readonly PersonRef[];
}

/** The help desk's card: the ticket at a glance and every action its status allows an agent. */
export function ticketCard(ticket: Ticket, options: TicketCardOptions = {}): CardRef {
  // While the dedicated team holds it, the help desk sees it and answers the team's questions only.
  const withTeam = holdingQueue(ticket) === DEDICATED_TEAM_QUEUE;
  const actions = new Set(withTeam ? [] : allowedActions(ticket.status, 'agent'));
  const statusChoices = (Object.keys(STATUS_CHOICES) as TicketAction[])
    .filter((a) => actions.has(a))
    .map((a) => ({ title: text(STATUS_CHOICES[a]!), value: a }));
  const open = isOpenStatus(ticket.status);
  const members = (options.members ?? []).map((m) => ({ title: m.displayName, value: m.aadObjectId }));
  const references: TextParam[] = ticket.externalReferences.map((r) =>
    text('messages.tickets.externalReference', { target: escalationLabel(r.target), reference: r.caseReference }),
  );
  return {
    card: 'ticket',
    data: {
      ticketId: ticket.id,
      number: ticket.number,
      title: ticket.title,
      description: ticket.description,
      severity: severityLabel(ticket.severity),
      severityA: ticket.severity === 'A',
      tier: tierOf(ticket, 'messages.tickets.noTier'),
      solutionName: solutionNameOf(ticket, 'messages.tickets.notInCatalog'),
      requesterName: ticket.requester.displayName,
      status: ticketStatusLabel(ticket.status),
      assignee: ticket.assignee?.displayName ?? text('messages.tickets.unassigned'),
      firstResponseDue: clockLabel(ticket, 'first-response'),
      resolutionDue: clockLabel(ticket, 'resolution'),
      escalatedTo: ticket.escalatedTo ? escalationLabel(ticket.escalatedTo) : '',
      externalReferences: listOf(references),
      lastNote: lastNoteLabel(ticket),
      dedicatedTeam: dedicatedTeamLine(ticket),
      teamQuestion: helpDeskQuestion(ticket),
      canAnswerTeam: ticket.status === 'waiting-on-help-desk',
      canChangeSeverity: !withTeam && ticket.status !== 'closed',
      resolution: ticket.resolution ?? '',
      notice: options.notice ?? '',
      version: ticket.version,
      canAssignMe: actions.has('assign') && ticket.assignee === undefined,
      canAssign: actions.has('assign'),
      canChangeStatus: statusChoices.length > 0,
      statusChoices,
      canNote: !withTeam && ticket.status !== 'closed',
      canReply: !withTeam && open,
      canRequestInfo: actions.has('request-info'),
      canResolve: actions.has('resolve'),
      canReopen: actions.has('reopen'),
      canEscalate: actions.has('escalate'),
      picking: members.length > 0,
      members,
      ...externalCaseFields(ticket),
      ...ticketIncidentFields(ticket),
      ...publishArticleFields(mayPublishFrom(ticket), 'help-desk'),
      ...ticketSuggestionFields(ticket.suggestion),
    },
  };
}

/** "a, b, c" as one text (each part rendered in the reader's language). */
function listOf(parts: readonly TextParam[]): TextParam {
  if (parts.length === 0) return '';
  return parts.slice(1).reduce<TextParam>((list, part) => text('common.commaList', { list, part }), parts[0]!);
}

export interface RequesterCardOptions {
  readonly heading: Words;
  /** What the help desk wrote (a reply, a question, the resolution), shown as typed; or words of ours. */
  readonly message?: Words;
  readonly notice?: Words;
  readonly reopenWindowMinutes: number;
  readonly now: Date;
}

/** What the requester sees in their 1:1 chat about their ticket, with what they may do now. */
export function requesterCard(ticket: Ticket, options: RequesterCardOptions): CardRef {
  const actions = new Set(allowedActions(ticket.status, 'requester'));
  const resolvedAt = ticket.resolvedAt ? new Date(ticket.resolvedAt) : undefined;
  const canReopen =
    actions.has('reopen') && resolvedAt !== undefined && isWithinReopenWindow(resolvedAt, options.now, options.reopenWindowMinutes);
  return {
    card: 'ticket-requester',
    data: {
      ticketId: ticket.id,
      number: ticket.number,
      title: ticket.title,
      heading: options.heading,
      message: options.message ?? '',
      notice: options.notice ?? '',
      status: ticketStatusLabel(ticket.status),
      assignee: ticket.assignee?.displayName ?? text('messages.tickets.notAssignedYet'),
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
export function slaAlertCard(ticket: Ticket, clock: SlaKind, stage: 'warning' | 'breach', handedToDedicatedTeam: boolean): CardRef {
  const params = { number: ticket.number, at: instant(ticket.sla[clock].dueAt) };
  const heading =
    clock === 'first-response'
      ? text(stage === 'warning' ? 'messages.tickets.sla.firstResponseAtRisk' : 'messages.tickets.sla.firstResponseBreached', params)
      : text(stage === 'warning' ? 'messages.tickets.sla.resolutionAtRisk' : 'messages.tickets.sla.resolutionBreached', params);
  return {
    card: 'ticket-sla-alert',
    data: {
      ticketId: ticket.id,
      number: ticket.number,
      title: ticket.title,
      heading,
      breach: stage === 'breach',
      hasAssignee: ticket.assignee !== undefined,
      assigneeId: ticket.assignee?.aadObjectId ?? '',
      assigneeName: ticket.assignee?.displayName ?? '',
      unassignedText: text('messages.tickets.sla.unassigned'),
      handoff: handedToDedicatedTeam ? text('messages.tickets.sla.handedOff') : '',
    },
  };
}

/** Rows per page of a ticket list. */
export const TICKET_PAGE_SIZE = 10;

const LIST_HEADINGS = {
  open: 'messages.tickets.list.open',
  unassigned: 'messages.tickets.list.unassigned',
  mine: 'messages.tickets.list.mine',
} as const satisfies Record<TicketListView['kind'], MessageKey>;

const LIST_EMPTY = {
  open: 'messages.tickets.list.openEmpty',
  unassigned: 'messages.tickets.list.unassignedEmpty',
  mine: 'messages.tickets.list.mineEmpty',
} as const satisfies Record<TicketListView['kind'], MessageKey>;

export function ticketListCard(view: TicketListView, page: TicketPage): CardRef {
  const severity = view.severity;
  const last = page.offset + page.items.length;
  return {
    card: 'ticket-list',
    data: {
      heading: severity
        ? text('messages.tickets.list.filtered', { heading: text(LIST_HEADINGS[view.kind]), severity: severityLabel(severity) })
        : text(LIST_HEADINGS[view.kind]),
      emptyText: text(LIST_EMPTY[view.kind]),
      items: page.items.map((t) => ({
        number: t.number,
        severity: severityLabel(t.severity),
        title: t.title,
        status: ticketStatusLabel(t.status),
        assignee: t.assigneeName ?? text('messages.tickets.unassigned'),
        solution: t.solutionName ?? solutionNameOf({ category: t.category ?? 'solution-problem', ...t }, 'messages.tickets.notInCatalog'),
        due: instant(t.resolutionDueAt),
      })),
      range: text(page.hasMore ? 'messages.tickets.list.rangeMore' : 'messages.tickets.list.range', { first: page.offset + 1, last }),
      view: view.kind,
      severityFilter: severity ?? '',
      hasPrevious: page.offset > 0,
      previousOffset: Math.max(0, page.offset - TICKET_PAGE_SIZE),
      hasNext: page.hasMore,
      nextOffset: page.offset + TICKET_PAGE_SIZE,
      nextAfter: page.next ?? '',
    },
  };
}
