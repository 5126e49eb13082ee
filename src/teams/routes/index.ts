import { Application, TurnState } from '@microsoft/teams-ai';
import type { BotServices } from '../services';
import { registerIntakeRoutes } from './intake-routes';
import { registerWelcomeRoutes } from './welcome-routes';

/** The route table: every feature registers its routes here, in order of precedence. */
export function registerRoutes<TState extends TurnState>(app: Application<TState>, services: BotServices): void {
  registerWelcomeRoutes(app);
  registerIntakeRoutes(app, services);
}
