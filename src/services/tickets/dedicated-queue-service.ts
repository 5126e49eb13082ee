/**
 * The dedicated team's queue: the help desk's Escalate, the hand-off card's actions (Accept, Ask,
 * Return, Resolve, Change severity), the answers to its questions (help desk from its card, maker
 * from a DM), and severity changes from the help desk's card. Each is read → decide (the domain) → one
 * transaction (ticket-change-runner.ts); who may act comes from the stored ticket and the rosters.
 */ import type { ActivityRef } from '../../domain/activity-ref';
import { acceptEscalation } from '../../domain/escalation/accept-escalation';
import { escalateToDedicatedTeam } from '../../domain/escalation/escalate-to-dedicated-team';
import { isInfoParty } from '../../domain/escalation/escalation-trigger';
import { askForInformation } from '../../domain/escalation/information-requests';
import { returnToHelpDesk } from '../../domain/escalation/return-to-help-desk';
import type { PersonRef } from '../../domain/history';
import type { TeamRoster } from '../../domain/ports/team-roster';
import type { StoredTicket } from '../../domain/ports/tickets';
import { belongsTo, type ActorStanding } from '../../domain/queues/actor-standing';
import { DEDICATED_TEAM_QUEUE } from '../../domain/queues/queue';
import { isSeverity } from '../../domain/severity';
import { text } from '../../domain/text';
import { changeSeverity } from '../../domain/tickets/change-severity';
import type { Ticket } from '../../domain/tickets/ticket';
import { applyAgentCommand } from '../../domain/tickets/ticket-changes';
import { answered, ASKED_DONE, changed, escalated, legacy, type User } from './dedicated-queue-decisions';
import { lastNoteBy } from '../../domain/tickets/repeat-detection';
import { isMakerOf, mayTake } from '../../domain/tickets/ticket-permissions';
import { holdingQueue } from '../../domain/tickets/ticket-queue';
import { cardAnswer, messageAnswer, type Answer } from '../../presentation/answer';
import { handOffCard, makerQuestionCard } from '../../presentation/handoff-cards';
import { severityLabel } from '../../presentation/labels';
import { queueRefusal } from '../../presentation/queue-refusals';
import { ticketCard } from '../../presentation/ticket-cards';
import { personalStanding, queueStanding } from './queue-standing';
import { runTicketChange, type Decided, type View } from './ticket-change-runner';
import { loadForChange } from './load-for-change';
import type { DedicatedQueueDeps, HandOffRequest } from './dedicated-queue-types';
import { makerQuestion, seesHandOff, seesTicketCard } from './dedicated-queue-visibility';

export type { DedicatedQueueDeps, HandOffRequest } from './dedicated-queue-types';
export { makerQuestion } from './dedicated-queue-visibility';

export class DedicatedQueueService {
  constructor(private readonly deps: DedicatedQueueDeps) {}

