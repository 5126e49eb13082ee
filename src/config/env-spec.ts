/**
 * Every environment variable the product reads, in one list.
 *
 * The configuration loader reads only names listed here. Tests keep the list in step with
 * `.env.example` and the Bicep app settings (test/unit/infra/config-consistency.test.ts) and with the
 * README's configuration table, which `npm run docs:config` writes from it (env-table.ts). Add a
 * variable here first.
 */
import { KNOWLEDGE_ENV } from './env-spec-knowledge';
import { GOVERNANCE_ENV_SPEC } from './env-spec-governance';
import { RECOGNITION_ENV } from './env-spec-recognition';
import { SLA_ENV } from './env-spec-sla';
import type { EnvVariableSpec } from './env-variable-spec';

export type { EnvVariableSpec };

export const ENV_SPEC = [
  // The process
  {
    name: 'NODE_ENV',
    optional: true,
    default: '`development`',
    description: '`production`, `development` or `test`; `production` refuses to start without complete bot credentials',
  },
  { name: 'PORT', optional: true, default: '`3978`', description: 'HTTP port (1-65535)' },
  {
    name: 'BIND_ADDRESS',
    optional: true,
    default: '`127.0.0.1` locally, `0.0.0.0` with credentials',
    description: 'address to listen on; local mode accepts loopback addresses only',
  },
  // The bot registration
  {
    name: 'BOT_ID',
    optional: false,
    default: 'empty = local mode',
    description: 'Microsoft App ID of the bot (GUID); empty turns Bot Framework authentication **off** (local mode, loopback only)',
  },
  { name: 'BOT_TYPE', optional: false, description: '`UserAssignedMSI` or `SingleTenant` (any case)' },
  { name: 'BOT_TENANT_ID', optional: false, description: 'Entra tenant id (GUID) of the bot registration' },
  { name: 'BOT_PASSWORD', optional: true, description: 'client secret of the bot, `SingleTenant` only' },
  // The Microsoft 365 Agents Toolkit's and the Teams SDK's names for the same three settings: one of each pair.
  {
    name: 'CLIENT_ID',
    optional: true,
    description:
      "the Agents Toolkit's and the Teams SDK's name for `BOT_ID`: set it under either name; both set to different values is a configuration error that names both",
  },
  { name: 'CLIENT_SECRET', optional: true, description: 'the same for `BOT_PASSWORD`' },
  { name: 'TENANT_ID', optional: true, description: 'the same for `BOT_TENANT_ID`' },
  // Storage
  {
    name: 'STORAGE_CONNECTION_STRING',
    optional: true,
    description: 'Azure Storage connection string (Azurite locally); set this or `STORAGE_ACCOUNT_URL`',
  },
  {
    name: 'STORAGE_ACCOUNT_URL',
    optional: true,
    description:
      'table endpoint, e.g. `https://ACCOUNT.table.core.windows.net`, used with a managed identity (`DefaultAzureCredential`); set this or the connection string',
  },
  {
    name: 'AZURE_CLIENT_ID',
    optional: true,
    description: 'client id of the user-assigned managed identity `DefaultAzureCredential` uses for storage',
  },
  { name: 'TABLE_PREFIX', optional: true, default: 'none', description: 'prefix for table names, letters and digits only' },
  {
    name: 'STORAGE_TIMEOUT_MS',
    optional: true,
    default: '`3000`',
    description:
      'time budget of one storage call during a turn, retries included, in ms (100-60000); past it the user is told storage is unavailable',
  },
  {
    name: 'STORAGE_BACKGROUND_TIMEOUT_MS',
    optional: true,
    default: '`10000`',
    description: 'the same for the outbox worker, its timers and the SLA scheduler (100-120000)',
  },
  // Who may use the bot
  {
    name: 'ALLOWED_TENANTS',
    optional: true,
    default: '`BOT_TENANT_ID` (any tenant in local mode)',
    description: 'comma-separated Entra tenant ids; activities from other tenants are dropped',
  },
  { name: 'ADMIN_IDS', optional: true, default: 'none', description: 'comma-separated Entra object ids of bot admins' },
  {
    name: 'ESCALATION_GROUP_IDS',
    optional: true,
    default: 'none',
    description:
      'comma-separated Entra object ids of the designated escalation group (keep it smaller than the help desk): only they record partner (type 5) and Microsoft (type 6) cases on a ticket; empty = nobody may',
  },
  {
    name: 'IT_ADMIN_IDS',
    optional: true,
    default: 'none',
    description:
      'comma-separated Entra object ids of the IT admins who confirm (file) a Sev A or B case with Microsoft that a designated member asked for',
  },
  {
    name: 'REPORT_READER_IDS',
    optional: true,
    default: 'none',
    description: 'comma-separated Entra object ids of the help desk lead(s) who may read `report` (admins always may)',
  },
  ...KNOWLEDGE_ENV,
  // Logs and telemetry
  {
    name: 'LOG_LEVEL',
    optional: true,
    default: '`info`',
    description:
      '`fatal`, `error`, `warn`, `info`, `debug`, `trace` or `silent`; logs are JSON lines with ids and durations, never message text',
  },
  {
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING',
    optional: true,
    description: 'when set, OpenTelemetry traces, metrics and logs go to Application Insights (`@azure/monitor-opentelemetry`)',
  },
  // Notifications and the outbox
  {
    name: 'OUTBOX_TENANT_RATE',
    optional: true,
    default: '`45`',
    description:
      "Bot Connector calls per second per tenant, summed over every instance (1-50; Teams allows 50, see [Teams' limits](#teams-limits) and [one tenant budget](#several-instances-one-tenant-budget))",
  },
  {
    name: 'MAKER_ACK_MINUTES',
    optional: true,
    default: '`240`',
    description: 'minutes the maker has to press "I\'m on it" before the request goes to the co-owners (or the help desk) (1-10080)',
  },
  {
    name: 'CO_OWNER_CLAIM_MINUTES',
    optional: true,
    default: '`480`',
    description: 'minutes the co-owners have to claim a request before it goes to the help desk (1-10080)',
  },
  {
    name: 'OUTBOX_STUCK_MINUTES',
    optional: true,
    default: '`15`',
    description: 'a delivery pending longer than this is reported as stuck (1-10080)',
  },
  {
    name: 'TEAMS_SERVICE_URL',
    optional: true,
    default: 'learnt from incoming activities',
    description: 'Bot Connector service URL for proactive messages before anyone has written to the bot',
  },
  // Requests, tickets and SLAs
  {
    name: 'MAX_REQUESTS_PER_HOUR',
    optional: true,
    default: '`20`',
    description: 'requests one person may submit in any hour (1-200); beyond it Submit says when they can submit again and keeps the draft',
  },
  ...SLA_ENV, // SLA calendars, targets, breach policy, per-queue hours, on call
  { name: 'TICKET_REOPEN_DAYS', optional: true, default: '`7`', description: 'days a requester may reopen a resolved ticket (1-90)' },
  {
    name: 'SLA_CHECK_SECONDS',
    optional: true,
    default: '`30`',
    description: 'how often the SLA scheduler looks for due warnings and breaches (5-3600)',
  },
  {
    name: 'GRAPH_BASE_URL',
    optional: true,
    default: 'Microsoft Graph v1.0 with credentials; none in local mode',
    description:
      'Microsoft Graph endpoint for finding the Entra object ids of people the catalog names by email or UPN (local mode accepts a loopback stand-in only)',
  },
  {
    name: 'CATALOG_SYNC_SOURCE',
    optional: true,
    default: 'none',
    description:
      'where the catalog refreshes from on a schedule: `blob:CONTAINER/PATH.csv|.json` (a CoE export in the storage account) or `dataverse:https://ORG.crm.dynamics.com/api/data/v9.2/admin_apps?…` (the Web API)',
  },
  { name: 'CATALOG_SYNC_MINUTES', optional: true, default: '`360`', description: 'minutes between two catalog syncs (5-10080)' },
  {
    name: 'CATALOG_SYNC_BLOB_URL',
    optional: true,
    default: 'derived from the table endpoint or the connection string',
    description: 'blob endpoint for a `blob:` sync source with STORAGE_ACCOUNT_URL, e.g. `https://ACCOUNT.blob.core.windows.net`',
  },
  ...GOVERNANCE_ENV_SPEC,
  ...RECOGNITION_ENV, // the makers' monthly thank-you cards
] as const satisfies readonly EnvVariableSpec[];

export type EnvVariableName = (typeof ENV_SPEC)[number]['name'];
