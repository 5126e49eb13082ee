/**
 * What the services need from the outside world, as small interfaces. Storage classes satisfy them
 * structurally; tests can pass their own. Services never import an SDK.
 */
import type { RequestHistoryEvent, TicketHistoryEvent } from '../domain/history';
import type { IntakeDraft } from '../domain/intake/intake-draft';
import type { SupportRequest } from '../domain/intake/support-request';
import type { OutboxMessage } from '../domain/outbox-message';
import type { Solution } from '../domain/solution';
import type { Ticket } from '../domain/tickets/ticket';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Something read from storage with the ETag a later write must carry. */
export interface Versioned {
  readonly etag: string;
}

export interface StoredIntake extends Versioned {
  readonly draft: IntakeDraft;
}

export interface IntakeRepository {
  create(draft: IntakeDraft): Promise<StoredIntake>;
  /** Only drafts of `requesterId` are reachable: the partition is the requester. */
  get(requesterId: string, id: string): Promise<StoredIntake | undefined>;
  /** Throws ConcurrencyConflictError when someone saved since `stored` was read. */
  update(stored: StoredIntake, draft: IntakeDraft): Promise<StoredIntake>;
  /** Deletes the requester's drafts for which `disposable` is true; returns how many. */
  prune(requesterId: string, disposable: (draft: IntakeDraft) => boolean): Promise<number>;
}

export interface StoredRequest extends Versioned {
  readonly request: SupportRequest;
}

export interface RequestRepository {
  /** Atomic (with the help desk ticket, if any); throws RequestExistsError (a ConcurrencyConflictError) if the id exists. */
  create(
    request: SupportRequest,
    history: readonly RequestHistoryEvent[],
    outbox: readonly OutboxMessage[],
    ticket?: { readonly ticket: Ticket; readonly history: readonly TicketHistoryEvent[] },
  ): Promise<void>;
  get(id: string): Promise<StoredRequest | undefined>;
  listByRequester(aadObjectId: string, limit: number): Promise<SupportRequest[]>;
}

export interface SolutionMatch {
  readonly solution: Solution;
  readonly score: number;
}

/** The part of the catalog the intake reads. */
export interface SolutionLookup {
  get(id: string): Promise<Solution | undefined>;
  search(query: string, limit?: number): Promise<SolutionMatch[]>;
}
