/**
 * The help desk's use cases: work a ticket from its card (agents), follow and answer it (requester),
 * find tickets (list views, "ticket HD-42"). Every change is read → decide → one transaction with the
 * ticket's ETag; when someone else changed the ticket first, the caller gets the current card and
 * a clear message instead. Who may act comes from storage and the caller's identity only.
 */
import { activityRecord, type ActivityRef } from '../../domain/activity-ref';
import type { PersonRef } from '../../domain/history';
import { DEFAULT_SLA_CONFIG, type SlaConfig } from '../../domain/sla';
import { isWithDedicatedTeam } from '../../domain/tickets/dedicated-team-access';
import type { Ticket } from '../../domain/tickets/ticket';
import type { TicketListView, TicketPage } from '../../domain/tickets/ticket-lists';
import { isWithinReopenWindow, TICKET_STATUS_LABELS } from '../../domain/ticket-status';
import { tryParseTicketNumber, formatTicketNumber } from '../../domain/ticket-number';
import { ConcurrencyConflictError } from '../../domain/ports/storage-errors';
import type { Clock } from '../../domain/ports/clock';
import { requesterCard, ticketCard, type CardData } from './ticket-cards';
import { applyAgentCommand, applyRequesterCommand, CommandRefused, repeatOf, type AgentCommand, type Change, type RequesterCommand } from './ticket-changes';
import { notificationsFor } from './ticket-notifications';
import type { ChannelDirectory } from '../../domain/ports/channels';
import type { StoredTicket, TicketNumberAllocator, TicketRepository } from '../../domain/ports/tickets';
import type { TeamRoster } from '../../domain/ports/team-roster';

/** Seven days to say "it's not fixed" before a new request is needed. */
export const DEFAULT_REOPEN_WINDOW_MINUTES = 7 * 24 * 60;

export interface TicketServiceDeps {
  readonly tickets: TicketRepository;
  readonly numbers: TicketNumberAllocator;
  readonly channels: ChannelDirectory;
  readonly clock: Clock;
  readonly sla?: SlaConfig;
  readonly reopenWindowMinutes?: number;
}

/** What the Teams layer shows: a card (maybe with a notice for the caller), or a refusal in words. */
export type TicketResult = { readonly kind: 'card'; readonly card: CardData } | { readonly kind: 'refused'; readonly reason: string };

export type AgentRequest = Exclude<AgentCommand, { type: 'assign' }> | { readonly type: 'show' } | { readonly type: 'pick-assignee' } | { readonly type: 'assign-me' } | { readonly type: 'assign-to'; readonly assigneeId: unknown };

const refused = (reason: string): TicketResult => ({ kind: 'refused', reason });

/** What members of the dedicated team's team are told outside the tickets escalated to them. */
const DEDICATED_TEAM_MESSAGES = {
  notWithThem: "This ticket hasn't been escalated to the Power Platform team, so only the help desk's team can work it.",
  listsForHelpDesk: 'Ticket lists are for the help desk\'s team. The tickets escalated to the Power Platform team are posted in its channel; "mine" lists the ones assigned to you.',
} as const;

export class TicketService {
  readonly slaConfig: SlaConfig;
  readonly reopenWindowMinutes: number;

  constructor(private readonly deps: TicketServiceDeps) {
    this.slaConfig = deps.sla ?? DEFAULT_SLA_CONFIG;
    this.reopenWindowMinutes = deps.reopenWindowMinutes ?? DEFAULT_REOPEN_WINDOW_MINUTES;
  }

  /**
   * Which role the caller has on ticket cards: a member of the help desk's team, of the dedicated
   * team's (who may act only on the tickets escalated to them: see isWithDedicatedTeam), or none.
   */
  async agentRole(actor: PersonRef, roster: TeamRoster): Promise<{ role: 'agent' | 'dedicated-team'; teamId: string } | { refusal: string }> {
    const helpDesk = await this.deps.channels.getChannel('help-desk');
    if (helpDesk === undefined) return { refusal: 'No help desk channel is registered yet: an admin says "register help desk" in it first.' };
    try {
      if (await roster.isMember(helpDesk.teamId, actor.aadObjectId)) return { role: 'agent', teamId: helpDesk.teamId };
      const dedicated = await this.deps.channels.getChannel('dedicated-team');
      if (dedicated && (await roster.isMember(dedicated.teamId, actor.aadObjectId))) return { role: 'dedicated-team', teamId: helpDesk.teamId };
    } catch {
      // Teams did not answer: refuse (never guess membership), and say so.
      return { refusal: "I couldn't check the help desk team's members with Teams just now, so I can't let you act on tickets. Please try again in a moment." };
    }
    return { refusal: "Only members of the help desk's team can work tickets, and you're not a member of that team." };
  }

