/** The list views of the help desk channel and the one-line summary each entry shows. Pure types. */
import type { UnlistedSolution } from '../intake/unlisted-solution';
import type { RequestCategory } from '../request-category';
import type { Severity } from '../severity';
import type { TicketStatus } from '../ticket-status';
import type { Ticket } from './ticket';

export type TicketListView =
  | { readonly kind: 'open'; readonly severity?: Severity }
  | { readonly kind: 'unassigned'; readonly severity?: Severity }
  | { readonly kind: 'mine'; readonly aadObjectId: string; readonly severity?: Severity };

/** What an index row carries, so list views need no further reads. */
export interface TicketSummary {
  readonly id: string;
  readonly number: string;
  readonly title: string;
  readonly severity: Severity;
  readonly status: TicketStatus;
  readonly assigneeName?: string;
  readonly requesterName: string;
  readonly solutionName?: string;
  /** Absent on rows written before issue 14 (read as "not in the catalog"). */
  readonly category?: RequestCategory;
  readonly unlistedSolution?: UnlistedSolution;
  readonly resolutionDueAt: string;
  readonly createdAt: string;
}

export interface TicketPage {
  readonly items: readonly TicketSummary[];
  readonly offset: number;
  readonly hasMore: boolean;
  /** Where the next page starts (an opaque position in the view), when there is one. */
  readonly next?: string;
}

export function summaryOf(ticket: Ticket): TicketSummary {
  return {
    id: ticket.id,
    number: ticket.number,
    title: ticket.title,
    severity: ticket.severity,
    status: ticket.status,
    assigneeName: ticket.assignee?.displayName,
    requesterName: ticket.requester.displayName,
    solutionName: ticket.solution?.name,
    category: ticket.category,
    ...(ticket.unlistedSolution ? { unlistedSolution: ticket.unlistedSolution } : {}),
    resolutionDueAt: ticket.sla.resolution.dueAt,
    createdAt: ticket.createdAt,
  };
}
