/**
 * The help desk's use cases: work a ticket from its card (agents), find tickets (list views,
 * "ticket HD-42"), and the requester's actions (requester-ticket-actions.ts). Every change is
 * read → decide → one transaction with the ticket's ETag; when someone else changed the ticket first,
 * the caller gets the current card and a clear message instead. Who may act comes from storage and
 * the caller's identity only (agent-role.ts).
 */
import { activityRecord, type ActivityRef } from '../../domain/activity-ref';
import type { HistoryActor, PersonRef } from '../../domain/history';
import type { HelpDeskQueueId } from '../../domain/queues/queue';
import { withSlaPause } from '../../domain/tickets/settled-command';
import type { DedicatedQueueService } from './dedicated-queue-service';
import { DEFAULT_SLA_CONFIG, type SlaConfig } from '../../domain/sla';
import type { Ticket } from '../../domain/tickets/ticket';
import type { TicketListView, TicketPage } from '../../domain/tickets/ticket-lists';
import { tryParseTicketNumber, formatTicketNumber } from '../../domain/ticket-number';
import { ConcurrencyConflictError } from '../../domain/ports/storage-errors';
import type { Clock } from '../../domain/ports/clock';
import { text, type Text } from '../../domain/text';
import { applyAgentCommand, CommandRefused, repeatOf, type Change, type RequesterCommand } from '../../domain/tickets/ticket-changes';
import { cardAnswer, messageAnswer, type Answer } from '../../presentation/answer';
import { ticketStatusLabel } from '../../presentation/labels';
import { ticketCard, ticketListCard, type Words } from '../../presentation/ticket-cards';
import { notificationsFor } from './ticket-notifications';
import type { ChannelDirectory } from '../../domain/ports/channels';
import type { StoredTicket, TicketNumberAllocator, TicketRepository } from '../../domain/ports/tickets';
import type { TeamRoster } from '../../domain/ports/team-roster';
import { agentRoleOf, withDedicatedTeamNow, type AgentRole } from './agent-role';
import { appliedActivity } from './applied-activity';
import { RequesterTicketActions } from './requester-ticket-actions';
import { helpDeskQueueOf } from '../../domain/tickets/ticket-queue';
import { conflictNotice, type AgentRequest } from './agent-request';

export type { AgentRequest } from './agent-request';

/** Seven days to say "it's not fixed" before a new request is needed. */
export const DEFAULT_REOPEN_WINDOW_MINUTES = 7 * 24 * 60;

export interface TicketServiceDeps {
  readonly tickets: TicketRepository;
  /** The dedicated team's queue: the help desk's Escalate to it goes there (hand-off, Accept, …). */
  readonly dedicated?: DedicatedQueueService;
  readonly numbers: TicketNumberAllocator;
  readonly channels: ChannelDirectory;
  readonly clock: Clock;
  readonly sla?: SlaConfig;
  readonly reopenWindowMinutes?: number;
}

const refused = (key: Parameters<typeof text>[0]): Answer => messageAnswer(text(key));

export class TicketService {
  readonly slaConfig: SlaConfig;
  readonly reopenWindowMinutes: number;
  private readonly requester: RequesterTicketActions;

  constructor(private readonly deps: TicketServiceDeps) {
    this.slaConfig = deps.sla ?? DEFAULT_SLA_CONFIG;
    this.reopenWindowMinutes = deps.reopenWindowMinutes ?? DEFAULT_REOPEN_WINDOW_MINUTES;
    this.requester = new RequesterTicketActions(deps, this.reopenWindowMinutes, this.slaConfig);
  }

  /** Which role the caller has on ticket cards (agent-role.ts). */
  async agentRole(actor: PersonRef, roster: TeamRoster, queue?: HelpDeskQueueId): Promise<AgentRole> {
    return agentRoleOf(this.deps.channels, actor, roster, queue);
  }

