import { Activity, CardFactory, CloudAdapter, ConversationParameters, ConversationReference } from 'botbuilder';
import { CALL_LIMIT_MS, type DeliveryResult } from '../../domain/delivery/delivery-outcome';
import type { OutboxMessage } from '../../domain/outbox-message';
import type { MessageSender } from '../../domain/ports/outbox';
import type { SentRecord } from '../../domain/delivery/outbox-records';
import type { ChannelRegistry } from '../../domain/ports/channels';
import type { StoredConversationReference, UserConversations } from '../../domain/ports/conversations';
import type { EndpointDirectory, PersonEndpoint } from '../../domain/ports/endpoints';
import { DEFAULT_VIEWER, type Viewer } from '../../i18n/locales';
import { renderCard } from '../rendering';
import { failureOf, withTimeout } from './connector-errors';
import { ProactiveTurns } from './proactive-turns';
import { recipientViewer, type RecipientViewers } from './recipient-viewer';

/** Where people's 1:1 chats and the registered channels are (a chat the sender creates is remembered). */
export type ProactiveDirectory = UserConversations & Pick<ChannelRegistry, 'getChannel'>;

export interface TeamsSenderOptions {
  /** The bot's Microsoft App ID; empty in local mode. */
  readonly botAppId: string;
  /** The tenant proactive DMs are created in (the bot registration's); undefined = the last one seen. */
  readonly tenantId?: string;
  /** Where to reach Teams when no activity has told us yet (e.g. https://smba.trafficmanager.net/teams/). */
  readonly defaultServiceUrl?: string;
  /** OAuth audience of the connector calls; undefined in local mode. */
  readonly audience?: string;
  /**
   * The hard limit on one call to the connector (ms, default CALL_LIMIT_MS): the sender waits for the
   * answer this long, then reports the outcome as unknown ('uncertain').
   */
  readonly timeoutMs?: number;
  /**
   * Whether the bot may call a service URL (local mode: loopback only). A stored reference or a
   * configured URL that fails it is never called: the message fails as rejected.
   */
  readonly trustsServiceUrl?: (serviceUrl: string) => boolean;
  /** Whose language and clock each message is rendered in; without it, English and UTC. */
  readonly viewers?: RecipientViewers;
}

/** A connector call ready to make, and the service URL it goes to (checked before it is made). */
interface Call {
  readonly serviceUrl: string;
  readonly run: () => Promise<DeliveryResult>;
}

/** Teams refuses payloads over 100 KB (413); stay under ~80 KB. */
const MAX_PAYLOAD_CHARS = 80_000;

/**
 * Delivers outbox messages to Teams through the adapter: a DM over the person's stored 1:1
 * conversation (created from their Entra object id and the tenant when there is none, then stored),
 * a post in a registered channel, or an update of a card posted earlier. A DM goes where that person
 * was seen: their 1:1 conversation, or a new one at the service URL of their own latest activity;
 * the tenant's latest endpoint is only for people the bot has never seen. Connector answers become
 * typed results (status, Retry-After); the SDK's own hidden retries are switched off so that the
 * outbox worker alone decides when to try again. This class decides where a message goes and what
 * call delivers it; the proactive turns that make the call are proactive-turns.ts.
 */
export class TeamsMessageSender implements MessageSender {
  private readonly timeoutMs: number;
  private readonly turns: ProactiveTurns;

  constructor(
    adapter: CloudAdapter,
    private readonly directory: ProactiveDirectory,
    private readonly endpoints: EndpointDirectory,
    private readonly options: TeamsSenderOptions,
  ) {
    this.timeoutMs = options.timeoutMs ?? CALL_LIMIT_MS;
    this.turns = new ProactiveTurns(adapter, directory, options.botAppId, options.audience);
  }

  async send(message: OutboxMessage, original?: SentRecord): Promise<DeliveryResult> {
    const prepared = await this.prepare(message, original);
    return typeof prepared === 'function' ? prepared() : prepared;
  }