  /** A button on the hand-off card in the dedicated team's channel. */
  async handOff(actor: PersonRef, ticketId: string, request: HandOffRequest, roster: TeamRoster, activity?: ActivityRef): Promise<Answer> {
    const who = await queueStanding(actor, roster, this.deps.channels, this.deps.escalationRoles);
    if (!who.ok) return messageAnswer(who.refusal);
    const { standing } = who;
    if (standing.queues.length === 0) return messageAnswer(text('messages.handoff.refused.not-permitted'));
    const view: View = (t, notice) => cardAnswer(handOffCard(t, { notice }));
    const loaded = await loadForChange(this.deps.tickets, ticketId, activity, request.type !== 'show');
    if ('answer' in loaded) return loaded.answer;
    const { stored, record, applied } = loaded;
    if (!seesHandOff(record(stored.ticket), standing)) return messageAnswer(text('messages.tickets.role.notWithDedicatedTeam'));
    if (applied) return view(record(stored.ticket), applied);
    const user: User = { kind: 'user', role: 'dedicated-team', ...actor };
    switch (request.type) {
      case 'show':
        return view(record(stored.ticket));
      case 'accept':
        return this.run(stored, record, view, activity, (t, now) => {
          const d = acceptEscalation(t, standing, user, now, this.deps.sla);
          if (!d.ok) return { refusal: queueRefusal(d.reason, t, d.reason === 'already-accepted' ? d.owner : undefined) };
          return changed(t, d, text('messages.handoff.done.accepted'), {
            heading: text('messages.handoff.tell.accepted', { name: d.owner.displayName, number: t.number }),
          });
        });
      case 'ask': {
        const party = request.party;
        if (!isInfoParty(party)) return view(record(stored.ticket), text('messages.handoff.refused.pickParty'));
        return this.run(stored, record, view, activity, (t, now) => {
          const d = askForInformation(t, party, request.text, standing, user, now, this.deps.sla);
          if (!d.ok) return { refusal: queueRefusal(d.reason, t) };
          const question = d.next.pendingQuestion ?? '';
          const change = changed(
            t,
            { ...d, next: { ...d.next, lastNote: lastNoteBy(user, 'request-info', question, now) } },
            text(ASKED_DONE[party]),
            party === 'requester'
              ? { heading: text('messages.tickets.tell.question', { name: actor.displayName, number: t.number }), message: question }
              : undefined,
          );
          return party === 'maker' ? { ...change, also: (next: Ticket) => [makerQuestion(next)] } : change;
        });
      }
      case 'return':
        return this.run(stored, record, view, activity, (t, now) => {
          const d = returnToHelpDesk(t, request.text, standing, user, now, this.deps.sla);
          if (!d.ok) return { refusal: queueRefusal(d.reason, t) };
          return changed(t, d, text('messages.handoff.done.returned'), {
            heading: text('messages.handoff.tell.returned', { number: t.number }),
          });
        });
      case 'resolve':
        return this.run(stored, record, view, activity, (t, now) => {
          if (holdingQueue(t) !== DEDICATED_TEAM_QUEUE) return { refusal: queueRefusal('not-escalated', t) };
          if (!mayTake(t, 'resolve', standing)) return { refusal: queueRefusal('not-permitted', t) };
          return legacy(
            t,
            () => applyAgentCommand(t, { type: 'resolve', resolution: request.resolution }, user, now),
            now,
            user,
            this.deps.sla,
          );
        });
      case 'severity':
        return this.severity(stored, record, view, activity, standing, user, request.severity, request.reason);
    }
  }

  /** The help desk's Escalate to the dedicated team, with what happened and what was tried. */
  async escalate(
    actor: PersonRef,
    ticketId: string,
    summary: unknown,
    tried: unknown,
    roster: TeamRoster,
    activity?: ActivityRef,
  ): Promise<Answer> {
    return this.fromHelpDesk(actor, ticketId, roster, activity, (t, now, standing, user) => {
      const d = escalateToDedicatedTeam(t, { trigger: 'agent', by: user, standing, summary, tried }, now, this.deps.sla);
      if (!d.ok)
        return { refusal: d.reason === 'not-permitted' ? text('messages.handoff.refused.not-started-by-you') : queueRefusal(d.reason, t) };
      return escalated(t, d);
    });
  }

  /** The help desk answers the dedicated team's question, from its ticket card. */
  async answerFromHelpDesk(
    actor: PersonRef,
    ticketId: string,
    answer: unknown,
    roster: TeamRoster,
    activity?: ActivityRef,
  ): Promise<Answer> {
    return this.fromHelpDesk(actor, ticketId, roster, activity, (t, now, standing, user) =>
      answered(t, 'help-desk', answer, standing, user, now, this.deps.sla),
    );
  }

  /** A severity change with a reason, from the help desk's ticket card. */
  async severityFromHelpDesk(
    actor: PersonRef,
    ticketId: string,
    severity: unknown,
    reason: unknown,
    roster: TeamRoster,
    activity?: ActivityRef,
  ): Promise<Answer> {
    const who = await queueStanding(actor, roster, this.deps.channels, this.deps.escalationRoles);
    if (!who.ok) return messageAnswer(who.refusal);
    const loaded = await loadForChange(this.deps.tickets, ticketId, activity, true);
    if ('answer' in loaded) return loaded.answer;
    const view: View = (t, notice) => cardAnswer(ticketCard(t, { notice }));
    if (!seesTicketCard(loaded.record(loaded.stored.ticket), who.standing))
      return messageAnswer(text('messages.tickets.role.notWithDedicatedTeam'));
    if (loaded.applied) return view(loaded.record(loaded.stored.ticket), loaded.applied);
    return this.severity(
      loaded.stored,
      loaded.record,
      view,
      activity,
      who.standing,
      { kind: 'user', role: 'agent', ...actor },
      severity,
      reason,
    );
  }

