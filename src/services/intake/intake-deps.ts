/** What the intake use case is given by the composition root (src/start-bot.ts). */
import type { SupportRequest } from '../../domain/intake/support-request';
import type { Solution } from '../../domain/solution';
import type { Text } from '../../domain/text';
import type { SlaConfig } from '../../domain/sla';
import type { Clock } from '../../domain/ports/clock';
import type { TicketNumberAllocator } from '../../domain/ports/tickets';
import type { IntakeRepository } from '../../domain/ports/intake';
import type { RequestRepository } from '../../domain/ports/requests';
import type { SolutionLookup } from '../../domain/ports/catalog';
import type { SubmissionLimit } from './submission-limit';
import type { PruneSchedule } from './prune-schedule';
import type { RecentDrafts } from './recent-drafts';
import type { NewTicketQueues } from '../tickets/ticket-queues';
import type { IntakeAnswers } from '../knowledge/intake-answers-port';

export interface IntakeServiceDeps {
  readonly intakes: IntakeRepository;
  readonly requests: RequestRepository;
  readonly catalog: SolutionLookup;
  readonly clock: Clock;
  readonly newId?: () => string;
  /** When a start also prunes old drafts (default: a PruneSchedule with its defaults). */
  readonly pruning?: PruneSchedule;
  /** Drafts this instance read or saved lately, tried before a read (default: a RecentDrafts with its defaults). */
  readonly recentDrafts?: RecentDrafts;
  /** Help desk tickets: requests routed to the help desk open one, numbered just before creation. */
  readonly tickets: {
    readonly numbers: Pick<TicketNumberAllocator, 'allocate'>;
    readonly sla?: SlaConfig;
    readonly queues?: NewTicketQueues;
  };
  /**
   * Open major incidents (issue 13): a report an open incident covers is linked to it and the
   * requester told it is known, instead of being routed (no duplicate ticket). None: always routed.
   */
  readonly incidents?: IncidentReportLink;
  /** Requests per person per hour; checked at Submit before anything is written. None: no limit. */
  readonly submissions?: SubmissionLimit;
  /**
   * Finds the object ids of the solution's people the catalog knows by email only, before routing
   * picks whom to message (the catalog service, over Microsoft Graph). None: they count as unreachable.
   */
  readonly people?: PeopleResolution;
  /** Knowledge base articles and workarounds offered before the review (issue 16). None: straight to the review. */
  readonly answers?: IntakeAnswers;
}

/** The port the intake calls before routing (see CatalogService.withKnownPeople). */
export interface PeopleResolution {
  withKnownPeople(solution: Solution): Promise<Solution>;
}

/** The port the intake calls before routing a report (see IncidentService.linkReport). */
export interface IncidentReportLink {
  linkReport(request: SupportRequest, now: Date): Promise<KnownIncident | undefined>;
  /** The first "Power Platform itself seems down" report: opens the platform incident, or finds one opened meanwhile. */
  openForPlatformReport(
    request: SupportRequest,
    ticketNumber: string,
    now: Date,
  ): Promise<{ readonly opened: { readonly id: string } } | { readonly known: KnownIncident } | undefined>;
}

/** An open incident that covers a report, and what its requester is told. */
export interface KnownIncident {
  readonly incident: { readonly id: string };
  readonly explanation: Text;
}
