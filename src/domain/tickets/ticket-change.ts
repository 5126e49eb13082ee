/**
 * Settling one change to a ticket: what every change does besides its own patch. The first-response
 * clock stops at the first response in the change's events, the resolution clock stops on resolving
 * (and runs again on reopening), the clocks pause or resume for the new status, and the version and
 * timestamp move on. Pure: the caller writes the result, its events and its outbox in one
 * transaction with the ticket's ETag.
 */
import { isFirstResponse, type HistoryActor, type TicketHistoryEvent } from '../history';
import type { SlaConfig } from '../sla';
import type { Ticket } from './ticket';
import { syncSlaPause } from './ticket-sla';

export interface TicketChange {
  readonly next: Ticket;
  readonly events: readonly TicketHistoryEvent[];
}

export function settleChange(
  before: Ticket,
  patched: Ticket,
  events: readonly TicketHistoryEvent[],
  at: Date,
  config: SlaConfig,
  actor: HistoryActor,
): TicketChange {
  const iso = at.toISOString();
  const first = before.sla['first-response'];
  const response = first.metAt === undefined ? events.find(isFirstResponse) : undefined;
  const resolution = patched.sla.resolution;
  const resolved = patched.status === 'resolved' && before.status !== 'resolved';
  const reopened = before.status === 'resolved' && patched.status !== 'resolved' && patched.status !== 'closed';
  const withClocks: Ticket = {
    ...patched,
    sla: {
      'first-response': response ? { ...patched.sla['first-response'], metAt: response.at } : patched.sla['first-response'],
      resolution: resolved ? { ...resolution, metAt: resolution.metAt ?? iso } : reopened ? withoutMet(resolution) : resolution,
    },
  };
  const paused = syncSlaPause(before, withClocks, at, config, actor);
  return {
    next: { ...paused.ticket, version: before.version + 1, updatedAt: iso },
    events: [...events, ...paused.events],
  };
}

function withoutMet<T extends { metAt?: string }>(clock: T): T {
  const { metAt, ...rest } = clock;
  void metAt;
  return rest as T;
}
