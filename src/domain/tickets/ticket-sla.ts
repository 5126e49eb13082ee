/**
 * A ticket's two SLA clocks as its status and severity change: they pause while it waits on the
 * requester, the maker or a vendor and resume on the answer; a severity change (change-severity.ts)
 * or a move to another queue recomputes both from the original start minus the paused time. The
 * history records each pause and resume.
 */
import { ticketEvent, type HistoryActor, type TicketHistoryEvent } from '../history';
import type { QueueId } from '../queues/queue';
import { businessHoursOf } from '../queues/queue-hours';
import type { Severity } from '../severity';
import { slaTargetFor, type SlaConfig, type SlaKind } from '../sla';
import { pauseClock, resumeClock, withRule, type ClockRule, type SlaClock, type SlaPauseReason } from '../sla-clock';
import { isOpenStatus, waitingOn, type TicketStatus } from '../ticket-status';
import type { Ticket } from './ticket';
import { holdingQueue } from './ticket-queue';

/** Waiting on the help desk does not pause: the dedicated team and the help desk are both "support". */
export function pauseReasonOf(status: TicketStatus): SlaPauseReason | undefined {
  const party = waitingOn(status);
  return party === 'help-desk' ? undefined : party;
}

/** The rules both clocks run to for a severity, tier and queue, from the configuration. */
export function configuredRules(
  config: SlaConfig,
  severity: Severity,
  ticket: Pick<Ticket, 'solution'>,
  queue: QueueId,
): Record<SlaKind, ClockRule> {
  const target = slaTargetFor(config, severity, ticket.solution?.tier, queue);
  const rule = (minutes: number): ClockRule => ({
    minutes,
    clock: target.clock,
    businessHours: businessHoursOf(config, queue),
    warningShare: config.warningShare,
  });
  return { 'first-response': rule(target.firstResponseMinutes), resolution: rule(target.resolutionMinutes) };
}

/** The rule a clock runs to now: the target it recorded, else (stored before targets were recorded) the configuration's. */
export function clockRuleOf(ticket: Ticket, kind: SlaKind, config: SlaConfig): ClockRule {
  const c = ticket.sla[kind];
  if (c.targetMinutes !== undefined && c.clock !== undefined) {
    return {
      minutes: c.targetMinutes,
      clock: c.clock,
      businessHours: businessHoursOf(config, holdingQueue(ticket)),
      warningShare: config.warningShare,
    };
  }
  return configuredRules(config, ticket.severity, ticket, holdingQueue(ticket))[kind];
}

function mapClocks(ticket: Ticket, f: (clock: SlaClock, kind: SlaKind) => SlaClock): Ticket['sla'] {
  return { 'first-response': f(ticket.sla['first-response'], 'first-response'), resolution: f(ticket.sla.resolution, 'resolution') };
}

/**
 * Pauses or resumes `next`'s clocks for its status change from `before`, with the history events
 * that say so. From one waiting status to another the clocks stay paused (one pause, the first reason).
 */
export function syncSlaPause(
  before: Ticket,
  next: Ticket,
  at: Date,
  config: SlaConfig,
  actor: HistoryActor,
): { readonly ticket: Ticket; readonly events: readonly TicketHistoryEvent[] } {
  const was = pauseReasonOf(before.status);
  const is = pauseReasonOf(next.status);
  if ((was === undefined) === (is === undefined)) return { ticket: next, events: [] };
  if (is !== undefined) {
    return {
      ticket: { ...next, sla: mapClocks(next, (c) => pauseClock(c, at, is)) },
      events: [ticketEvent('sla-paused', actor, at, { reason: is })],
    };
  }
  const resumed = { ...next, sla: mapClocks(next, (c, kind) => resumeClock(c, at, clockRuleOf(next, kind, config))) };
  // Resolving from a wait closes the pause silently: the resolution stops the clock anyway.
  // The reason the clock recorded (the pause's first, like its sla-paused event), not the last wait's.
  const reason = before.sla.resolution.pauseReason ?? before.sla['first-response'].pauseReason ?? (was as SlaPauseReason);
  const events = isOpenStatus(next.status) ? [ticketEvent('sla-resumed', actor, at, { reason })] : [];
  return { ticket: resumed, events };
}

/** Both clocks recomputed for the ticket's severity, tier and holding queue (after a move or a severity change). */
export function retargetSla(ticket: Ticket, config: SlaConfig, now: Date): Ticket {
  const rules = configuredRules(config, ticket.severity, ticket, holdingQueue(ticket));
  return { ...ticket, sla: mapClocks(ticket, (c, kind) => withRule(c, rules[kind], now)) };
}
