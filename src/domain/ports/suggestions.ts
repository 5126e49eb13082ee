/** Suggestions from the help desk to the Power Platform team (storage/suggestions/table-suggestion-store.ts). */
import type { OutboxMessage } from '../outbox-message';
import type { Suggestion, SuggestionEvent } from '../suggestions/suggestion';
import type { Versioned } from './versioned';

export interface StoredSuggestion extends Versioned {
  readonly suggestion: Suggestion;
}

export interface SuggestionStore {
  /** Writes a new item, its first history event and the messages it causes in one transaction. Throws RequestExistsError if the id exists. */
  create(suggestion: Suggestion, event: SuggestionEvent, messages: readonly OutboxMessage[]): Promise<void>;
  /** The item, found in its ticket's partition. */
  get(ticketId: string, id: string): Promise<StoredSuggestion | undefined>;
  /** Replaces the version read, with its history event and messages. Throws ConcurrencyConflictError if it moved. */
  save(next: Suggestion, previous: StoredSuggestion, event: SuggestionEvent, messages: readonly OutboxMessage[]): Promise<void>;
  /** The items still open (new, under review, planned), newest first, at most `limit`. */
  listOpen(limit: number): Promise<Suggestion[]>;
  /** The items linked to one ticket, at most `limit`. */
  ofTicket(ticketId: string, limit: number): Promise<Suggestion[]>;
  history(ticketId: string, id: string): Promise<SuggestionEvent[]>;
}
