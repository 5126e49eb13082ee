/**
 * What an SLA breach does, by a configured policy for every tier (and for tickets with no solution),
 * per clock. Every breach is announced in the holding queue's channel (as before); the policy adds:
 *   escalate     hand the ticket to the dedicated team (escalate-to-dedicated-team.ts, trigger sla-breach);
 *   notify-lead  also tell the lead of the queue holding the ticket;
 *   alert        nothing more than the channel alert.
 * Defaults after the guidance: Critical → the dedicated team, Important → the lead, Productivity and
 * no solution → the channel only. A ticket that cannot be escalated (the dedicated team already
 * holds it) is brought to its holding queue's lead instead. The text form is breach-policy-text.ts.
 */
import { literalGuard } from '../errors';
import type { SlaKind, SlaTierKey } from '../sla';
import { DEDICATED_TEAM_QUEUE, type QueueId } from '../queues/queue';
import { canApply, isOpenStatus } from '../ticket-status';
import type { Ticket } from '../tickets/ticket';
import { holdingQueue } from '../tickets/ticket-queue';

export const BREACH_ACTIONS = ['escalate', 'notify-lead', 'alert'] as const;
export type BreachAction = (typeof BREACH_ACTIONS)[number];
export const isBreachAction = literalGuard(BREACH_ACTIONS);

export type BreachPolicy = Readonly<Record<SlaTierKey, Readonly<Record<SlaKind, BreachAction>>>>;

const both = (action: BreachAction) => ({ 'first-response': action, resolution: action }) as const;

export const DEFAULT_BREACH_POLICY: BreachPolicy = {
  Critical: both('escalate'),
  Important: both('notify-lead'),
  Productivity: both('alert'),
  none: both('alert'),
};

export type BreachDecision =
  /**
   * `queue`: the queue holding the ticket, whose channel is alerted (and whose lead is told). For
   * escalate, the ticket then goes to the dedicated team (escalate-to-dedicated-team.ts, trigger sla-breach).
   */
  | { readonly kind: BreachAction; readonly queue: QueueId }
  /** Resolved or closed meanwhile: nothing is owed. */
  | { readonly kind: 'none' };

export function breachDecision(policy: BreachPolicy, ticket: Ticket, clock: SlaKind): BreachDecision {
  if (!isOpenStatus(ticket.status)) return { kind: 'none' };
  const queue = holdingQueue(ticket);
  const action = policy[ticket.solution?.tier ?? 'none'][clock];
  if (action === 'escalate' && (queue === DEDICATED_TEAM_QUEUE || !canApply(ticket.status, 'escalate')))
    return { kind: 'notify-lead', queue };
  return { kind: action, queue };
}
