/**
 * Registering a named help desk queue ("register help desk for Finance", "… categories access") and
 * removing one ("unregister help desk for Finance"): bot admins only, in a team channel. The queue's
 * id follows from its scope, so registering the same scope in another channel moves the queue; the
 * default queue is "register help desk" (channel-service.ts) and cannot be removed.
 */
import type { PersonRef } from '../../domain/history';
import type { Clock } from '../../domain/ports/clock';
import type { ChannelRegistration, ChannelRegistry, ChannelSettings } from '../../domain/ports/channels';
import type { HelpDeskQueueRegistry } from '../../domain/ports/help-desk-queues';
import { DEFAULT_HELP_DESK_QUEUE } from '../../domain/queues/queue';
import { queueScopeProblems, type HelpDeskQueueScope } from '../../domain/queues/queue-selection';
import type { ScopeParse } from '../../domain/queues/queue-scope-text';
import { text, type Text } from '../../domain/text';
import type { ChannelPlace } from './channel-service';

export type QueueRegistrationResult =
  | { readonly kind: 'registered'; readonly moved: boolean; readonly registration: ChannelRegistration }
  | { readonly kind: 'removed'; readonly queue: string }
  | { readonly kind: 'refused'; readonly reason: Text };

type Scope = Extract<ScopeParse, { ok: true }>;

export class HelpDeskQueueService {
  constructor(
    private readonly deps: {
      readonly registry: Pick<ChannelRegistry, 'getChannel' | 'saveChannel'> & HelpDeskQueueRegistry;
      readonly adminIds: ReadonlySet<string>;
      readonly clock: Clock;
    },
  ) {}

  async register(actor: PersonRef, parsed: ScopeParse, place: ChannelPlace, settings: ChannelSettings): Promise<QueueRegistrationResult> {
    const refusal =
      this.refusal(actor, parsed) ?? (!place.teamId || !place.channelId ? text('messages.channels.inChannel.help-desk') : undefined);
    if (refusal) return { kind: 'refused', reason: refusal };
    const { queue, scope } = parsed as Scope;
    const existing = await this.deps.registry.listHelpDeskChannels();
    const scopes: HelpDeskQueueScope[] = existing
      .filter((r) => (r.queue ?? DEFAULT_HELP_DESK_QUEUE) !== queue && r.queue !== undefined && r.scope !== undefined)
      .map((r) => ({ queue: r.queue as HelpDeskQueueScope['queue'], ...r.scope! }));
    const problems = queueScopeProblems([...scopes, { queue, ...scope }]);
    if (problems.some((p) => p.code === 'too-many-queues')) return { kind: 'refused', reason: text('queues.register.tooMany') };
    const previous = await this.deps.registry.getChannel(queue);
    const registration: ChannelRegistration = {
      role: 'help-desk',
      queue,
      scope,
      conversationReference: place.conversationReference,
      teamId: place.teamId!,
      channelId: place.channelId!,
      channelName: place.channelName,
      registeredBy: actor,
      registeredAt: this.deps.clock.now().toISOString(),
      settings,
    };
    await this.deps.registry.saveChannel(registration);
    return { kind: 'registered', moved: previous !== undefined && previous.channelId !== place.channelId, registration };
  }

  async unregister(actor: PersonRef, parsed: ScopeParse): Promise<QueueRegistrationResult> {
    const refusal = this.refusal(actor, parsed);
    if (refusal) return { kind: 'refused', reason: refusal };
    const { queue } = parsed as Scope;
    const removed = await this.deps.registry.removeChannel(queue);
    return removed ? { kind: 'removed', queue } : { kind: 'refused', reason: text('queues.unregister.none') };
  }

  private refusal(actor: PersonRef, parsed: ScopeParse): Text | undefined {
    if (!this.deps.adminIds.has(actor.aadObjectId.toLowerCase())) return text('messages.channels.adminsOnly.help-desk');
    if (parsed.ok) return undefined;
    if (parsed.problem === 'unknown-category') return text('queues.register.unknownCategory', { word: parsed.word });
    return text(parsed.problem === 'business-unit-too-long' ? 'queues.register.businessUnitTooLong' : 'queues.register.noScope');
  }
}
