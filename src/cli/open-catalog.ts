/**
 * The catalog service over the configured storage, for command-line tools (the catalog CLI, the
 * demo data loader). Reads only the storage variables through the bot's own configuration rules.
 */
import { ConfigError } from '../config/config-error';
import { loadConfig, type Environment } from '../config/load-config';
import { isServiceUrl } from '../config/validators';
import type { PeopleDirectory } from '../domain/ports/people-directory';
import { CatalogService } from '../services/catalog/catalog-service';
import { GraphPeopleDirectory } from '../storage/directory/graph-people-directory';
import { graphTokens } from '../storage/directory/graph-tokens';
import { CatalogTableStore, type CatalogTableStoreOptions } from '../storage/catalog/catalog-table-store';
import { TableSyncStatus } from '../storage/catalog/table-sync-status';
import { TableService } from '../storage/table-service';

/** The only variables a tool needs; bot credentials in the caller's shell are deliberately ignored. */
const STORAGE_VARIABLES = [
  'STORAGE_CONNECTION_STRING',
  'STORAGE_ACCOUNT_URL',
  'TABLE_PREFIX',
  'AZURE_CLIENT_ID',
  'STORAGE_TIMEOUT_MS',
] as const;

export interface OpenCatalog {
  readonly catalog: CatalogService;
  readonly tables: TableService;
}

/** Throws ConfigError (naming the variable) or StorageUnavailableError. */
export async function openCatalog(env: Environment, options: CatalogTableStoreOptions = {}): Promise<OpenCatalog> {
  const storageEnv = Object.fromEntries(STORAGE_VARIABLES.map((name) => [name, env[name]]));
  const config = loadConfig(storageEnv);
  const directory = directoryOf(env);
  const tables = new TableService(config.storage, config.tablePrefix, { timeoutMs: config.storageTimeouts.turnMs });
  await tables.ensureTables();
  const syncStatus = new TableSyncStatus(tables.client('catalogMeta'));
  return {
    catalog: new CatalogService(CatalogTableStore.on(tables, options), { syncStatus, ...(directory ? { directory } : {}) }),
    tables,
  };
}

/**
 * The command line looks people up only when GRAPH_BASE_URL is set (with your Azure sign-in or a
 * managed identity: DefaultAzureCredential), so an import never waits on a Graph it cannot reach.
 */
function directoryOf(env: Environment): PeopleDirectory | undefined {
  const baseUrl = env.GRAPH_BASE_URL?.trim();
  if (!baseUrl) return undefined;
  if (!isServiceUrl(baseUrl))
    throw new ConfigError([
      { variable: 'GRAPH_BASE_URL', message: `expected an https URL such as https://graph.microsoft.com/v1.0, got "${baseUrl}"` },
    ]);
  const clientId = env.AZURE_CLIENT_ID?.trim();
  return new GraphPeopleDirectory({
    baseUrl,
    tokens: graphTokens(baseUrl, { kind: 'default', ...(clientId ? { managedIdentityClientId: clientId } : {}) }),
  });
}
