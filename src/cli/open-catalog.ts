/**
 * The catalog service over the configured storage, for command-line tools (the catalog CLI, the
 * demo data loader). Reads only the storage variables through the bot's own configuration rules.
 */
import { loadConfig, type Environment } from '../config/load-config';
import { CatalogService } from '../services/catalog/catalog-service';
import { CatalogTableStore, type CatalogTableStoreOptions } from '../storage/catalog/catalog-table-store';
import { TableService } from '../storage/table-service';

/** The only variables a tool needs; bot credentials in the caller's shell are deliberately ignored. */
const STORAGE_VARIABLES = ['STORAGE_CONNECTION_STRING', 'STORAGE_ACCOUNT_URL', 'TABLE_PREFIX', 'AZURE_CLIENT_ID', 'STORAGE_TIMEOUT_MS'] as const;

export interface OpenCatalog {
  readonly catalog: CatalogService;
  readonly tables: TableService;
}

/** Throws ConfigError (naming the variable) or StorageUnavailableError. */
export async function openCatalog(env: Environment, options: CatalogTableStoreOptions = {}): Promise<OpenCatalog> {
  const storageEnv = Object.fromEntries(STORAGE_VARIABLES.map((name) => [name, env[name]]));
  const config = loadConfig(storageEnv);
  const tables = new TableService(config.storage, config.tablePrefix, { timeoutMs: config.storageTimeouts.turnMs });
  await tables.ensureTables();
  return { catalog: new CatalogService(CatalogTableStore.on(tables, options)), tables };
}