  /** The maker answers the dedicated team's question, from the card in their 1:1 chat. */
  async answerFromMaker(actor: PersonRef, ticketId: string, answer: unknown, activity?: ActivityRef): Promise<Answer> {
    const view: View = (t, notice) => cardAnswer(makerQuestionCard(t, { notice }));
    const loaded = await loadForChange(this.deps.tickets, ticketId, activity, true);
    if ('answer' in loaded) return loaded.answer;
    const { stored, record, applied } = loaded;
    // Someone else holding the card's ticket id learns nothing about the ticket.
    if (!isMakerOf(stored.ticket, actor)) return messageAnswer(text('messages.tickets.notYours'));
    if (applied) return view(record(stored.ticket), applied);
    const user: User = { kind: 'user', role: 'maker', ...actor };
    return this.run(stored, record, view, activity, (t, now) =>
      answered(t, 'maker', answer, personalStanding(actor), user, now, this.deps.sla),
    );
  }

  /** The maker's question card as it is now (its refresh). */
  async showToMaker(actor: PersonRef, ticketId: string): Promise<Answer> {
    const stored = await this.deps.tickets.get(ticketId);
    if (!stored || !isMakerOf(stored.ticket, actor)) return messageAnswer(text('messages.tickets.notYours'));
    return cardAnswer(makerQuestionCard(stored.ticket));
  }

  private async fromHelpDesk(
    actor: PersonRef,
    ticketId: string,
    roster: TeamRoster,
    activity: ActivityRef | undefined,
    decide: (t: Ticket, now: Date, standing: ActorStanding, user: User) => Decided,
  ): Promise<Answer> {
    const who = await queueStanding(actor, roster, this.deps.channels, this.deps.escalationRoles);
    if (!who.ok) return messageAnswer(who.refusal);
    if (who.standing.queues.length === 0) return messageAnswer(text('messages.tickets.role.notMember'));
    const view: View = (t, notice) => cardAnswer(ticketCard(t, { notice }));
    const loaded = await loadForChange(this.deps.tickets, ticketId, activity, true);
    if ('answer' in loaded) return loaded.answer;
    const { stored, record, applied } = loaded;
    if (!seesTicketCard(record(stored.ticket), who.standing)) return messageAnswer(text('messages.tickets.role.notWithDedicatedTeam'));
    if (applied) return view(record(stored.ticket), applied);
    const role =
      belongsTo(who.standing, DEDICATED_TEAM_QUEUE) && !belongsTo(who.standing, holdingQueue(record(stored.ticket)))
        ? 'dedicated-team'
        : 'agent';
    const user: User = { kind: 'user', role, ...actor };
    return this.run(stored, record, view, activity, (t, now) => decide(t, now, who.standing, user));
  }

  private severity(
    stored: StoredTicket,
    record: (t: Ticket) => Ticket,
    view: View,
    activity: ActivityRef | undefined,
    standing: ActorStanding,
    user: User,
    severity: unknown,
    reason: unknown,
  ) {
    if (!isSeverity(severity)) return Promise.resolve(view(record(stored.ticket), text('messages.handoff.refused.pickSeverity')));
    return this.run(stored, record, view, activity, (t, now) => {
      const d = changeSeverity(t, severity, reason, standing, user, now, this.deps.sla);
      if (!d.ok) return { refusal: queueRefusal(d.reason, t) };
      return changed(t, d, text('messages.handoff.done.severity', { severity: severityLabel(severity) }));
    });
  }

  private run(
    stored: StoredTicket,
    record: (t: Ticket) => Ticket,
    view: View,
    activity: ActivityRef | undefined,
    decide: (t: Ticket, now: Date) => Decided,
  ): Promise<Answer> {
    return runTicketChange(
      { tickets: this.deps.tickets, reopenWindowMinutes: this.deps.reopenWindowMinutes, now: () => this.deps.clock.now() },
      stored,
      (t, now) => decide(record(t), now),
      (t, notice) => view(t, notice),
      activity,
    );
  }
}
