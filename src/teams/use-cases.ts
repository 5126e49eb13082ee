import type { CatalogAdmin } from '../services/catalog/catalog-admin';
import type { CatalogService } from '../services/catalog/catalog-service';
import type { ChannelService } from '../services/channels/channel-service';
import type { HelpDeskQueueService } from '../services/channels/help-desk-queue-service';
import type { ExternalCaseService } from '../services/external-cases/external-case-service';
import type { IncidentService } from '../services/incidents/incident-service';
import type { ConversationStartService } from '../services/intake/conversation-start';
import type { IntakeService } from '../services/intake/intake-service';
import type { IntakeStartService } from '../services/intake/intake-start';
import type { MessageReportService } from '../services/intake/message-report-service';
import type { RequestHandlingService } from '../services/notifications/request-handling-service';
import type { SatisfactionService } from '../services/notifications/satisfaction-service';
import type { OutboxAdmin } from '../services/outbox/outbox-admin';
import type { GraduationService } from '../services/governance/graduation-service';
import type { SuggestionService } from '../services/suggestions/suggestion-service';
import type { UnderSupportedAdmin } from '../services/governance/under-supported-admin';
import type { DedicatedQueueService } from '../services/tickets/dedicated-queue-service';
import type { TicketService } from '../services/tickets/ticket-service';
import type { ReportService } from '../services/reports/report-service';
import type { ArticleFromTicketService } from '../services/knowledge/article-from-ticket-service';
import type { KnowledgeReviewService } from '../services/knowledge/knowledge-review-service';

/** The knowledge base's use cases beside the questionnaire's answers (issue 16). */
export interface KnowledgeUseCases {
  /** The knowledge owners' review list, Publish and Retire. */
  readonly review: KnowledgeReviewService;
  /** "Publish as article" / "Add to help desk knowledge" on a resolved ticket. */
  readonly fromTickets: ArticleFromTicketService;
}
import type { RecognitionService } from '../services/recognition/recognition-service';

/** The use cases the Teams layer calls. Built in the composition root (src/start-bot.ts). */
export interface UseCases {
  readonly intake: IntakeService;
  /** "new request" in a personal chat, once per activity through its draft (route-claim.ts). */
  readonly intakeStart: IntakeStartService;
  /** A questionnaire started from what someone wrote, or from a maker's "Get help" link. */
  readonly conversation: ConversationStartService;
  /** "Report a problem" from a message: the intake on one form, in a dialog. */
  readonly messageReports: MessageReportService;
  readonly catalog: CatalogService;
  readonly tickets: TicketService;
  /** The dedicated team's queue: hand-off cards, answers to its questions, severity changes. */
  readonly dedicatedQueue: DedicatedQueueService;
  readonly channels: ChannelService;
  /** Named help desk queues, per business unit or request categories ("register help desk for Finance"). */
  readonly helpDeskQueues?: HelpDeskQueueService;
  /** Partner and Microsoft cases on tickets (the designated escalation group, IT admins). */
  readonly externalCases: ExternalCaseService;
  /** Major incidents (the dedicated team). */
  readonly incidents: IncidentService;
  /** The maker's and co-owners' card actions on a request (request-handling service). */
  readonly requestHandling: RequestHandlingService;
  /** Stuck, failed and uncertain deliveries, for admins. */
  readonly outbox: OutboxAdmin;
  /** Graduation requests: the maker's form, the Power Platform team's decision. */
  readonly graduation: GraduationService;
  /** "Suggest an improvement" from help desk tickets to the Power Platform team, and `suggestions`. */
  readonly suggestions: SuggestionService;
  /** "under-supported": the under-supported solutions found this week, for admins. */
  readonly underSupported: UnderSupportedAdmin;
  /** Catalog admins: entries, their edits and the "Not my solution" flags (ADMIN_IDS). */
  readonly catalogAdmin: CatalogAdmin;
  /** The requester's answer to "Did that solve your problem?". */
  readonly satisfaction: SatisfactionService;
  /** The help desk lead's reports (issue 17); absent: no `report` command. */
  readonly reports?: ReportService;
  /** The knowledge owners' review and articles from resolved tickets. */
  readonly knowledge: KnowledgeUseCases;
  /** "stop thanks" / "start thanks" and the thank-you card's opt-out: the makers' monthly thank-you cards (issue 17). */
  readonly recognition: RecognitionService;
}
