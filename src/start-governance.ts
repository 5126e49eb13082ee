/**
 * Composition of governance (issue 17): graduation requests and their decision by the Power Platform
 * team, over the catalog admin's edit path. Called by the composition root (start-bot.ts).
 */
import type { AppConfig } from './config/app-config';
import type { CatalogStore } from './domain/ports/catalog';
import type { Clock } from './domain/ports/clock';
import { CatalogAdmin } from './services/catalog/catalog-admin';
import { GraduationService } from './services/governance/graduation-service';
import { TableCatalogFlags } from './storage/cases/table-catalog-flags';
import { TableConversationStore } from './storage/conversations/table-conversation-store';
import { TableGraduationStore } from './storage/governance/table-graduation-store';
import type { TableService } from './storage/table-service';

export function createGovernance(tables: TableService, config: AppConfig, clock: Clock, catalog: CatalogStore) {
  const catalogAdmin = new CatalogAdmin({
    store: catalog,
    flags: new TableCatalogFlags(tables.client('cases')),
    adminIds: config.adminIds,
    clock,
  });
  const graduation = new GraduationService({
    catalog,
    catalogAdmin,
    graduations: new TableGraduationStore(tables.client('cases')),
    channels: new TableConversationStore(tables.client('conversations')),
    clock,
  });
  return { graduation, catalogAdmin };
}
