import { Middleware, TurnContext } from 'botbuilder';
import type { StoredConversationReference, UserConversations } from '../../domain/ports/conversations';
import type { EndpointMemory, PersonEndpoint } from '../../domain/ports/endpoints';
import { actorOf } from '../actor';
import { tenantOf } from '../tenant-guard';

export type ConversationMemory = Pick<UserConversations, 'saveUser'>;

interface Log {
  warn(details: object, message: string): void;
}

/**
 * Learns where people and tenants can be reached proactively from what Teams sends: the 1:1
 * conversation reference of every user who talks to the bot in personal chat, the service URL (and
 * bot account) of each person's own latest activity in any conversation, and the last one seen per
 * tenant (the fallback for people never seen). Only activities the HTTP layer accepted get here:
 * authenticated ones, or in local mode loopback service URLs only. Writes only what changed (an
 * in-process cache of what was last written; storage stays the truth). A failure to remember never
 * fails the turn.
 */
export function rememberConversations(users: ConversationMemory, endpoints: EndpointMemory, log: Log): Middleware {
  const written = new Map<string, string>();
  const MAX_CACHE = 10_000;
  const once = async (key: string, value: string, write: () => Promise<void>): Promise<void> => {
    if (written.get(key) === value) return;
    await write();
    if (written.size >= MAX_CACHE) written.clear();
    written.set(key, value);
  };

  return {
    async onTurn(context, next) {
      const activity = context.activity;
      // Our own proactive turns (continue / create conversation) teach nothing new.
      if (activity.type === 'event' && (activity.name === 'ContinueConversation' || activity.name === 'CreateConversation')) return next();
      const saving = (async () => {
        const tenantId = tenantOf(context);
        const serviceUrl = activity.serviceUrl;
        const bot = activity.recipient?.id
          ? { id: activity.recipient.id, ...(activity.recipient.name ? { name: activity.recipient.name } : {}) }
          : undefined;
        if (tenantId && serviceUrl && bot) {
          await once(`endpoint:${tenantId}`, `${serviceUrl}|${bot.id}`, () =>
            endpoints.save({ tenantId, serviceUrl, bot, seenAt: new Date().toISOString() }),
          );
        }
        const person = actorOf(context)?.aadObjectId;
        if (person && serviceUrl && bot) {
          const endpoint: PersonEndpoint = {
            aadObjectId: person,
            serviceUrl,
            bot,
            ...(tenantId ? { tenantId } : {}),
            seenAt: new Date().toISOString(),
          };
          await once(`person:${person}`, `${serviceUrl}|${bot.id}|${tenantId ?? ''}`, () => endpoints.savePerson(endpoint));
        }
        // Only a person with an Entra object id (actorOf): any other "aadObjectId" would become a storage key.
        if (person && activity.conversation?.conversationType === 'personal' && activity.conversation.id) {
          // The reference is built (and copied) only when it is written: most turns find it unchanged.
          await once(`user:${person}`, `${activity.conversation.id}|${serviceUrl}`, () => {
            const reference = TurnContext.getConversationReference(activity);
            return users.saveUser(
              person,
              JSON.parse(JSON.stringify({ ...reference, activityId: undefined })) as StoredConversationReference,
            );
          });
        }
      })().catch((error: unknown) => log.warn({ err: error, activityId: activity.id }, 'could not remember the conversation reference'));
      await next();
      await saving;
    },
  };
}
