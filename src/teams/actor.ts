import type { TurnContext } from 'botbuilder';
import type { PersonRef } from '../domain/history';
import { text } from '../domain/text';

/**
 * Who is acting, from the activity Teams signed (the Bot Framework token covers the whole activity):
 * `from.aadObjectId` is the only identity we trust; card data never says who someone is.
 */
export function actorOf(context: TurnContext): PersonRef | undefined {
  const from = context.activity.from;
  const id = from?.aadObjectId?.toLowerCase();
  if (!id || !/^[0-9a-f-]{36}$/.test(id)) return undefined;
  // Teams names every user it sends; should a client not, the id stands in (as the catalog does), never a word in one language.
  return { aadObjectId: id, displayName: (from.name ?? '').trim().slice(0, 200) || id };
}

export const NO_IDENTITY_MESSAGE = text('messages.common.noIdentity');
