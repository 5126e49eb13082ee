import type { CatalogService } from '../services/catalog/catalog-service';
import type { ChannelService } from '../services/channels/channel-service';
import type { ConversationStartService } from '../services/intake/conversation-start';
import type { IntakeService } from '../services/intake/intake-service';
import type { MessageReportService } from '../services/intake/message-report-service';
import type { RequestHandlingService } from '../services/notifications/request-handling-service';
import type { OutboxAdmin } from '../services/outbox/outbox-admin';
import type { DedicatedQueueService } from '../services/tickets/dedicated-queue-service';
import type { TicketService } from '../services/tickets/ticket-service';

/** The use cases the Teams layer calls. Built in the composition root (src/start-bot.ts). */
export interface UseCases {
  readonly intake: IntakeService;
  /** A questionnaire started from what someone wrote, or from a maker's "Get help" link. */
  readonly conversation: ConversationStartService;
  /** "Report a problem" from a message: the intake on one form, in a dialog. */
  readonly messageReports: MessageReportService;
  readonly catalog: CatalogService;
  readonly tickets: TicketService;
  /** The dedicated team's queue: hand-off cards, answers to its questions, severity changes. */
  readonly dedicatedQueue: DedicatedQueueService;
  readonly channels: ChannelService;
  /** The maker's and co-owners' card actions on a request (request-handling service). */
  readonly requestHandling: RequestHandlingService;
  /** Stuck, failed and uncertain deliveries, for admins. */
  readonly outbox: OutboxAdmin;
}
