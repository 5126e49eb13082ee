/**
 * Messages to one conversation are delivered in order, one at a time (a card is posted before it is
 * updated; a throttled conversation waits as a whole); different conversations in parallel.
 */
import type { SentRecord } from '../../domain/delivery/outbox-records';
import type { OutboxMessage } from '../../domain/outbox-message';
import type { Work } from './outbox-worker-types';

/** One queue per conversation, oldest message first. */
export function conversationQueues(due: readonly Work[]): Work[][] {
  const ordered = [...due].sort((a, b) =>
    a.pending.message.createdAt < b.pending.message.createdAt ? -1 : a.pending.message.createdAt > b.pending.message.createdAt ? 1 : 0,
  );
  const queues = new Map<string, Work[]>();
  for (const work of ordered) {
    const key = groupKey(work.pending.message);
    const queue = queues.get(key) ?? [];
    queue.push(work);
    queues.set(key, queue);
  }
  return [...queues.values()];
}

/** Messages to one conversation share a queue (updates are grouped by the card they replace). */
function groupKey(message: OutboxMessage): string {
  switch (message.target.kind) {
    case 'user':
      return `user:${message.target.aadObjectId}`;
    case 'channel':
      return `channel:${message.target.channel}`;
    case 'team-channel':
      return `team-channel:${message.target.channelId}`;
    case 'update':
      return `update:${message.target.messageId}`;
  }
}

/** The conversation a call counts against: an update counts against the conversation of the card it replaces. */
export function limiterKey(message: OutboxMessage, original: SentRecord | undefined): string {
  if (original) return groupKey(original.message);
  return groupKey(message);
}
