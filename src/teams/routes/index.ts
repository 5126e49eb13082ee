import { Application, TurnState } from '@microsoft/teams-ai';
import type { UseCases } from '../use-cases';
import { registerCatalogRoutes } from './catalog-routes';
import { registerChannelRoutes } from './channel-routes';
import { registerExternalCaseRoutes } from './external-case-routes';
import { registerFallbackRoutes } from './fallback-routes';
import { registerIncidentRoutes } from './incident-routes';
import { registerIntakeRoutes } from './intake-routes';
import { registerNotificationRoutes } from './notification-routes';
import { registerOutboxAdminRoutes } from './outbox-admin-routes';
import { registerRequesterTicketRoutes } from './requester-ticket-routes';
import { registerTicketRoutes } from './ticket-routes';
import { registerWelcomeRoutes } from './welcome-routes';

/** The route table: every feature registers its routes here, in order of precedence. */
export function registerRoutes<TState extends TurnState>(app: Application<TState>, useCases: UseCases): void {
  registerWelcomeRoutes(app);
  registerIntakeRoutes(app, useCases);
  registerCatalogRoutes(app, useCases);
  registerChannelRoutes(app, useCases);
  registerTicketRoutes(app, useCases);
  registerExternalCaseRoutes(app, useCases);
  registerIncidentRoutes(app, useCases);
  registerRequesterTicketRoutes(app, useCases);
  registerNotificationRoutes(app, useCases);
  registerOutboxAdminRoutes(app, useCases);
  registerFallbackRoutes(app);
}
