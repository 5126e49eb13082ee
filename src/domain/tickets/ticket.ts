/**
 * A help desk ticket: the request it came from (same id), its number, who works it, its status in
 * the state machine (ticket-status.ts), its SLA clocks and external references. Pure data.
 */
import type { UnlistedSolution } from '../intake/unlisted-solution';
import type { HandOff } from '../escalation/hand-off';
import type { ExternalCase, PendingCaseConfirmation } from '../external-cases/external-case';
import type { PersonRef } from '../history';
import type { SolutionSnapshot, SupportRequest } from '../intake/support-request';
import type { RequestCategory } from '../request-category';
import type { Impact, Severity, Urgency } from '../severity';
import type { QueueId } from '../queues/queue';
import { businessHoursOf } from '../queues/queue-hours';
import { slaTargetFor, type SlaConfig, type SlaKind } from '../sla';
import { startClock, type SlaClock } from '../sla-clock';
import type { ExternalEscalationTarget } from '../support-model';
import type { TicketNumber } from '../ticket-number';
import type { TicketStatus } from '../ticket-status';
import type { SuggestionStatus } from '../suggestions/suggestion-status';

export type { SlaClock } from '../sla-clock';

export interface ExternalReference {
  readonly target: ExternalEscalationTarget;
  readonly caseReference: string;
  readonly at: string;
}

/**
 * What was appended last: an internal note, a reply to the requester, a question, the requester's
 * answer or added details; or the help desk's or the maker's answer to the dedicated team.
 */
export type LastNoteKind = 'note' | 'reply' | 'request-info' | 'answer' | 'add-details' | 'info-given';

