/** What request handling needs: the request store, the outbox, the clock, timers and ticket numbers. */
import type { Clock } from '../../domain/ports/clock';
import type { OutboxLookup, RequestChangeStore } from '../../domain/ports/request-changes';
import type { TimerDurations } from '../../domain/notifications/request-timers';
import type { TicketDeps } from './help-desk-ticket';

export interface RequestHandlingDeps {
  readonly changes: RequestChangeStore;
  readonly outbox: OutboxLookup;
  readonly clock: Clock;
  readonly timers?: TimerDurations;
  /** Help desk tickets: a request handed (or falling back) to the help desk opens one, as at intake. */
  readonly tickets: TicketDeps;
}
