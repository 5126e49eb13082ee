/** What the dedicated team's queue service needs, and the hand-off card's requests. */
import type { Clock } from '../../domain/ports/clock';
import type { ChannelDirectory } from '../../domain/ports/channels';
import type { TicketRepository } from '../../domain/ports/tickets';
import type { SlaConfig } from '../../domain/sla';
import type { EscalationRoles } from './queue-standing';

export interface DedicatedQueueDeps {
  readonly tickets: TicketRepository;
  readonly channels: ChannelDirectory;
  /** Who is in the designated escalation group or an IT admin (configuration). */
  readonly escalationRoles: EscalationRoles;
  readonly clock: Clock;
  readonly sla: SlaConfig;
  readonly reopenWindowMinutes: number;
}

/** A button on the hand-off card (verb `handoff.X`); text fields are raw card input, checked by the domain. */
export type HandOffRequest =
  | { readonly type: 'show' }
  | { readonly type: 'accept' }
  | { readonly type: 'ask'; readonly party: unknown; readonly text: unknown }
  | { readonly type: 'return'; readonly text: unknown }
  | { readonly type: 'resolve'; readonly resolution: unknown }
  | { readonly type: 'severity'; readonly severity: unknown; readonly reason: unknown };
