/** The admins' "outbox status" card: deliveries stuck, failed for good, or of uncertain outcome. */
import { text } from '../domain/text';
import type { CardRef } from './cards';

/** What the card shows of each listing (services/outbox/outbox-admin.ts has the full records). */
interface Delivery {
  readonly messageId: string;
  readonly purpose: string;
  readonly target: string;
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
              target: s.target,
              minutes: s.ageMinutes,
              attempts: s.attempts,
              error: s.lastError,
            })
          : text('messages.outbox.stuck', { purpose: s.purpose, target: s.target, minutes: s.ageMinutes, attempts: s.attempts }),
      })),
      failed: failed.slice(0, SHOWN).map((f) => ({
        line: text('messages.outbox.failed', {
          purpose: f.purpose,
          target: f.target,
          reason: f.reason,
          at: f.failedAt,
          error: f.lastError,
        }),
      })),
      uncertain: uncertain.slice(0, SHOWN).map((u) => ({
        line: text('messages.outbox.uncertain', { purpose: u.purpose, target: u.target, at: u.attemptedAt, messageId: u.messageId }),
      })),
    },
  };
}