  /**
   * An agent's action on a ticket card. `activity` names the Teams activity that asked: a change records
   * it in its transaction, and a redelivery of it is answered with the card as it is, not applied again.
   */
  async act(actor: PersonRef, ticketId: string, request: AgentRequest, roster: TeamRoster, activity?: ActivityRef): Promise<TicketResult> {
    const who = await this.agentRole(actor, roster);
    if ('refusal' in who) return refused(who.refusal);
    const writes = request.type !== 'show' && request.type !== 'pick-assignee';
    const [stored, applied] = await Promise.all([this.deps.tickets.get(ticketId), writes ? this.appliedActivity(ticketId, activity) : undefined]);
    if (stored === undefined) return refused("I can't find this ticket any more.");
    if (who.role === 'dedicated-team' && !(await this.isWithDedicatedTeam(stored.ticket))) return refused(DEDICATED_TEAM_MESSAGES.notWithThem);
    if (applied) return this.card(stored.ticket, applied);
    const historyActor = { kind: 'user' as const, role: who.role, ...actor };
    switch (request.type) {
      case 'show':
        return this.card(stored.ticket);
      case 'pick-assignee': {
        const members = await roster.members(who.teamId);
        if (members.length === 0) return this.card(stored.ticket, "I couldn't read the help desk team's members right now; try again in a moment.");
        return { kind: 'card', card: ticketCard(stored.ticket, { members }) };
      }
      case 'assign-me':
        // "Assign to me" never takes a ticket from a colleague: that is "Assign to…", on purpose.
        if (stored.ticket.assignee && stored.ticket.assignee.aadObjectId !== actor.aadObjectId) {
          return this.card(stored.ticket, `${stored.ticket.assignee.displayName} already has this ticket. Use "Assign to…" to reassign it.`);
        }
        return this.change(stored, (t) => applyAgentCommand(t, { type: 'assign', assignee: actor }, historyActor, this.now()), actor, activity);
      case 'assign-to': {
        const id = typeof request.assigneeId === 'string' ? request.assigneeId.toLowerCase() : '';
        if (id === '') return this.card(stored.ticket, 'Pick someone from the list first.');
        // The choice came from card data: the person must really be in the help desk's team now.
        const member = (await roster.members(who.teamId)).find((m) => m.aadObjectId === id);
        if (!member) return this.card(stored.ticket, "That person isn't a member of the help desk team, so I can't assign the ticket to them.");
        return this.change(stored, (t) => applyAgentCommand(t, { type: 'assign', assignee: member }, historyActor, this.now()), actor, activity);
      }
      default:
        return this.change(stored, (t) => applyAgentCommand(t, request, historyActor, this.now()), actor, activity, (t) => repeatOf(t, request, actor, this.now()));
    }
  }

  /** The requester's action on their own ticket (from their 1:1 chat); `activity` as for `act`. */
  async requesterAct(actor: PersonRef, ticketId: string, command: RequesterCommand | { type: 'show' }, activity?: ActivityRef): Promise<TicketResult> {
    const [stored, applied] = await Promise.all([this.deps.tickets.get(ticketId), command.type === 'show' ? undefined : this.appliedActivity(ticketId, activity)]);
    if (stored === undefined || stored.ticket.requester.aadObjectId !== actor.aadObjectId) {
      return refused('This ticket is not one of yours, so I can only show it to the person who asked for help.');
    }
    if (command.type === 'show') return { kind: 'card', card: this.requesterView(stored.ticket, `${stored.ticket.number}: ${stored.ticket.title}`) };
    if (applied) return { kind: 'card', card: this.requesterView(stored.ticket, `${stored.ticket.number}: ${stored.ticket.title}`, applied) };
    const historyActor = { kind: 'user' as const, role: 'requester' as const, ...actor };
    const now = this.now();
    const attempt = async (current: StoredTicket): Promise<TicketResult> => {
      const t = current.ticket;
      const repeated = repeatOf(t, command, actor, now);
      if (repeated) return { kind: 'card', card: this.requesterView(t, `${t.number}: ${t.title}`, repeated) };
      const reopenAllowed = t.resolvedAt !== undefined && isWithinReopenWindow(new Date(t.resolvedAt), now, this.reopenWindowMinutes);
      let change: Change;
      try {
        change = applyRequesterCommand(t, command, historyActor, now, reopenAllowed);
      } catch (error) {
        if (error instanceof CommandRefused) return { kind: 'card', card: this.requesterView(t, `${t.number}: ${t.title}`, error.reason) };
        throw error;
      }
      const { ticket, outbox } = notificationsFor(change, this.reopenWindowMinutes, now);
      await this.deps.tickets.update(current, ticket, change.events, outbox, activity && activityRecord(activity, change.done, now));
      return { kind: 'card', card: this.requesterView(ticket, `${ticket.number}: ${ticket.title}`, change.done) };
    };
    try {
      return await attempt(stored);
    } catch (error) {
      if (!(error instanceof ConcurrencyConflictError)) throw error;
      // The help desk changed the ticket meanwhile (or this very activity was applied by an earlier
      // delivery): decide again on what it is now (once).
      const [current, appliedMeanwhile] = await Promise.all([this.deps.tickets.get(ticketId), this.appliedActivity(ticketId, activity)]);
      if (!current) return refused("I can't find this ticket any more.");
      if (appliedMeanwhile) return { kind: 'card', card: this.requesterView(current.ticket, `${current.ticket.number}: ${current.ticket.title}`, appliedMeanwhile) };
      try {
        return await attempt(current);
      } catch (again) {
        if (!(again instanceof ConcurrencyConflictError)) throw again;
        return { kind: 'card', card: this.requesterView(current.ticket, current.ticket.number, 'The ticket changed while you were acting: please try again.') };
      }
    }
  }

