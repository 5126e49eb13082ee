/** Submitted requests (storage/cases/table-case-store.ts). */
import type { RequestHistoryEvent, TicketHistoryEvent } from '../history';
import type { SupportRequest } from '../intake/support-request';
import type { OutboxMessage } from '../outbox-message';
import type { Ticket } from '../tickets/ticket';
import type { Versioned } from './versioned';

export interface StoredRequest extends Versioned {
  readonly request: SupportRequest;
}

/** A help desk ticket opened together with a request, or by a change to it (same id, same transaction). */
export interface NewTicket {
  readonly ticket: Ticket;
  readonly history: readonly TicketHistoryEvent[];
}

export interface RequestRepository {
  /**
   * Creates the request with its first history events and outbox messages (and its ticket, if any),
   * atomically; throws RequestExistsError (a ConcurrencyConflictError) if the id exists.
   */
  create(
    request: SupportRequest,
    history: readonly RequestHistoryEvent[],
    outbox: readonly OutboxMessage[],
    ticket?: NewTicket,
  ): Promise<void>;
  get(id: string): Promise<StoredRequest | undefined>;
  /** A requester's requests, newest first. */
  listByRequester(aadObjectId: string, limit: number): Promise<SupportRequest[]>;
  /**
   * One page of a requester's requests, newest first, from their own index rows only: `after` is the
   * continuation of the previous page (a position in that person's index, never an id to trust).
   */
  pageByRequester(aadObjectId: string, after: string | undefined, limit: number): Promise<RequesterPage>;
  /** The request's history, oldest first (bounded by the store). */
  history(id: string): Promise<RequestHistoryEvent[]>;
}

/** `next`: the continuation of the following page, when there is one. */
export interface RequesterPage {
  readonly requests: readonly SupportRequest[];
  readonly next?: string;
}
