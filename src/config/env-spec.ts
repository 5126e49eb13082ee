/**
 * Every environment variable the product reads, in one list.
 *
 * The configuration loader reads only names listed here, `.env.example` documents each of them and
 * a test keeps the two (and the Bicep app settings) in step. Add a variable here first.
 */
export interface EnvVariableSpec {
  readonly name: string;
  /** When false, production (and the Bicep app settings) must provide it. */
  readonly optional: boolean;
  /** What is expected, as shown in error messages and `.env.example`. */
  readonly description: string;
}

export const ENV_SPEC = [
  { name: 'NODE_ENV', optional: true, description: '`production`, `development` or `test` (default `development`)' },
  { name: 'PORT', optional: true, description: 'TCP port of the HTTP server, an integer 1-65535 (default 3978)' },
  {
    name: 'BIND_ADDRESS',
    optional: true,
    description: 'address to listen on; local mode accepts loopback only (default 127.0.0.1 locally, 0.0.0.0 with credentials)',
  },
  { name: 'BOT_ID', optional: false, description: 'Microsoft App ID of the bot (a GUID); empty means local mode without authentication' },
  { name: 'BOT_PASSWORD', optional: true, description: 'client secret of the bot, required when BOT_TYPE is SingleTenant' },
  { name: 'BOT_TYPE', optional: false, description: '`UserAssignedMSI` or `SingleTenant`' },
  { name: 'BOT_TENANT_ID', optional: false, description: 'Entra tenant id (a GUID) of the bot registration' },
  // The Microsoft 365 Agents Toolkit's and the Teams SDK's names for the same three settings: one of each pair.
  { name: 'CLIENT_ID', optional: true, description: 'the Agents Toolkit\'s name for BOT_ID; set one of the two (if both, they must agree)' },
  { name: 'CLIENT_SECRET', optional: true, description: 'the Agents Toolkit\'s name for BOT_PASSWORD; set one of the two (if both, they must agree)' },
  { name: 'TENANT_ID', optional: true, description: 'the Agents Toolkit\'s name for BOT_TENANT_ID; set one of the two (if both, they must agree)' },
  {
    name: 'STORAGE_CONNECTION_STRING',
    optional: true,
    description: 'Azure Storage connection string (Azurite locally); set this or STORAGE_ACCOUNT_URL',
  },
  {
    name: 'STORAGE_ACCOUNT_URL',
    optional: true,
    description: 'Table endpoint, e.g. https://ACCOUNT.table.core.windows.net, used with managed identity (DefaultAzureCredential)',
  },
  { name: 'TABLE_PREFIX', optional: true, description: 'prefix for table names, letters and digits only (default none)' },
  {
    name: 'STORAGE_TIMEOUT_MS',
    optional: true,
    description: 'time budget of one storage call during a turn, retries included, in ms, 100-60000 (default 3000); past it the user is told storage is unavailable',
  },
  {
    name: 'STORAGE_BACKGROUND_TIMEOUT_MS',
    optional: true,
    description: 'time budget of one storage call of the outbox worker and the schedulers, retries included, in ms, 100-120000 (default 10000)',
  },
  {
    name: 'ALLOWED_TENANTS',
    optional: true,
    description: 'comma-separated Entra tenant ids whose activities are served (default: BOT_TENANT_ID; any tenant in local mode)',
  },
  { name: 'ADMIN_IDS', optional: true, description: 'comma-separated Entra object ids of bot admins' },
  { name: 'LOG_LEVEL', optional: true, description: '`fatal`, `error`, `warn`, `info`, `debug`, `trace` or `silent` (default `info`)' },
  {
    name: 'AZURE_CLIENT_ID',
    optional: true,
    description: 'client id of the user-assigned managed identity used by DefaultAzureCredential for storage',
  },
  {
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING',
    optional: true,
    description: 'Application Insights connection string; when set, telemetry is exported there',
  },
  {
    name: 'OUTBOX_TENANT_RATE',
    optional: true,
    description: 'Bot Connector calls per second per tenant the outbox allows itself, 1-50 (default 45; Teams allows 50 per app per tenant)',
  },
  {
    name: 'MAKER_ACK_MINUTES',
    optional: true,
    description: 'minutes the maker has to press "I\'m on it" before the request goes to the co-owners or the help desk (default 240)',
  },
  {
    name: 'CO_OWNER_CLAIM_MINUTES',
    optional: true,
    description: 'minutes the co-owners have to claim a request before it goes to the help desk (default 480)',
  },
  { name: 'OUTBOX_STUCK_MINUTES', optional: true, description: 'a delivery pending longer than this is reported as stuck (default 15)' },
  {
    name: 'TEAMS_SERVICE_URL',
    optional: true,
    description: 'Bot Connector service URL for proactive messages before any activity arrived (default: learnt from incoming activities)',
  },
  {
    name: 'SLA_BUSINESS_HOURS',
    optional: true,
    description: 'working hours the business-hours SLA clocks run on, e.g. "Mon-Fri 09:00-17:00 Europe/London" (default Mon-Fri 09:00-17:00 UTC)',
  },
  { name: 'SLA_HOLIDAYS', optional: true, description: 'comma-separated dates YYYY-MM-DD with no business hours (default none)' },
  {
    name: 'SLA_TARGETS',
    optional: true,
    description: 'SLA overrides "SEV[/TIER]=FIRST/RESOLUTION[@24x7|@business-hours]" in minutes, ";"-separated, e.g. "A=30/240;B/Critical=120/960" (default: Sev A 1 h 24x7, B 4 h, C 8 h)',
  },
  {
    name: 'MAX_REQUESTS_PER_HOUR',
    optional: true,
    description: 'requests one person may submit in any hour, 1-200; more are refused until the hour has passed, the draft kept (default 20)',
  },
  { name: 'TICKET_REOPEN_DAYS', optional: true, description: 'days a requester may reopen a resolved ticket, 1-90 (default 7)' },
  { name: 'SLA_CHECK_SECONDS', optional: true, description: 'how often the SLA scheduler looks for due warnings and breaches, 5-3600 (default 30)' },
  {
    name: 'GRAPH_BASE_URL',
    optional: true,
    description:
      'Microsoft Graph endpoint for finding the Entra object ids of people the catalog names by email or UPN (default https://graph.microsoft.com/v1.0 with credentials; none in local mode unless set to a loopback stand-in)',
  },
  {
    name: 'CATALOG_SYNC_SOURCE',
    optional: true,
    description:
      'where the catalog refreshes from on a schedule: blob:CONTAINER/PATH.csv|.json (a CoE export in the storage account), dataverse:https://ORG.crm.dynamics.com/api/data/v9.2/admin_apps?… (the Web API), or empty for no sync',
  },
  { name: 'CATALOG_SYNC_MINUTES', optional: true, description: 'minutes between two catalog syncs, 5-10080 (default 360)' },
  {
    name: 'CATALOG_SYNC_BLOB_URL',
    optional: true,
    description: 'blob endpoint for a blob: sync source with STORAGE_ACCOUNT_URL, e.g. https://ACCOUNT.blob.core.windows.net (default: derived from the table endpoint or the connection string)',
  },
] as const satisfies readonly EnvVariableSpec[];

export type EnvVariableName = (typeof ENV_SPEC)[number]['name'];
