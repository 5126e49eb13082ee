/**
 * Return to the help desk: the dedicated team gives the ticket back with a note. It is no longer
 * marked escalated, the help desk queue it came from holds it again (with the assignee it had then),
 * its status says it came back, and it runs on that queue's SLA targets from its original start.
 */
import { accept, refuse, type Decision } from '../decision';
import { currentHandOff, HAND_OFF_TEXT_LIMITS, updateCurrentHandOff } from './hand-off';
import { ticketEvent, type HistoryActor } from '../history';
import type { ActorStanding } from '../queues/actor-standing';
import { DEDICATED_TEAM_QUEUE } from '../queues/queue';
import type { SlaConfig } from '../sla';
import { requireText } from '../text-input';
import { canApply, isOpenStatus, transition } from '../ticket-status';
import type { Ticket } from '../tickets/ticket';
import { settleChange, type TicketChange } from '../tickets/ticket-change';
import { mayTake } from '../tickets/ticket-permissions';
import { holdingQueue, returnQueueOf } from '../tickets/ticket-queue';
import { retargetSla } from '../tickets/ticket-sla';

export type ReturnRefusal = 'not-escalated' | 'not-permitted' | 'not-open' | 'not-allowed-in-status' | 'note-missing' | 'note-too-long';

export function returnToHelpDesk(
  ticket: Ticket,
  note: unknown,
  standing: ActorStanding,
  actor: HistoryActor & { kind: 'user' },
  at: Date,
  config: SlaConfig,
): Decision<TicketChange, ReturnRefusal> {
  if (holdingQueue(ticket) !== DEDICATED_TEAM_QUEUE) return refuse('not-escalated');
  if (!mayTake(ticket, 'return-to-help-desk', standing)) return refuse('not-permitted');
  if (!isOpenStatus(ticket.status)) return refuse('not-open');
  if (!canApply(ticket.status, 'return-to-help-desk')) return refuse('not-allowed-in-status');
  const text = requireText(note, HAND_OFF_TEXT_LIMITS.returnNote);
  if (!text.ok) return refuse(text.reason === 'missing' ? 'note-missing' : 'note-too-long');
  const toQueue = returnQueueOf(ticket);
  const to = transition(ticket.status, 'return-to-help-desk');
  const previous = currentHandOff(ticket.handOffs)?.previousAssignee;
  // No longer marked escalated; the dedicated team's open question goes with it.
  const { escalatedTo, pendingQuestion, assignee, ...rest } = ticket;
  void [escalatedTo, pendingQuestion, assignee];
  const returned = retargetSla(
    {
      ...rest,
      ...(previous ? { assignee: previous } : {}),
      status: to,
      queue: toQueue,
      handOffs: updateCurrentHandOff(ticket.handOffs, {
        returned: { by: { aadObjectId: actor.aadObjectId, displayName: actor.displayName }, at: at.toISOString(), note: text.text },
      }),
    },
    config,
    at,
  );
  const event = ticketEvent('returned-to-help-desk', actor, at, { note: text.text, toQueue, statusChange: { from: ticket.status, to } });
  return accept(settleChange(ticket, returned, [event], at, config, actor));
}
