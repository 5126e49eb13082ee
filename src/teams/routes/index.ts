import { Application, TurnState } from '@microsoft/teams-ai';
import type { UseCases } from '../use-cases';
import type { ChannelViewers } from '../channel-viewers';
import { registerCatalogAdminRoutes } from './catalog-admin-routes';
import { registerCatalogRoutes } from './catalog-routes';
import { registerChannelRoutes } from './channel-routes';
import { registerHelpDeskQueueRoutes } from './help-desk-queue-routes';
import { registerConversationRoutes } from './conversation-routes';
import { registerDedicatedQueueRoutes } from './dedicated-queue-routes';
import { registerGovernanceRoutes } from './governance-routes';
import { registerExternalCaseRoutes } from './external-case-routes';
import { registerFallbackRoutes } from './fallback-routes';
import { registerIncidentRoutes } from './incident-routes';
import { registerIntakeRoutes } from './intake-routes';
import { registerMessageActionRoutes } from './message-action-routes';
import { registerNotificationRoutes } from './notification-routes';
import { registerOutboxAdminRoutes } from './outbox-admin-routes';
import { registerRequesterTicketRoutes } from './requester-ticket-routes';
import { registerSatisfactionRoutes } from './satisfaction-routes';
import { registerTicketRoutes } from './ticket-routes';
import { registerWelcomeRoutes } from './welcome-routes';
import { registerReportRoutes } from './report-routes';
import { registerKnowledgeReviewRoutes } from './knowledge-review-routes';
import { registerRecognitionRoutes } from './recognition-routes';
import { registerSuggestionRoutes } from './suggestion-routes';

/** What routes need of the Teams layer itself (beside the use cases). */
export interface RouteParts {
  /** Refreshed when this instance registers a channel, so its language applies at once. */
  readonly channelViewers?: Pick<ChannelViewers, 'forget'>;
  /** The bot's app id from the configuration ('' in local mode): the "Get help" links on "my solutions". */
  readonly botAppId?: string;
}

/** The route table: every feature registers its routes here, in order of precedence. */
export function registerRoutes<TState extends TurnState>(app: Application<TState>, useCases: UseCases, parts: RouteParts = {}): void {
  registerWelcomeRoutes(app);
  registerIntakeRoutes(app, useCases);
  registerMessageActionRoutes(app, useCases);
  // Before the lookup: an admin's "solution <id or name>" in personal chat opens the entry.
  registerCatalogAdminRoutes(app, useCases);
  registerCatalogRoutes(app, useCases, parts.botAppId ?? '');
  registerHelpDeskQueueRoutes(app, useCases.helpDeskQueues, parts.channelViewers);
  registerChannelRoutes(app, useCases, parts.channelViewers);
  registerTicketRoutes(app, useCases);
  registerDedicatedQueueRoutes(app, useCases);
  registerExternalCaseRoutes(app, useCases);
  registerIncidentRoutes(app, useCases);
  registerRequesterTicketRoutes(app, useCases);
  registerNotificationRoutes(app, useCases);
  registerSatisfactionRoutes(app, useCases);
  registerOutboxAdminRoutes(app, useCases);
  registerGovernanceRoutes(app, useCases);
  registerSuggestionRoutes(app, useCases);
  registerReportRoutes(app, useCases);
  registerKnowledgeReviewRoutes(app, useCases);
  registerRecognitionRoutes(app, useCases);
  registerConversationRoutes(app, useCases);
  registerFallbackRoutes(app, useCases);
}