  /**
   * An agent's action on a ticket card. `activity` names the Teams activity that asked: a change records
   * it in its transaction, and a redelivery of it is answered with the card as it is, not applied again.
   */
  async act(actor: PersonRef, ticketId: string, request: AgentRequest, roster: TeamRoster, activity?: ActivityRef): Promise<Answer> {
    if (request.type === 'escalate' && request.target === 'dedicated-team' && this.deps.dedicated) {
      return this.deps.dedicated.escalate(actor, ticketId, request.summary, request.tried, roster, activity);
    }
    const writes = request.type !== 'show' && request.type !== 'pick-assignee';
    const [stored, applied] = await Promise.all([
      this.deps.tickets.get(ticketId),
      writes ? this.appliedActivity(ticketId, activity) : undefined,
    ]);
    // The team of the help desk queue the ticket belongs to (queue-routing.ts), from storage.
    const who = await this.agentRole(actor, roster, stored && helpDeskQueueOf(stored.ticket));
    if ('refusal' in who) return messageAnswer(who.refusal);
    if (stored === undefined) return refused('messages.tickets.notFound');
    // Members of the team whose queue holds the ticket work it: the help desk's on its tickets, the
    // dedicated team's on those escalated to them. The help desk still sees (and answers the team on)
    // a ticket the dedicated team holds.
    const withTeam = await withDedicatedTeamNow(this.deps.tickets, stored.ticket);
    if (who.role === 'dedicated-team' && !withTeam) return refused('messages.tickets.role.notWithDedicatedTeam');
    if (who.role === 'agent' && withTeam && !who.alsoDedicated && request.type !== 'show')
      return this.card(stored.ticket, text('messages.handoff.refused.helpDeskWaits'));
    if (applied) return this.card(stored.ticket, applied);
    const role: 'agent' | 'dedicated-team' = withTeam ? 'dedicated-team' : 'agent';
    const historyActor = { kind: 'user' as const, role, ...actor };
    switch (request.type) {
      case 'show':
        return this.card(stored.ticket);
      case 'pick-assignee': {
        const members = await roster.members(who.teamId);
        if (members.length === 0) return this.card(stored.ticket, text('messages.tickets.membersUnavailable'));
        return cardAnswer(ticketCard(stored.ticket, { members }));
      }
      case 'assign-me':
        return this.change(
          stored,
          (t) => applyAgentCommand(t, { type: 'assign-me', me: actor }, historyActor, this.now()),
          actor,
          activity,
        );
      case 'assign-to': {
        const id = typeof request.assigneeId === 'string' ? request.assigneeId.toLowerCase() : '';
        if (id === '') return this.card(stored.ticket, text('messages.tickets.pickSomeone'));
        // The choice came from card data: the person must really be in the help desk's team now.
        const member = (await roster.members(who.teamId)).find((m) => m.aadObjectId === id);
        if (!member) return this.card(stored.ticket, text('messages.tickets.notInTeam'));
        return this.change(
          stored,
          (t) => applyAgentCommand(t, { type: 'assign-to', assignee: member }, historyActor, this.now()),
          actor,
          activity,
        );
      }
      default:
        return this.change(
          stored,
          (t) => this.settled(t, applyAgentCommand(t, request, historyActor, this.now()), historyActor),
          actor,
          activity,
          (t) => repeatOf(t, request, actor, this.now()),
        );
    }
  }
  /** The requester's action on their own ticket (from their 1:1 chat); `activity` as for `act`. */
  async requesterAct(
    actor: PersonRef,
    ticketId: string,
    command: RequesterCommand | { type: 'show' },
    activity?: ActivityRef,
  ): Promise<Answer> {
    return this.requester.act(actor, ticketId, command, activity);
  }

