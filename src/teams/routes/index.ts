import { Application, TurnState } from '@microsoft/teams-ai';
import type { BotServices } from '../services';
import { registerCatalogRoutes } from './catalog-routes';
import { registerChannelRoutes } from './channel-routes';
import { registerFallbackRoutes } from './fallback-routes';
import { registerIntakeRoutes } from './intake-routes';
import { registerNotificationRoutes } from './notification-routes';
import { registerOutboxAdminRoutes } from './outbox-admin-routes';
import { registerRequesterTicketRoutes } from './requester-ticket-routes';
import { registerTicketRoutes } from './ticket-routes';
import { registerWelcomeRoutes } from './welcome-routes';

/** The route table: every feature registers its routes here, in order of precedence. */
export function registerRoutes<TState extends TurnState>(app: Application<TState>, services: BotServices): void {
  registerWelcomeRoutes(app);
  registerIntakeRoutes(app, services);
  registerCatalogRoutes(app, services);
  registerChannelRoutes(app, services);
  registerTicketRoutes(app, services);
  registerRequesterTicketRoutes(app, services);
  registerNotificationRoutes(app, services);
  registerOutboxAdminRoutes(app, services);
  registerFallbackRoutes(app);
}
