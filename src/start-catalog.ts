/**
 * Composition of the catalog's outside connections: the Microsoft Graph directory (people named by
 * email or UPN) and the scheduled sync from a CoE export. Called by the composition root (start-bot.ts).
 */
import type { AppConfig } from './config/app-config';
import type { PeopleDirectory } from './domain/ports/people-directory';
import { GraphPeopleDirectory } from './storage/directory/graph-people-directory';
import { graphTokens } from './storage/directory/graph-tokens';

export interface CatalogSyncOptions {
  /** 'manual': no background loop; tests run syncs through onSync. Default 'auto'. */
  readonly background?: 'auto' | 'manual';
  readonly onSync?: (sync: { runOnce(): Promise<unknown> }) => void;
  readonly instanceId?: string;
}

export function createPeopleDirectory(config: AppConfig): PeopleDirectory | undefined {
  if (!config.graph) return undefined;
  const baseUrl = config.graph.baseUrl;
  return new GraphPeopleDirectory({ baseUrl, tokens: graphTokens(baseUrl, { kind: 'bot', bot: config.bot }) });
}
