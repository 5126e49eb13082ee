/** Graduation requests (storage/governance/table-graduation-store.ts). */
import type { GraduationRequest } from '../governance/graduation-request';
import type { OutboxMessage } from '../outbox-message';
import type { Versioned } from './versioned';

export interface StoredGraduation extends Versioned {
  readonly request: GraduationRequest;
}

export interface GraduationStore {
  /** Writes a new request with the messages it causes, in one transaction. Throws RequestExistsError if the id exists. */
  create(request: GraduationRequest, messages: readonly OutboxMessage[]): Promise<void>;
  get(id: string): Promise<StoredGraduation | undefined>;
  /** Replaces the version read, with the messages the change causes. Throws ConcurrencyConflictError if it moved. */
  save(next: GraduationRequest, previous: StoredGraduation, messages: readonly OutboxMessage[]): Promise<void>;
}