  /** "ticket HD-42": the card, for help desk members only. */
  async find(actor: PersonRef, text: string, roster: TeamRoster): Promise<TicketResult> {
    const who = await this.agentRole(actor, roster);
    if ('refusal' in who) return refused(who.refusal);
    const sequence = tryParseTicketNumber(text);
    if (sequence === undefined) return refused(text.trim() === '' ? 'Which ticket? Say "ticket HD-42".' : `"${text.slice(0, 40)}" is not a ticket number: try "ticket HD-42".`);
    const number = formatTicketNumber(sequence);
    const id = await this.deps.numbers.ticketIdOf(number);
    const stored = id ? await this.deps.tickets.get(id) : undefined;
    if (!stored) return refused(`There is no ticket ${number}.`);
    if (who.role === 'dedicated-team' && !(await this.isWithDedicatedTeam(stored.ticket))) return refused(DEDICATED_TEAM_MESSAGES.notWithThem);
    return this.card(stored.ticket);
  }

  /** A page of a list view, for help desk members only. */
  async list(actor: PersonRef, view: TicketListView, offset: number, pageSize: number, roster: TeamRoster): Promise<TicketPage | { refusal: string }> {
    const who = await this.agentRole(actor, roster);
    if ('refusal' in who) return who;
    // The queue's lists are the help desk's; a dedicated team member sees only what is assigned to them.
    if (who.role === 'dedicated-team' && view.kind !== 'mine') return { refusal: DEDICATED_TEAM_MESSAGES.listsForHelpDesk };
    return this.deps.tickets.list(view, Math.max(0, Math.floor(offset)), pageSize);
  }

  /** Ticket numbers and statuses for "my requests", by request id. */
  async statusesOf(requestIds: readonly string[]): Promise<Map<string, { number: string; status: string }>> {
    const found = await Promise.all(requestIds.map((id) => this.deps.tickets.get(id)));
    const out = new Map<string, { number: string; status: string }>();
    for (const s of found) if (s) out.set(s.ticket.id, { number: s.ticket.number, status: TICKET_STATUS_LABELS[s.ticket.status] });
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
    repeated: (t: Ticket) => string | undefined = () => undefined,
  ): Promise<TicketResult> {
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
      const saved = await this.deps.tickets.update(stored, ticket, change.events, outbox, activity && activityRecord(activity, change.done, this.now()));
      return this.card(saved.ticket, change.done);
    } catch (error) {
      if (!(error instanceof ConcurrencyConflictError)) throw error;
      const [current, applied] = await Promise.all([this.deps.tickets.get(stored.ticket.id), this.appliedActivity(stored.ticket.id, activity)]);
      if (!current) return refused("I can't find this ticket any more.");
      return this.card(current.ticket, applied ?? repeated(current.ticket) ?? conflictNotice(current.ticket, actor));
    }
  }

  /** Escalated to the dedicated team and not handed back (the history is read only for escalated tickets). */
  private async isWithDedicatedTeam(ticket: Ticket): Promise<boolean> {
    return ticket.escalatedTo !== undefined && isWithDedicatedTeam(ticket, await this.deps.tickets.history(ticket.id));
  }

  /** What the actor was told when this activity was applied to the ticket, if it was. */
  private async appliedActivity(ticketId: string, activity: ActivityRef | undefined): Promise<string | undefined> {
    return activity ? (await this.deps.tickets.activity(ticketId, activity.key))?.outcome : undefined;
  }

  private card(ticket: Ticket, notice?: string): TicketResult {
    return { kind: 'card', card: ticketCard(ticket, { notice }) };
  }

  private requesterView(ticket: Ticket, heading: string, notice?: string): CardData {
    return requesterCard(ticket, { heading, notice, reopenWindowMinutes: this.reopenWindowMinutes, now: this.now() });
  }

  private now(): Date {
    return this.deps.clock.now();
  }
}

/** What the loser of a race is told, with the card as it is now. */
function conflictNotice(current: Ticket, actor: PersonRef): string {
  const assignee = current.assignee;
  if (assignee && assignee.aadObjectId !== actor.aadObjectId) {
    return `Someone acted on this ticket just before you: it's now ${TICKET_STATUS_LABELS[current.status].toLowerCase()} and assigned to ${assignee.displayName}. Your action was not applied; here is the ticket as it is now.`;
  }
  return `Someone changed this ticket just before you (it's now ${TICKET_STATUS_LABELS[current.status].toLowerCase()}). Your action was not applied; check the card and try again.`;
}

