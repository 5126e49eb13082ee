import { createHash } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { ActivityRef } from '../domain/activity-ref';
import { tenantOf } from './tenant-guard';

/** Longer ids than Teams ever sends are not trusted to name an activity. */
const MAX_ID = 256;

/**
 * The key of the incoming activity, for recognising a redelivery: a hash of the tenant, the
 * conversation and the activity id, all from the activity Teams signed (never from card data).
 * Teams' activity ids are unique within a conversation; the hash makes a fixed-size, key-safe value.
 * Undefined when the activity has no usable id: it is then handled without deduplication.
 */
export function activityRefOf(context: TurnContext): ActivityRef | undefined {
  const activity = context.activity;
  const id = activity.id;
  const conversation = activity.conversation?.id;
  if (typeof id !== 'string' || id === '' || id.length > MAX_ID) return undefined;
  if (typeof conversation !== 'string' || conversation === '' || conversation.length > 4 * MAX_ID) return undefined;
  const key = createHash('sha256')
    .update(`${tenantOf(context) ?? ''}\n${conversation}\n${id}`)
    .digest('hex')
    .slice(0, 32);
  return { key };
}
