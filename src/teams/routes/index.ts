import { Application, TurnState } from '@microsoft/teams-ai';
import type { UseCases } from '../use-cases';
import type { ChannelViewers } from '../channel-viewers';
import { registerCatalogRoutes } from './catalog-routes';
import { registerChannelRoutes } from './channel-routes';
import { registerConversationRoutes } from './conversation-routes';
import { registerDedicatedQueueRoutes } from './dedicated-queue-routes';
import { registerFallbackRoutes } from './fallback-routes';
import { registerIntakeRoutes } from './intake-routes';
import { registerMessageActionRoutes } from './message-action-routes';
import { registerNotificationRoutes } from './notification-routes';
import { registerOutboxAdminRoutes } from './outbox-admin-routes';
import { registerRequesterTicketRoutes } from './requester-ticket-routes';
import { registerTicketRoutes } from './ticket-routes';
import { registerWelcomeRoutes } from './welcome-routes';

/** What routes need of the Teams layer itself (beside the use cases). */
export interface RouteParts {
  /** Refreshed when this instance registers a channel, so its language applies at once. */
  readonly channelViewers?: Pick<ChannelViewers, 'forget'>;
}

/** The route table: every feature registers its routes here, in order of precedence. */
export function registerRoutes<TState extends TurnState>(app: Application<TState>, useCases: UseCases, parts: RouteParts = {}): void {
  registerWelcomeRoutes(app);
  registerIntakeRoutes(app, useCases);
  registerMessageActionRoutes(app, useCases);
  registerCatalogRoutes(app, useCases);
  registerChannelRoutes(app, useCases, parts.channelViewers);
  registerTicketRoutes(app, useCases);
  registerDedicatedQueueRoutes(app, useCases);
  registerRequesterTicketRoutes(app, useCases);
  registerNotificationRoutes(app, useCases);
  registerOutboxAdminRoutes(app, useCases);
  registerConversationRoutes(app, useCases);
  registerFallbackRoutes(app, useCases);
}