export interface Ticket {
  /** Same as the request's id (and the intake's id): creation is idempotent on it. */
  readonly id: string;
  readonly number: TicketNumber;
  readonly requestReference: string;
  readonly requester: PersonRef;
  readonly solution?: SolutionSnapshot;
  /** "It's not listed": the solution as the requester named it. */
  readonly unlistedSolution?: UnlistedSolution;
  readonly category: RequestCategory;
  readonly title: string;
  readonly description: string;
  readonly since: string;
  readonly impact: Impact;
  readonly urgency: Urgency;
  readonly severity: Severity;
  readonly status: TicketStatus;
  readonly assignee?: PersonRef;
  /** Where it is escalated to, while escalated (or last escalated). */
  readonly escalatedTo?: 'dedicated-team' | ExternalEscalationTarget;
  readonly externalReferences: readonly ExternalReference[];
  /** The queue holding the ticket; absent on tickets stored before queues (see tickets/ticket-queue.ts). */
  readonly queue?: QueueId;
  /** The newest hand-offs to the dedicated team (escalation/hand-off.ts). */
  readonly handOffs?: readonly HandOff[];
  /** Partner and Microsoft cases (external-cases/), newest kept. */
  readonly externalCases?: readonly ExternalCase[];
  /** A Sev A or B Microsoft case waiting for an IT admin. */
  readonly pendingCase?: PendingCaseConfirmation;
  /** The major incident this ticket is linked to. */
  readonly incidentId?: string;
  readonly sla: Readonly<Record<SlaKind, SlaClock>>;
  /** The last thing appended, as typed; its kind names it on the card (rows before kinds hold "Reply: …" in English and no kind). */
  readonly lastNote?: {
    readonly kind?: LastNoteKind;
    readonly text: string;
    readonly by: string;
    readonly at: string;
    /** Who wrote it (tells a double click from a colleague's note). */ readonly byId?: string;
  };
  /** The open question to the requester, while waiting on them. */
  readonly pendingQuestion?: string;
  readonly resolution?: string;
  readonly resolvedAt?: string;
  /** While resolved: when the reopen window ends and the scheduler closes the ticket. */
  readonly autoCloseAt?: string;
  /** The newest improvement the help desk suggested from this ticket, and its status (suggestions/suggestion.ts). */
  readonly suggestion?: { readonly id: string; readonly status: SuggestionStatus };
  /** Ids of the outbox messages that posted this ticket's card (help desk, dedicated team): updates go there. */
  readonly cardMessageIds: readonly string[];
  /** Bumped on every change; card updates carry it so a late delivery never shows an older card. */
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/**
 * Bounds on the ticket's lists, so a long-lived ticket always fits its entity and the transaction
 * that changes it. Every change writes one outbox row per posted card, each carrying the whole card:
 * with every text at its limit in Korean, a change at these bounds measured 13 rows (plus index
 * rows) and 390 KB of JSON, of the 100 rows and 4 MiB a transaction allows, leaving room for text
 * that JSON escapes at six bytes a character; ten references keep the card's "external references"
 * line short. Older entries are dropped, never the newest.
 */
export const MAX_CARD_POSTS = 10;
export const MAX_EXTERNAL_REFERENCES = 10;

/**
 * The posted cards after posting `id`: the first post (the help desk channel's card, which every
 * change must keep updating) and the newest MAX_CARD_POSTS − 1 others (dedicated team hand-offs);
 * older hand-off cards simply stop being updated.
 */
export function withCardPost(posts: readonly string[], id: string): readonly string[] {
  if (posts.includes(id)) return posts;
  const [first, ...others] = [...posts, id];
  return [first, ...others.slice(-(MAX_CARD_POSTS - 1))];
}

/** The external references after adding `reference`: the newest MAX_EXTERNAL_REFERENCES. */
export function withExternalReference(
  references: readonly ExternalReference[],
  reference: ExternalReference,
): readonly ExternalReference[] {
  return [...references, reference].slice(-MAX_EXTERNAL_REFERENCES);
}

export interface OpenTicketOptions {
  /** The queue that holds the new ticket (default: the help desk's default queue). */
  readonly queue?: QueueId;
}

/** The ticket a help-desk request opens, with both SLA clocks started at `now` on the queue's targets. */
export function openTicket(
  request: SupportRequest,
  number: TicketNumber,
  config: SlaConfig,
  now: Date,
  options: OpenTicketOptions = {},
): Ticket {
  const target = slaTargetFor(config, request.severity, request.solution?.tier, options.queue);
  const rule = (minutes: number) => ({
    minutes,
    clock: target.clock,
    businessHours: businessHoursOf(config, options.queue),
    warningShare: config.warningShare,
  });
  const at = now.toISOString();
  return {
    id: request.id,
    number,
    requestReference: request.reference,
    requester: request.requester,
    solution: request.solution,
    ...(request.unlistedSolution ? { unlistedSolution: request.unlistedSolution } : {}),
    category: request.category,
    title: request.details.title,
    description: request.details.description,
    since: request.details.since,
    impact: request.details.impact,
    urgency: request.details.urgency,
    severity: request.severity,
    status: 'new',
    externalReferences: [],
    ...(options.queue ? { queue: options.queue } : {}),
    sla: {
      'first-response': startClock(now, rule(target.firstResponseMinutes)),
      resolution: startClock(now, rule(target.resolutionMinutes)),
    },
    cardMessageIds: [],
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
}

/** Sets or clears the auto-close time: a resolved ticket closes itself when the reopen window ends. */
export function withAutoClose(ticket: Ticket, reopenWindowMinutes: number): Ticket {
  if (ticket.status !== 'resolved' || ticket.resolvedAt === undefined)
    return ticket.autoCloseAt === undefined ? ticket : { ...ticket, autoCloseAt: undefined };
  return { ...ticket, autoCloseAt: new Date(Date.parse(ticket.resolvedAt) + reopenWindowMinutes * 60_000).toISOString() };
}

export type SlaStage = 'warning' | 'breach';

/** The next SLA event the scheduler owes this ticket, if any (earliest first). */
export function nextSlaEvent(ticket: Ticket): { readonly clock: SlaKind; readonly stage: SlaStage; readonly at: string } | undefined {
  if (ticket.status === 'resolved' || ticket.status === 'closed') return undefined;
  const events: { clock: SlaKind; stage: SlaStage; at: string }[] = [];
  for (const kind of ['first-response', 'resolution'] as const) {
    const c = ticket.sla[kind];
    // A met clock is done; a paused one owes nothing until it resumes (its instants then move out).
    if (c.metAt !== undefined || c.pausedSince !== undefined) continue;
    if (!c.warned && !c.breached) events.push({ clock: kind, stage: 'warning', at: c.warnAt });
    if (!c.breached) events.push({ clock: kind, stage: 'breach', at: c.dueAt });
  }
  events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return events[0];
}