  /** "ticket HD-42": the card, for help desk members only. */
  async find(actor: PersonRef, typed: string, roster: TeamRoster): Promise<Answer> {
    const sequence = tryParseTicketNumber(typed);
    if (sequence === undefined) {
      const who = await this.agentRole(actor, roster);
      if ('refusal' in who) return messageAnswer(who.refusal);
      return typed.trim() === ''
        ? refused('messages.tickets.find.which')
        : messageAnswer(text('messages.tickets.find.notANumber', { typed: typed.slice(0, 40) }));
    }
    const number = formatTicketNumber(sequence);
    const id = await this.deps.numbers.ticketIdOf(number);
    const stored = id ? await this.deps.tickets.get(id) : undefined;
    const who = await this.agentRole(actor, roster, stored && helpDeskQueueOf(stored.ticket));
    if ('refusal' in who) return messageAnswer(who.refusal);
    if (!stored) return messageAnswer(text('messages.tickets.find.noSuchTicket', { number }));
    if (who.role === 'dedicated-team' && !(await withDedicatedTeamNow(this.deps.tickets, stored.ticket)))
      return refused('messages.tickets.role.notWithDedicatedTeam');
    return this.card(stored.ticket);
  }

  /** A page of a list view, for help desk members only; `after` continues from a previous page (TicketPage.next). */
  async list(
    actor: PersonRef,
    view: TicketListView,
    offset: number,
    pageSize: number,
    roster: TeamRoster,
    after?: string,
  ): Promise<Answer> {
    const who = await this.agentRole(actor, roster);
    if ('refusal' in who) return messageAnswer(who.refusal);
    // The queue's lists are the help desk's; a dedicated team member sees only what is assigned to them.
    if (who.role === 'dedicated-team' && view.kind !== 'mine') return refused('messages.tickets.role.listsForHelpDesk');
    const page: TicketPage = await this.deps.tickets.list(view, Math.max(0, Math.floor(offset)), pageSize, after);
    return cardAnswer(ticketListCard(view, page));
  }

  /** Ticket numbers and statuses for "my requests", by request id. */
  async statusesOf(requestIds: readonly string[]): Promise<Map<string, { number: string; status: Text }>> {
    const found = await Promise.all(requestIds.map((id) => this.deps.tickets.get(id)));
    const out = new Map<string, { number: string; status: Text }>();
    for (const s of found) if (s) out.set(s.ticket.id, { number: s.ticket.number, status: ticketStatusLabel(s.ticket.status) });
    return out;
  }

  /**
   * Read → decide → one transaction. `repeated` tells a double click of an append (see repeatOf): it is
   * answered as done, and so is a conflict with an earlier delivery of the same activity.
   */
  private async change(
    stored: StoredTicket,
    decide: (t: Ticket) => Change,
    actor: PersonRef,
    activity?: ActivityRef,
    repeated: (t: Ticket) => Text | undefined = () => undefined,
  ): Promise<Answer> {
    const repeat = repeated(stored.ticket);
    if (repeat) return this.card(stored.ticket, repeat);
    let change: Change;
    try {
      change = decide(stored.ticket);
    } catch (error) {
      if (error instanceof CommandRefused) return this.card(stored.ticket, error.reason);
      throw error;
    }
    const { ticket, outbox } = notificationsFor(change, this.reopenWindowMinutes, this.now());
    try {
      const saved = await this.deps.tickets.update(
        stored,
        ticket,
        change.events,
        outbox,
        activity && activityRecord(activity, change.done, this.now()),
      );
      return this.card(saved.ticket, change.done);
    } catch (error) {
      if (!(error instanceof ConcurrencyConflictError)) throw error;
      const [current, applied] = await Promise.all([
        this.deps.tickets.get(stored.ticket.id),
        this.appliedActivity(stored.ticket.id, activity),
      ]);
      if (!current) return refused('messages.tickets.notFound');
      return this.card(current.ticket, applied ?? repeated(current.ticket) ?? conflictNotice(current.ticket, actor));
    }
  }

  /** Clocks paused while the ticket waits on the requester or a vendor, resumed on the answer. */
  private settled(before: Ticket, change: Change, actor: HistoryActor): Change {
    return withSlaPause(before, change, this.now(), this.slaConfig, actor);
  }

  private appliedActivity(ticketId: string, activity: ActivityRef | undefined): Promise<Text | undefined> {
    return appliedActivity(this.deps.tickets, ticketId, activity);
  }

  private card(ticket: Ticket, notice?: Words): Answer {
    return cardAnswer(ticketCard(ticket, { notice }));
  }

  private now(): Date {
    return this.deps.clock.now();
  }
}
