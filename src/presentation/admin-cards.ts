/** The admins' "outbox status" card: deliveries stuck, failed for good, or of uncertain outcome. */
import type { OutboxTarget } from '../domain/outbox-message';
import { DEDICATED_TEAM_QUEUE, DEFAULT_HELP_DESK_QUEUE, type QueueId } from '../domain/queues/queue';
import { instant, text, verbatim, type Text } from '../domain/text';
import { roleLabel } from './channel-cards';
import type { CardRef } from './cards';

/** What the card shows of each listing (services/outbox/outbox-admin.ts has the full records). */
interface Delivery {
  readonly messageId: string;
  readonly purpose: string;
  readonly target: OutboxTarget;
}
interface StuckDelivery extends Delivery {
  readonly ageMinutes: number;
  readonly attempts: number;
  readonly lastError?: string;
}
interface FailedDelivery extends Delivery {
  readonly reason: string;
  readonly failedAt: string;
  readonly lastError: string;
}
interface UncertainDelivery extends Delivery {
  readonly attemptedAt: string;
}
interface OutboxHealth {
  readonly pending: number;
  readonly oldestPendingMs: number;
}

const SHOWN = 15;

export function outboxStatusCard(
  health: OutboxHealth,
  stuck: readonly StuckDelivery[],
  failed: readonly FailedDelivery[],
  uncertain: readonly UncertainDelivery[],
): CardRef {
  return {
    card: 'outbox-status',
    data: {
      pending: health.pending,
      oldestMinutes: Math.floor(health.oldestPendingMs / 60_000),
      stuckCount: stuck.length,
      failedCount: failed.length,
      uncertainCount: uncertain.length,
      stuck: stuck.slice(0, SHOWN).map((s) => ({
        line: s.lastError
          ? text('messages.outbox.stuckWithError', {
              purpose: s.purpose,
              target: targetText(s.target),
              minutes: s.ageMinutes,
              attempts: s.attempts,
              error: s.lastError,
            })
          : text('messages.outbox.stuck', {
              purpose: s.purpose,
              target: targetText(s.target),
              minutes: s.ageMinutes,
              attempts: s.attempts,
            }),
      })),
      failed: failed.slice(0, SHOWN).map((f) => ({
        line: text('messages.outbox.failed', {
          purpose: f.purpose,
          target: targetText(f.target),
          reason: f.reason,
          at: instant(f.failedAt),
          error: f.lastError,
        }),
      })),
      uncertain: uncertain.slice(0, SHOWN).map((u) => ({
        line: text('messages.outbox.uncertain', {
          purpose: u.purpose,
          target: targetText(u.target),
          at: instant(u.attemptedAt),
          messageId: u.messageId,
        }),
      })),
    },
  };
}

/** A registered channel: the global admins', the dedicated team's, the help desk's default one, or a named help desk queue by its id. */
function queueLabel(queue: QueueId | 'global-admins'): Text {
  if (queue === 'global-admins') return roleLabel('global-admins');
  if (queue === DEDICATED_TEAM_QUEUE) return roleLabel('dedicated-team');
  return queue === DEFAULT_HELP_DESK_QUEUE ? roleLabel('help-desk') : verbatim(queue);
}

/** Who or where a delivery is for, in the admin's words. */
function targetText(target: OutboxTarget): Text {
  switch (target.kind) {
    case 'user':
      return text('messages.outbox.target.user', { name: target.displayName, id: target.aadObjectId });
    case 'channel':
      return text('messages.outbox.target.channel', { label: queueLabel(target.channel) });
    case 'team-channel':
      return text('messages.outbox.target.channel', { label: verbatim(target.channelId) });
    case 'update':
      return text('messages.outbox.target.update', { messageId: target.messageId });
  }
}
