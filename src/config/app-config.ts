import type { GovernanceConfig } from './governance-config';
import type { TicketConfig } from './ticket-config';
/** The validated, typed configuration the process runs with. Built only by `loadConfig`. */

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const NODE_ENVS = ['production', 'development', 'test'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

export const BOT_TYPES = ['UserAssignedMSI', 'SingleTenant'] as const;
export type BotType = (typeof BOT_TYPES)[number];

/** Local mode: no Bot Framework authentication, loopback only. Authenticated: a real bot registration. */
export type BotCredentials =
  | { readonly mode: 'local' }
  | {
      readonly mode: 'authenticated';
      readonly appId: string;
      readonly appType: BotType;
      readonly tenantId: string;
      /** Client secret; only for SingleTenant. */
      readonly password?: string;
    };

export type StorageConfig =
  | { readonly kind: 'connection-string'; readonly connectionString: string }
  | { readonly kind: 'account-url'; readonly accountUrl: string; readonly managedIdentityClientId?: string };

export interface StorageTimeouts {
  /** During a turn: well inside the few seconds Teams gives an invoke. */
  readonly turnMs: number;
  /** The outbox worker and the schedulers: nobody waits on them, and giving up costs a retry or a duplicate. */
  readonly backgroundMs: number;
}

/** `any` only in local mode without ALLOWED_TENANTS; production always has a list. */
export type TenantPolicy = { readonly kind: 'any' } | { readonly kind: 'list'; readonly tenantIds: ReadonlySet<string> };

export interface AppConfig {
  readonly nodeEnv: NodeEnv;
  readonly port: number;
  readonly bindAddress: string;
  readonly bot: BotCredentials;
  readonly storage: StorageConfig;
  /** How long one storage call may take, retries included, before it counts as storage being unavailable. */
  readonly storageTimeouts: StorageTimeouts;
  readonly tablePrefix: string;
  readonly tenants: TenantPolicy;
  readonly adminIds: ReadonlySet<string>;
  /** Who records partner and Microsoft cases (the designated escalation group) and who confirms Sev A / B Microsoft cases (IT admins); lowercase ids. */
  readonly externalCases: ExternalCaseAccess;
  /** Who may read reports besides the admins (REPORT_READER_IDS). */
  readonly reportReaderIds?: ReadonlySet<string>;
  readonly logLevel: LogLevel;
  readonly appInsightsConnectionString?: string;
  /** Notifications: the outbox's pace and the timers that move unanswered requests on. */
  readonly notifications: NotificationConfig;
  /** Help desk tickets: SLA targets and calendar, reopen window, scheduler pace. */
  readonly tickets: TicketConfig;
  /** The questionnaire: how much one person may submit. */
  readonly intake: IntakeConfig;
  /** Microsoft Graph for people named by email or UPN; undefined: no look-ups (they stay unreachable). */
  readonly graph?: { readonly baseUrl: string };
  /** The scheduled catalog sync; undefined: none. */
  readonly catalogSync?: CatalogSyncConfig;
  /** The under-supported solutions job's thresholds (governance-config.ts; defaults when absent). */
  readonly governance?: GovernanceConfig;
}

export type CatalogSyncSource =
  | { readonly kind: 'blob'; readonly container: string; readonly path: string; readonly blobUrl?: string }
  | { readonly kind: 'dataverse'; readonly url: string };

export interface CatalogSyncConfig {
  readonly source: CatalogSyncSource;
  readonly intervalMs: number;
}

export interface IntakeConfig {
  /** Requests one person may submit in any hour (a script flooding Submit is refused beyond it). */
  readonly maxRequestsPerHour: number;
}

export interface NotificationConfig {
  /** Calls per second to the Bot Connector per tenant (Teams allows 50 per app per tenant). */
  readonly tenantRatePerSecond: number;
  /** No "I'm on it" from the maker within this → co-owners or the help desk. */
  readonly makerAckMinutes: number;
  /** No claim from a co-owner within this → the help desk. */
  readonly coOwnerClaimMinutes: number;
  /** A delivery still pending after this is listed as stuck (admin view, readiness). */
  readonly outboxStuckMinutes: number;
  /** Where to reach Teams before any activity told us (proactive DMs right after deployment). */
  readonly teamsServiceUrl?: string;
}

export interface ExternalCaseAccess {
  readonly escalationGroupIds: ReadonlySet<string>;
  readonly itAdminIds: ReadonlySet<string>;
}
