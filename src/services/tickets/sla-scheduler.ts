/**
 * The SLA scheduler: warns the channel of the queue holding a ticket when 75% of a target has passed,
 * and at breach announces it there (mentioning the assignee) and does what the breach policy says for
 * the ticket's tier and clock (escalation/breach-policy.ts, `SLA_BREACH_POLICY`): hand it to the
 * dedicated team, or also tell the queue's lead (whoever registered its channel) by DM. Timers
 * live in storage (each ticket's next SLA event is an `sla|{at}|{id}` row in its shard), and one
 * instance at a time runs the passes, holding a short lease renewed on a timer of its own (its
 * BackgroundJob, start-tickets.ts; see RenewedLeases): any number of instances can run, and a dead
 * one's work is taken over within about 12 s plus one check interval.
 */
import { randomUUID } from 'node:crypto';
import { ticketEvent, type TicketHistoryEvent } from '../../domain/history';
import { nextSlaEvent, type Ticket } from '../../domain/tickets/ticket';
import { breachDecision, DEFAULT_BREACH_POLICY, type BreachPolicy } from '../../domain/escalation/breach-policy';
import { escalateToDedicatedTeam } from '../../domain/escalation/escalate-to-dedicated-team';
import type { OutboxMessage } from '../../domain/outbox-message';
import type { ChannelRegistry } from '../../domain/ports/channels';
import { queueTeamOf } from '../../domain/queues/queue';
import { DEFAULT_SLA_CONFIG, type SlaConfig } from '../../domain/sla';
import { holdingQueue } from '../../domain/tickets/ticket-queue';
import { ConcurrencyConflictError } from '../../domain/ports/storage-errors';
import { RenewedLeases } from '../jobs/renewed-leases';
import type { Clock } from '../../domain/ports/clock';
import { text } from '../../domain/text';
import type { Change } from '../../domain/tickets/ticket-changes';
import { slaAlertCard } from '../../presentation/ticket-cards';
import { notificationsFor } from './ticket-notifications';
import type { LeaseStore } from '../../domain/ports/leases';
import type { TicketRepository } from '../../domain/ports/tickets';

export interface SlaRunResult {
  /** False when another instance holds the lease (it does the work). */
  readonly ran: boolean;
  readonly warnings: number;
  readonly breaches: number;
  readonly escalations: number;
  /** Resolved tickets closed because their reopen window passed. */
  readonly closed: number;
}

function isAutoCloseDue(ticket: Ticket, now: Date): boolean {
  return ticket.status === 'resolved' && ticket.autoCloseAt !== undefined && Date.parse(ticket.autoCloseAt) <= now.getTime();
}

export interface SlaSchedulerDeps {
  readonly tickets: TicketRepository;
  readonly lease: LeaseStore;
  readonly clock: Clock;
  readonly reopenWindowMinutes: number;
  readonly leaseName?: string;
  /** Lease length (default DEFAULT_LEASE_TTL_MS). */
  readonly leaseMs?: number;
  /** This process's name on the lease (default a random id: one per process, see start-notifications.ts). */
  readonly owner?: string;
  /** What a breach does per tier and clock (default DEFAULT_BREACH_POLICY). */
  readonly breachPolicy?: BreachPolicy;
  /** The SLA targets a hand-off to the dedicated team runs on. */
  readonly sla?: SlaConfig;
  /** The registered channels: a queue's lead is whoever registered its channel. */
  readonly channels?: Pick<ChannelRegistry, 'getChannel'>;
}

const SYSTEM = { kind: 'system', component: 'sla-scheduler' } as const;
const MAX_ATTEMPTS = 3;

export class SlaScheduler {
  /** The scheduler's lease: kept renewed and given up by its BackgroundJob (start-tickets.ts). */
  readonly leases: RenewedLeases;
  private readonly leaseName: string;
  private running?: Promise<SlaRunResult>;

  constructor(private readonly deps: SlaSchedulerDeps) {
    this.leaseName = deps.leaseName ?? 'sla-scheduler';
    this.leases = new RenewedLeases(deps.lease, deps.clock, {
      owner: deps.owner ?? randomUUID(),
      names: [this.leaseName],
      ttlMs: deps.leaseMs,
    });
  }

  /** One pass over every due timer; serialised within the process, leased across processes. */
  runOnce(now: Date = this.deps.clock.now()): Promise<SlaRunResult> {
    const run = (this.running ?? Promise.resolve(undefined)).catch(() => undefined).then(() => this.pass(now));
    this.running = run;
    return run;
  }

  private async pass(now: Date): Promise<SlaRunResult> {
    const counts = { ran: false, warnings: 0, breaches: 0, escalations: 0, closed: 0 };
    await this.leases.refresh(now);
    if (!this.leases.holds(this.leaseName, now)) return counts;
    counts.ran = true;
    for (const id of await this.deps.tickets.dueForSla(now)) {
      // Renewals failed (storage slow or down): stop before another instance may take over.
      if (!this.leases.holds(this.leaseName)) break;
      // A ticket may owe several events (the scheduler was down): handle them one at a time.
      for (let i = 0; i < 4; i++) {
        const outcome = await this.fireNext(id, now);
        if (outcome === undefined) break;
        if (outcome.stage === 'warning') counts.warnings++;
        else if (outcome.stage === 'breach') counts.breaches++;
        else counts.closed++;
        if (outcome.escalated) counts.escalations++;
      }
    }
    return counts;
  }

