/**
 * The help desk's older commands (ticket-changes.ts) stop the first-response and resolution clocks
 * themselves; this adds what every change now does besides (tickets/ticket-change.ts): the clocks
 * pause while the ticket waits on the requester, the maker or a vendor and resume on the answer,
 * with the history events that say so. Pure.
 */
import type { HistoryActor } from '../history';
import type { SlaConfig } from '../sla';
import type { Ticket } from './ticket';
import type { Change } from './ticket-changes';
import { syncSlaPause } from './ticket-sla';

export function withSlaPause(before: Ticket, change: Change, at: Date, config: SlaConfig, actor: HistoryActor): Change {
  const paused = syncSlaPause(before, change.next, at, config, actor);
  if (paused.events.length === 0 && paused.ticket === change.next) return change;
  return { ...change, next: paused.ticket, events: [...change.events, ...paused.events] };
}