  /**
   * Everything before the call to Teams (card rendering, storage look-ups), so that the outbox
   * worker takes its rate-limit permit right before the call itself: a failure, or the call to make.
   */
  async prepare(message: OutboxMessage, original?: SentRecord): Promise<DeliveryResult | (() => Promise<DeliveryResult>)> {
    let viewer: Viewer;
    try {
      viewer = this.options.viewers ? await recipientViewer(this.options.viewers, message, original) : DEFAULT_VIEWER;
    } catch (error) {
      return { ok: false, ...failureOf(error, Date.now()) };
    }
    let activity: Partial<Activity>;
    try {
      activity = this.activityOf(message, viewer);
    } catch (error) {
      return {
        ok: false,
        kind: 'rejected',
        detail: `card ${message.card.card}: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300),
      };
    }
    let call: DeliveryResult | Call;
    try {
      call = await this.resolve(message, activity, original);
    } catch (error) {
      return { ok: false, ...failureOf(error, Date.now()) };
    }
    if (!('run' in call)) return call;
    if (this.options.trustsServiceUrl && !this.options.trustsServiceUrl(call.serviceUrl)) {
      return {
        ok: false,
        kind: 'rejected',
        detail: 'the service URL is not a loopback address, and local mode calls loopback addresses only',
      };
    }
    const make = call.run;
    // No short timeout: a slow but honest connector answers within the limit, and a call abandoned
    // early may still land (the worker would then send a second copy). See CALL_LIMIT_MS.
    return async () => {
      try {
        return await withTimeout(make(), this.timeoutMs);
      } catch (error) {
        return { ok: false, ...failureOf(error, Date.now()) };
      }
    };
  }

  /** The card rendered in the recipient's language and time zone (recipient-viewer.ts). */
  private activityOf(message: OutboxMessage, viewer: Viewer): Partial<Activity> {
    const card = renderCard(message.card, viewer);
    const activity: Partial<Activity> = { type: 'message', attachments: [CardFactory.adaptiveCard(card)] };
    const size = JSON.stringify(activity).length;
    if (size > MAX_PAYLOAD_CHARS) throw new Error(`payload of ${size} characters is over the ${MAX_PAYLOAD_CHARS} limit`);
    return activity;
  }

  /** Where the message goes: a failure to report, or the call that delivers it (and the service URL it calls). */
  private async resolve(message: OutboxMessage, activity: Partial<Activity>, original?: SentRecord): Promise<DeliveryResult | Call> {
    const target = message.target;
    switch (target.kind) {
      case 'user': {
        const [stored, seen] = await Promise.all([
          this.directory.getUser(target.aadObjectId),
          this.endpoints.getPerson(target.aadObjectId),
        ]);
        const reference = stored ? asReference(stored) : undefined;
        // The 1:1 chat, unless the person has since been seen at another service URL (the chat was
        // created at a fallback endpoint, or they moved): then a chat is created where they are.
        if (reference?.serviceUrl && (!seen || seen.serviceUrl === reference.serviceUrl)) {
          return { serviceUrl: reference.serviceUrl, run: () => this.turns.post(reference, activity) };
        }
        return this.prepareCreate(target.aadObjectId, activity, seen);
      }
      case 'channel': {
        // A named help desk queue no longer registered: its tickets post in the default help desk's channel.
        const registration =
          (await this.directory.getChannel(target.channel)) ??
          (target.channel.startsWith('help-desk:') ? await this.directory.getChannel('help-desk') : undefined);
        if (!registration) return { ok: false, kind: 'not-ready', detail: `no ${target.channel} channel is registered yet` };
        const reference = asReference(registration.conversationReference);
        // A new post in the channel, not a reply in the thread the registration came from.
        const conversationId = (reference.conversation?.id ?? '').split(';messageid=')[0];
        const channel = {
          ...reference,
          conversation: { ...reference.conversation, id: conversationId } as ConversationReference['conversation'],
        };
        return { serviceUrl: reference.serviceUrl ?? '', run: () => this.turns.post(channel, activity) };
      }
      case 'team-channel':
        return this.prepareChannelPost(target.channelId, activity);
      case 'update': {
        if (!original?.activityId) return { ok: false, kind: 'rejected', detail: 'the card to update has no activity id' };
        const endpoint = await this.endpoints.get(this.options.tenantId);
        const serviceUrl = original.serviceUrl ?? endpoint?.serviceUrl ?? this.options.defaultServiceUrl;
        if (!serviceUrl) return { ok: false, kind: 'not-ready', detail: 'no service URL known yet' };
        const tenantId = this.options.tenantId ?? endpoint?.tenantId;
        const reference = {
          channelId: 'msteams',
          serviceUrl,
          conversation: { id: original.conversationId, ...(tenantId ? { tenantId } : {}) },
          bot: endpoint?.bot ?? { id: `28:${this.options.botAppId}` },
        } as Partial<ConversationReference>;
        const activityId = original.activityId;
        const conversationId = original.conversationId;
        const run = async (): Promise<DeliveryResult> => {
          await this.turns.continue(reference, async (context) => {
            await context.updateActivity({ ...activity, id: activityId, conversation: reference.conversation } as Partial<Activity>);
          });
          return { ok: true, conversationId, activityId, serviceUrl };
        };
        return { serviceUrl, run };
      }
    }
  }

  /** A new post in a team's channel, by its id (the bot must be installed in that team). */
  private async prepareChannelPost(channelId: string, activity: Partial<Activity>): Promise<DeliveryResult | Call> {
    const endpoint = await this.endpoints.get(this.options.tenantId);
    const serviceUrl = endpoint?.serviceUrl ?? this.options.defaultServiceUrl;
    const tenantId = this.options.tenantId ?? endpoint?.tenantId;
    if (!serviceUrl || !tenantId)
      return { ok: false, kind: 'not-ready', detail: 'no service URL or tenant known yet: nobody from the tenant has talked to the bot' };
    const parameters = {
      isGroup: true,
      bot: endpoint?.bot ?? { id: `28:${this.options.botAppId}` },
      tenantId,
      channelData: { channel: { id: channelId }, tenant: { id: tenantId } },
      activity,
    } as unknown as ConversationParameters;
    return { serviceUrl, run: () => this.turns.createInChannel(serviceUrl, parameters) };
  }

  /**
   * A 1:1 chat created from the person's object id: where they were last seen, or for someone never
   * seen at the tenant's endpoint (the last one seen, or the configured default).
   */
  private async prepareCreate(
    aadObjectId: string,
    activity: Partial<Activity>,
    seen: PersonEndpoint | undefined,
  ): Promise<DeliveryResult | Call> {
    const tenantEndpoint = seen ? undefined : await this.endpoints.get(this.options.tenantId);
    const endpoint = seen ?? tenantEndpoint;
    const serviceUrl = endpoint?.serviceUrl ?? this.options.defaultServiceUrl;
    const tenantId = this.options.tenantId ?? endpoint?.tenantId;
    if (!serviceUrl || !tenantId)
      return { ok: false, kind: 'not-ready', detail: 'no service URL or tenant known yet: nobody from the tenant has talked to the bot' };
    const parameters = {
      isGroup: false,
      bot: endpoint?.bot ?? { id: `28:${this.options.botAppId}` },
      members: [{ id: aadObjectId }],
      tenantId,
      channelData: { tenant: { id: tenantId } },
    } as unknown as ConversationParameters;
    return { serviceUrl, run: () => this.turns.createAndPost(aadObjectId, serviceUrl, parameters, activity) };
  }
}

function asReference(stored: StoredConversationReference): Partial<ConversationReference> {
  return stored as unknown as Partial<ConversationReference>;
}
