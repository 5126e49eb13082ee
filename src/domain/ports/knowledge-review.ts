/**
 * What the knowledge owners' review and "Publish as article" need of storage beside the articles
 * (adapters: storage/knowledge/table-missed-searches.ts, storage/knowledge/table-knowledge-notices.ts).
 */
import type { MissedSearch } from '../knowledge/missed-search';
import type { OutboxMessage } from '../outbox-message';

export interface MissedSearchLog {
  /** Counts one more search for the (normalised, capped) question in its language. */
  record(query: string, language: string, at: Date): Promise<void>;
  /** The most recently missed questions, newest first, at most `limit`. */
  recent(limit: number): Promise<MissedSearch[]>;
}

export interface KnowledgeNotices {
  /**
   * The help desk's notice that the dedicated team added an article from a ticket, with its outbox
   * message, written together once per ticket: false when it was written already (nothing is written).
   */
  record(ticketId: string, message: OutboxMessage): Promise<boolean>;
}
