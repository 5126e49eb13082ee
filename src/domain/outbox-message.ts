import { readCardReference, type CardReference } from './card-reference';
import type { QueueId } from './queues/queue';

/**
 * A message the bot owes someone, written in the same transaction as the change that caused it and
 * delivered later by the outbox worker. Pure data: the card is named by template, bound at delivery.
 */

export type OutboxTarget =
  /** A 1:1 chat with a person, created from their Entra object id if the bot never talked to them. */
  | { readonly kind: 'user'; readonly aadObjectId: string; readonly displayName: string }
  /**
   * A channel registered by an admin ("register help desk" / "register dedicated team"), or a named
   * help desk queue's ("help-desk:finance"; its channel, else the default help desk's when unregistered).
   */
  | { readonly kind: 'channel'; readonly channel: QueueId | 'global-admins' }
  /** A solution's own support channel (its catalog link, domain/notifications/team-channel.ts): a new post there. */
  | {
      readonly kind: 'team-channel';
      readonly channelId: string;
      readonly teamId?: string;
      /** The language the post is written in: its maker's, from the catalog (the channel has no registered one). */
      readonly locale?: string;
    }
  /**
   * Replace a card the outbox posted earlier (same request): the worker finds the conversation and
   * activity id that delivering message `messageId` produced, and updates that activity in place.
   */
  | { readonly kind: 'update'; readonly messageId: string };

export type OutboxPurpose =
  | 'maker-notification'
  | 'co-owner-ping'
  | 'help-desk-ticket'
  | 'dedicated-team-handoff'
  | 'requester-update'
  /** The dedicated team's question to the maker about a ticket (a DM; no request timer follows it). */
  | 'ticket-question';

export interface OutboxMessage {
  /** Unique per message; delivery is idempotent on it. */
  readonly id: string;
  /** The request (or ticket) whose change caused it. */
  readonly requestId: string;
  readonly purpose: OutboxPurpose;
  readonly target: OutboxTarget;
  /** A template in `cards/` and the data bound into it (plain values and Text descriptors, rendered at delivery). */
  readonly card: CardReference;
  readonly createdAt: string;
}

/** A stored message; rows written before cards were `CardReference`s name theirs `{ template, data }`. */
export function readOutboxMessage(stored: OutboxMessage): OutboxMessage {
  return { ...stored, card: readCardReference(stored.card) ?? { card: '', data: {} } };
}
