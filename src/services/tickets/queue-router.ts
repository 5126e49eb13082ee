/**
 * Where a new ticket goes: the registered help desk queues' scopes against the request's category
 * and its solution's business unit (the catalog's, read now), else the default queue
 * (queues/queue-selection.ts). And on call: a Sev A opened outside the holding queue's business
 * hours pages that week's on-call member by DM, and the requester is told when to expect an answer.
 * Both go in the ticket's opening transaction, with ids fixed per ticket, so they are sent once.
 */
import type { SupportRequest } from '../../domain/intake/support-request';
import type { OutboxMessage } from '../../domain/outbox-message';
import type { SolutionLookup } from '../../domain/ports/catalog';
import type { HelpDeskQueueRegistry } from '../../domain/ports/help-desk-queues';
import { onCallAt, pagesOnCall, rotaOf, type OnCallRota } from '../../domain/queues/on-call';
import { DEFAULT_HELP_DESK_QUEUE, type HelpDeskQueueId } from '../../domain/queues/queue';
import { businessHoursOf } from '../../domain/queues/queue-hours';
import { selectHelpDeskQueue, type HelpDeskQueueScope } from '../../domain/queues/queue-selection';
import type { SlaConfig } from '../../domain/sla';
import { instant, text } from '../../domain/text';
import type { Ticket } from '../../domain/tickets/ticket';
import { holdingQueue } from '../../domain/tickets/ticket-queue';
import { onCallCard } from '../../presentation/on-call-cards';
import { requesterCard } from '../../presentation/ticket-cards';
import type { NewTicketQueues, QueuePlan } from './ticket-queues';

export interface QueueRouterDeps {
  readonly registry: Pick<HelpDeskQueueRegistry, 'listHelpDeskChannels'>;
  /** The solution's business unit is read from the catalog (the request keeps a smaller snapshot). */
  readonly catalog?: Pick<SolutionLookup, 'get'>;
  readonly sla: Pick<SlaConfig, 'businessHours' | 'queueBusinessHours'>;
  readonly rotas: readonly OnCallRota[];
  readonly reopenWindowMinutes: number;
}

export class QueueRouter implements NewTicketQueues {
  constructor(private readonly deps: QueueRouterDeps) {}

  async planFor(request: SupportRequest, _now: Date): Promise<QueuePlan> {
    const queue = await this.queueFor(request);
    return { queue, extras: (ticket, now) => this.onCall(ticket, now) };
  }

  private async queueFor(request: SupportRequest): Promise<HelpDeskQueueId> {
    const registered = await this.deps.registry.listHelpDeskChannels();
    const scopes: HelpDeskQueueScope[] = [];
    for (const r of registered)
      if (r.queue !== undefined && r.queue !== DEFAULT_HELP_DESK_QUEUE && r.scope !== undefined && r.queue.startsWith('help-desk:'))
        scopes.push({ queue: r.queue as HelpDeskQueueId, ...r.scope });
    if (scopes.length === 0) return DEFAULT_HELP_DESK_QUEUE;
    const wantsUnit = scopes.some((s) => s.businessUnits.length > 0) && request.solution !== undefined;
    const businessUnit = wantsUnit ? (await this.deps.catalog?.get(request.solution!.id))?.businessUnit : undefined;
    return selectHelpDeskQueue(scopes, { category: request.category, ...(businessUnit ? { businessUnit } : {}) });
  }

  /** The page and the requester's notice, for a Sev A opened outside the holding queue's hours with someone on call. */
  private onCall(ticket: Ticket, now: Date): OutboxMessage[] {
    const queue = holdingQueue(ticket);
    const calendar = businessHoursOf(this.deps.sla, queue);
    const rota = rotaOf(this.deps.rotas, queue);
    if (!rota || !pagesOnCall(ticket.severity, now, calendar)) return [];
    const member = onCallAt(rota, now, calendar);
    if (!member) return [];
    const at = now.toISOString();
    const page: OutboxMessage = {
      id: `${ticket.id}.on-call`,
      requestId: ticket.id,
      purpose: 'help-desk-ticket',
      target: { kind: 'user', aadObjectId: member.aadObjectId, displayName: member.displayName },
      card: onCallCard(ticket),
      createdAt: at,
    };
    const notice: OutboxMessage = {
      id: `${ticket.id}.on-call.requester`,
      requestId: ticket.id,
      purpose: 'requester-update',
      target: { kind: 'user', aadObjectId: ticket.requester.aadObjectId, displayName: ticket.requester.displayName },
      card: requesterCard(ticket, {
        heading: text('queues.onCall.tellRequester', { number: ticket.number }),
        message: text('queues.onCall.expectBy', { at: instant(ticket.sla['first-response'].dueAt) }),
        reopenWindowMinutes: this.deps.reopenWindowMinutes,
        now,
      }),
      createdAt: at,
    };
    return [page, notice];
  }
}
