import {
  AppConfig,
  BotCredentials,
  LOG_LEVELS,
  LogLevel,
  NODE_ENVS,
  NotificationConfig,
  StorageConfig,
  StorageTimeouts,
  TenantPolicy,
} from './app-config';
import { readBotCredentials } from './bot-credentials';
import { ConfigError, ConfigProblem } from './config-error';
import { EnvVariableName } from './env-spec';
import { readTicketConfig } from './ticket-config';
import { readGovernance } from './governance-config';
import { readCatalogSync, readGraph } from './catalog-config';
import { isGuid, isLoopback, parseConnectionString, parseUrl, splitList } from './validators';
import { integerReader, Problem, Reader } from './env-reader';

/** Bot Connector calls per second per tenant: Teams' 50 per app per tenant, less 10 % headroom. */
export const DEFAULT_TENANT_RATE = 45;

export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Reads and validates the environment. Collects every problem and throws one ConfigError listing
 * them all; returns a fully typed configuration otherwise.
 */
export function loadConfig(env: Environment): AppConfig {
  const problems: ConfigProblem[] = [];
  const read = (name: EnvVariableName): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const problem = (variable: EnvVariableName, message: string): void => {
    problems.push({ variable, message });
  };

  const nodeEnv = oneOf(read('NODE_ENV'), NODE_ENVS, 'development', (m) => problem('NODE_ENV', m));
  const port = readPort(read('PORT'), (m) => problem('PORT', m));
  const bot = readBotCredentials(read, nodeEnv, problem);
  const bindAddress = readBindAddress(read('BIND_ADDRESS'), bot, (m) => problem('BIND_ADDRESS', m));
  const storage = readStorage(read, problem);
  const storageTimeouts = readStorageTimeouts(read, problem);
  const tablePrefix = read('TABLE_PREFIX') ?? '';
  if (!/^([A-Za-z][A-Za-z0-9]{0,19})?$/.test(tablePrefix)) {
    problem('TABLE_PREFIX', `expected up to 20 letters and digits starting with a letter, got "${tablePrefix}"`);
  }
  const tenants = readTenants(read('ALLOWED_TENANTS'), bot, (m) => problem('ALLOWED_TENANTS', m));
  const adminIds = readGuidList(read('ADMIN_IDS'), 'Entra object id', (m) => problem('ADMIN_IDS', m));
  const escalationGroupIds = readGuidList(read('ESCALATION_GROUP_IDS'), 'Entra object id', (m) => problem('ESCALATION_GROUP_IDS', m));
  const itAdminIds = readGuidList(read('IT_ADMIN_IDS'), 'Entra object id', (m) => problem('IT_ADMIN_IDS', m));
  const reportReaderIds = readGuidList(read('REPORT_READER_IDS'), 'Entra object id', (m) => problem('REPORT_READER_IDS', m));
  const logLevel = oneOf(read('LOG_LEVEL'), LOG_LEVELS, 'info', (m) => problem('LOG_LEVEL', m));
  const appInsightsConnectionString = read('APPLICATIONINSIGHTS_CONNECTION_STRING');
  if (appInsightsConnectionString !== undefined && !/InstrumentationKey=|IngestionEndpoint=/i.test(appInsightsConnectionString)) {
    problem(
      'APPLICATIONINSIGHTS_CONNECTION_STRING',
      'expected an Application Insights connection string (InstrumentationKey=…;IngestionEndpoint=…)',
    );
  }

  const notifications = readNotifications(read, problem);
  const tickets = readTicketConfig(read, problem);
  const intake = { maxRequestsPerHour: integerReader(read, problem)('MAX_REQUESTS_PER_HOUR', 20, 1, 200) };
  const graph = readGraph(read, problem, bot.mode === 'local');
  const catalogSync = readCatalogSync(read, problem, bot.mode === 'local');
  const governance = readGovernance(read, problem);

  if (problems.length > 0 || storage === undefined) throw new ConfigError(problems);
  return {
    nodeEnv,
    port,
    bindAddress,
    bot,
    storage,
    storageTimeouts,
    tablePrefix,
    tenants,
    adminIds: new Set(adminIds.map((id) => id.toLowerCase())),
    externalCases: { escalationGroupIds: lowerSet(escalationGroupIds), itAdminIds: lowerSet(itAdminIds) },
    reportReaderIds: new Set(reportReaderIds.map((id) => id.toLowerCase())),
    logLevel: logLevel as LogLevel,
    appInsightsConnectionString,
    notifications,
    tickets,
    intake,
    ...(graph ? { graph } : {}),
    ...(catalogSync ? { catalogSync } : {}),
    governance,
  };
}

function readStorageTimeouts(read: Reader, problem: Problem): StorageTimeouts {
  const integer = integerReader(read, problem);
  return {
    turnMs: integer('STORAGE_TIMEOUT_MS', 3_000, 100, 60_000),
    backgroundMs: integer('STORAGE_BACKGROUND_TIMEOUT_MS', 10_000, 100, 120_000),
  };
}