  private autoClose(ticket: Ticket, now: Date): Change {
    const next: Ticket = { ...ticket, status: 'closed', version: ticket.version + 1, updatedAt: now.toISOString() };
    const events = [
      ticketEvent('closed', SYSTEM, now, { reason: 'reopen-window-passed', statusChange: { from: 'resolved', to: 'closed' } }),
    ];
    const tellRequester = {
      heading: text('messages.tickets.tell.closed', { number: ticket.number }),
      message: text('messages.tickets.tell.closedMessage'),
    };
    return { next, events, tellRequester, done: text('common.verbatim', { text: '' }) };
  }

  private async fireNext(id: string, now: Date): Promise<{ stage: 'warning' | 'breach' | 'closed'; escalated: boolean } | undefined> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const stored = await this.deps.tickets.get(id);
      if (!stored) return undefined;
      if (isAutoCloseDue(stored.ticket, now)) {
        const change = this.autoClose(stored.ticket, now);
        const { ticket, outbox } = notificationsFor(change, this.deps.reopenWindowMinutes, now);
        try {
          await this.deps.tickets.update(stored, ticket, change.events, outbox);
          return { stage: 'closed', escalated: false };
        } catch (error) {
          if (!(error instanceof ConcurrencyConflictError)) throw error;
          continue;
        }
      }
      const due = nextSlaEvent(stored.ticket);
      if (due === undefined || Date.parse(due.at) > now.getTime()) return undefined;
      const { change, alertStage, escalated, lead } = await this.decide(stored.ticket, due.clock, due.stage, now);
      const { ticket, outbox } = notificationsFor(change, this.deps.reopenWindowMinutes, now);
      const alert = slaAlertCard(ticket, due.clock, alertStage, escalated);
      // Announced in the channel of the queue that held it when the target ran out.
      const alerted = (id: string, target: OutboxMessage['target']): OutboxMessage => ({
        id,
        requestId: ticket.id,
        purpose: 'help-desk-ticket',
        target,
        card: alert,
        createdAt: now.toISOString(),
      });
      outbox.push(alerted(`${ticket.id}.sla.${due.clock}.${alertStage}`, { kind: 'channel', channel: holdingQueue(stored.ticket) }));
      if (lead)
        outbox.push(
          alerted(`${ticket.id}.sla.${due.clock}.${alertStage}.lead`, {
            kind: 'user',
            aadObjectId: lead.aadObjectId,
            displayName: lead.displayName,
          }),
        );
      try {
        await this.deps.tickets.update(stored, ticket, change.events, outbox);
        return { stage: alertStage, escalated };
      } catch (error) {
        if (!(error instanceof ConcurrencyConflictError)) throw error;
        // An agent changed the ticket meanwhile: decide again on what it is now.
      }
    }
    return undefined;
  }

  private async decide(ticket: Ticket, clock: 'first-response' | 'resolution', stage: 'warning' | 'breach', now: Date) {
    const c = ticket.sla[clock];
    const at = now.toISOString();
    const marked: Ticket = {
      ...ticket,
      sla: { ...ticket.sla, [clock]: { ...c, warned: true, breached: stage === 'breach' } },
      version: ticket.version + 1,
      updatedAt: at,
    };
    const events: TicketHistoryEvent[] = [
      stage === 'warning'
        ? ticketEvent('sla-warning', SYSTEM, now, { clock, dueAt: c.dueAt })
        : ticketEvent('sla-breached', SYSTEM, now, { clock, dueAt: c.dueAt }),
    ];
    const quiet: Change = { next: marked, events, done: text('common.verbatim', { text: '' }) };
    if (stage === 'warning') return { change: quiet, alertStage: stage, escalated: false };
    const decision = breachDecision(this.deps.breachPolicy ?? DEFAULT_BREACH_POLICY, marked, clock);
    if (decision.kind === 'notify-lead') {
      // A named help desk queue's lead, else (unregistered since) the default queue's.
      const channel =
        (await this.deps.channels?.getChannel(decision.queue)) ?? (await this.deps.channels?.getChannel(queueTeamOf(decision.queue)));
      return { change: quiet, alertStage: stage, escalated: false, lead: channel?.registeredBy };
    }
    if (decision.kind !== 'escalate') return { change: quiet, alertStage: stage, escalated: false };
    const handed = escalateToDedicatedTeam(marked, { trigger: 'sla-breach', by: SYSTEM }, now, this.deps.sla ?? DEFAULT_SLA_CONFIG);
    if (!handed.ok) return { change: quiet, alertStage: stage, escalated: false };
    const change: Change = {
      next: handed.next,
      events: [...events, ...handed.events],
      handToDedicatedTeam: true,
      tellRequester: {
        heading: text('messages.handoff.tell.escalated', { number: ticket.number }),
        message: text('messages.handoff.tell.escalatedMessage'),
      },
      done: text('common.verbatim', { text: '' }),
    };
    return { change, alertStage: stage, escalated: true };
  }
}
