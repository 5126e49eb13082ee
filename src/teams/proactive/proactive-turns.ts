/**
 * Proactive turns for the sender: a new message posted over a conversation reference, a 1:1 chat
 * created from a person's object id (and remembered), an update inside a conversation. Errors come
 * back to the caller, and the connector client's hidden retries are switched off, so the outbox
 * worker alone decides what a failure means and when to try again.
 */
import { Activity, CloudAdapter, ConversationParameters, ConversationReference, TurnContext } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import type { DeliveryResult } from '../../domain/delivery/delivery-outcome';
import type { StoredConversationReference, UserConversations } from '../../domain/ports/conversations';

export class ProactiveTurns {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly conversations: Pick<UserConversations, 'saveUser'>,
    private readonly botAppId: string,
    /** OAuth audience of the connector calls; undefined in local mode. */
    private readonly audience: string | undefined,
  ) {}

  /** A new message in the referenced conversation. */
  async post(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<DeliveryResult> {
    let activityId: string | undefined;
    await this.continue(reference, async (context) => {
      activityId = await newMessage(context, activity);
    });
    return { ok: true, conversationId: reference.conversation?.id ?? '', activityId, serviceUrl: reference.serviceUrl };
  }

  /** A new 1:1 chat with the person (remembered for their next DMs), and the message posted in it. */
  async createAndPost(
    aadObjectId: string,
    serviceUrl: string,
    parameters: ConversationParameters,
    activity: Partial<Activity>,
  ): Promise<DeliveryResult> {
    let result: DeliveryResult | undefined;
    await this.proactive(
      (logic) => this.adapter.createConversationAsync(this.botAppId, 'msteams', serviceUrl, this.audience ?? '', parameters, logic),
      async (context) => {
        const reference = TurnContext.getConversationReference(context.activity);
        const stored = { ...reference, user: { id: aadObjectId, aadObjectId, name: '' }, activityId: undefined };
        await this.conversations.saveUser(aadObjectId, JSON.parse(JSON.stringify(stored)) as StoredConversationReference);
        const activityId = await newMessage(context, activity);
        result = { ok: true, conversationId: context.activity.conversation.id, activityId, serviceUrl };
      },
    );
    return result ?? { ok: false, kind: 'rejected', detail: 'the proactive turn ended without sending' };
  }

  /**
   * A new post in a channel: Teams creates the channel's conversation with the activity in the
   * parameters as its first message; the turn's activity id is that post's.
   */
  async createInChannel(serviceUrl: string, parameters: ConversationParameters): Promise<DeliveryResult> {
    let result: DeliveryResult | undefined;
    await this.proactive(
      (logic) => this.adapter.createConversationAsync(this.botAppId, 'msteams', serviceUrl, this.audience ?? '', parameters, logic),
      async (context) => {
        result = { ok: true, conversationId: context.activity.conversation.id, activityId: context.activity.id, serviceUrl };
      },
    );
    return result ?? { ok: false, kind: 'rejected', detail: 'the proactive turn ended without sending' };
  }

  async continue(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    // Without activityId: a new message, not a reply to whatever the reference was saved from.
    const clean = { ...reference, activityId: undefined };
    await this.proactive((wrapped) => this.adapter.continueConversationAsync(this.botAppId, clean, wrapped), logic);
  }

  /**
   * Runs `logic` in a proactive turn. The adapter would hand an error thrown inside the turn to its
   * onTurnError (which logs it and apologises to the user) and report success; here the error comes
   * back to the caller, so a failed send is never recorded as delivered. A turn the middleware ends
   * before our logic (the tenant guard) is an error too.
   */
  private async proactive(
    start: (logic: (context: TurnContext) => Promise<void>) => Promise<void>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    let ran = false;
    let failure: { error: unknown } | undefined;
    await start(async (context) => {
      ran = true;
      withoutHiddenRetries(context);
      try {
        await logic(context);
      } catch (error) {
        failure = { error };
      }
    });
    if (failure) throw failure.error;
    if (!ran) throw Object.assign(new Error('the proactive turn was dropped by middleware (tenant not allowed?)'), { statusCode: 400 });
  }
}

/**
 * Posts `activity` as a new message in the turn's conversation (POST …/activities, never a reply to
 * the synthetic activity a proactive turn starts with) and returns its activity id.
 */
async function newMessage(context: TurnContext, activity: Partial<Activity>): Promise<string | undefined> {
  const client = connectorOf(context) as ConnectorClient | undefined;
  if (!client) throw new Error('no connector client in the proactive turn');
  const reference = TurnContext.getConversationReference(context.activity);
  const full = TurnContext.applyConversationReference({ ...activity }, reference) as Partial<Activity>;
  delete full.replyToId;
  const conversationId = reference.conversation?.id ?? '';
  const response = await client.conversations.sendToConversation(conversationId, full);
  return response?.id;
}

function connectorOf(context: TurnContext): unknown {
  const key = (context.adapter as unknown as { ConnectorClientKey?: symbol }).ConnectorClientKey;
  return key ? context.turnState.get(key) : undefined;
}

/**
 * The connector client's HTTP pipeline retries 429 and 5xx by itself (sleeping inside the call);
 * the outbox worker owns retries, so the client used for this turn gets none.
 */
function withoutHiddenRetries(context: TurnContext): void {
  const client = connectorOf(context) as { client?: { pipeline?: { removePolicy?(o: { phase: string }): unknown } } } | undefined;
  client?.client?.pipeline?.removePolicy?.({ phase: 'Retry' });
}