function readNotifications(read: Reader, problem: Problem): NotificationConfig {
  const integer = integerReader(read, problem);
  const teamsServiceUrl = read('TEAMS_SERVICE_URL');
  if (teamsServiceUrl !== undefined) {
    const url = parseUrl(teamsServiceUrl);
    if (url === undefined || (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname)))) {
      problem('TEAMS_SERVICE_URL', `expected an https URL such as https://smba.trafficmanager.net/teams/, got "${teamsServiceUrl}"`);
    }
  }
  return {
    // above Teams' own 50 / s per app per tenant a setting could only earn 429s
    tenantRatePerSecond: integer('OUTBOX_TENANT_RATE', DEFAULT_TENANT_RATE, 1, 50),
    makerAckMinutes: integer('MAKER_ACK_MINUTES', 240, 1, 10_080),
    coOwnerClaimMinutes: integer('CO_OWNER_CLAIM_MINUTES', 480, 1, 10_080),
    outboxStuckMinutes: integer('OUTBOX_STUCK_MINUTES', 15, 1, 10_080),
    ...(teamsServiceUrl !== undefined ? { teamsServiceUrl } : {}),
  };
}

type Report = (message: string) => void;

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T, report: Report): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  report(`expected one of ${allowed.join(', ')}, got "${value}"`);
  return fallback;
}

function readPort(value: string | undefined, report: Report): number {
  if (value === undefined) return 3978;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65535) {
    report(`expected an integer between 1 and 65535, got "${value}"`);
    return 3978;
  }
  return port;
}

function readBindAddress(value: string | undefined, bot: BotCredentials, report: Report): string {
  if (bot.mode === 'local') {
    if (value !== undefined && !isLoopback(value)) {
      report(`local mode (no BOT_ID) runs without authentication and listens on loopback only; got "${value}"`);
    }
    return value ?? '127.0.0.1';
  }
  return value ?? '0.0.0.0';
}

function readStorage(read: Reader, problem: Problem): StorageConfig | undefined {
  const connectionString = read('STORAGE_CONNECTION_STRING');
  const accountUrl = read('STORAGE_ACCOUNT_URL');
  if (connectionString !== undefined && accountUrl !== undefined) {
    problem('STORAGE_CONNECTION_STRING', 'set either STORAGE_CONNECTION_STRING or STORAGE_ACCOUNT_URL, not both');
    return undefined;
  }
  if (connectionString !== undefined) {
    const parts = parseConnectionString(connectionString);
    if (!parts.has('accountname') && !parts.has('tableendpoint') && parts.get('usedevelopmentstorage') !== 'true') {
      problem('STORAGE_CONNECTION_STRING', 'expected an Azure Storage connection string (AccountName=…;AccountKey=…;TableEndpoint=…)');
      return undefined;
    }
    return { kind: 'connection-string', connectionString };
  }
  if (accountUrl !== undefined) {
    const url = parseUrl(accountUrl);
    const secure = url?.protocol === 'https:' || (url?.protocol === 'http:' && isLoopback(url.hostname));
    if (url === undefined || !secure) {
      problem('STORAGE_ACCOUNT_URL', `expected the table endpoint URL, e.g. https://ACCOUNT.table.core.windows.net, got "${accountUrl}"`);
      return undefined;
    }
    const clientId = read('AZURE_CLIENT_ID');
    if (clientId !== undefined && !isGuid(clientId)) problem('AZURE_CLIENT_ID', `expected a client id (a GUID), got "${clientId}"`);
    return { kind: 'account-url', accountUrl, managedIdentityClientId: clientId };
  }
  problem('STORAGE_CONNECTION_STRING', 'required: set STORAGE_CONNECTION_STRING (or STORAGE_ACCOUNT_URL with a managed identity)');
  return undefined;
}

function readTenants(value: string | undefined, bot: BotCredentials, report: Report): TenantPolicy {
  if (value === undefined) {
    return bot.mode === 'local' ? { kind: 'any' } : { kind: 'list', tenantIds: new Set([bot.tenantId.toLowerCase()]) };
  }
  const ids = readGuidList(value, 'tenant id', report);
  return { kind: 'list', tenantIds: new Set(ids.map((id) => id.toLowerCase())) };
}

function lowerSet(ids: readonly string[]): ReadonlySet<string> {
  return new Set(ids.map((id) => id.toLowerCase()));
}

function readGuidList(value: string | undefined, what: string, report: Report): string[] {
  if (value === undefined) return [];
  const items = splitList(value);
  const bad = items.filter((item) => !isGuid(item));
  if (bad.length > 0) report(`expected a comma-separated list of ${what}s (GUIDs); not a GUID: ${bad.map((b) => `"${b}"`).join(', ')}`);
  return items.filter(isGuid);
}
