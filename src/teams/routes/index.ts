import { Application, TurnState } from '@microsoft/teams-ai';
import { registerWelcomeRoutes } from './welcome-routes';

/** The route table: every feature registers its routes here, in order of precedence. */
export function registerRoutes<TState extends TurnState>(app: Application<TState>): void {
  registerWelcomeRoutes(app);
}
