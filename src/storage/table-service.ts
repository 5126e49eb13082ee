import type { StorageConfig } from '../config/app-config';
import { TableClient, TableServiceClient, TableServiceClientOptions } from '@azure/data-tables';
import { DefaultAzureCredential } from '@azure/identity';
import { DEFAULT_STORAGE_TIMEOUT_MS, deadlinePolicy } from './deadline-policy';
import { StorageUnavailableError } from '../domain/ports/storage-errors';
import { describe, unavailable } from './table-calls';
import { TABLE_NAMES, TableKey } from './table-names';

/** How to reach the account: the same two ways the configuration offers. */
export type TableAccount = StorageConfig;

export interface TableServiceOptions {
  /** The time budget of one storage call, retries included (deadline-policy.ts). Default 3 s. */
  readonly timeoutMs?: number;
}

/**
 * One place that knows how to open table clients. The SDK's pipeline retries 429 / 5xx and
 * connection errors with exponential backoff (200 ms, 400 ms, 800 ms, then 1 s: four retries fit in
 * the default budget); the deadline policy bounds each call, retries included.
 */
export class TableService {
  private readonly clients = new Map<TableKey, TableClient>();
  private readonly options: TableServiceClientOptions;
  readonly timeoutMs: number;

  constructor(
    private readonly account: TableAccount,
    private readonly prefix = '',
    options: TableServiceOptions = {},
  ) {
    const url = account.kind === 'account-url' ? account.accountUrl : '';
    this.timeoutMs = options.timeoutMs ?? DEFAULT_STORAGE_TIMEOUT_MS;
    this.options = {
      // Azurite speaks plain HTTP on loopback; Azure is always HTTPS.
      allowInsecureConnection: account.kind === 'connection-string' || url.startsWith('http://'),
      retryOptions: { maxRetries: 4, retryDelayInMs: 200, maxRetryDelayInMs: 1000 },
      additionalPolicies: [deadlinePolicy(this.timeoutMs)],
    };
  }

  /** The same account and tables with another time budget (background jobs wait longer than turns). */
  withTimeout(timeoutMs: number): TableService {
    return new TableService(this.account, this.prefix, { timeoutMs });
  }

  tableName(key: TableKey): string {
    return `${this.prefix}${TABLE_NAMES[key]}`;
  }

  client(key: TableKey): TableClient {
    let client = this.clients.get(key);
    if (client === undefined) {
      const name = this.tableName(key);
      client =
        this.account.kind === 'connection-string'
          ? TableClient.fromConnectionString(this.account.connectionString, name, this.options)
          : new TableClient(this.account.accountUrl, name, this.credential(), this.options);
      this.clients.set(key, client);
    }
    return client;
  }

  /** Creates every table that does not exist yet (the SDK ignores "already exists"). */
  async ensureTables(): Promise<void> {
    try {
      await Promise.all((Object.keys(TABLE_NAMES) as TableKey[]).map((key) => this.client(key).createTable()));
    } catch (error) {
      throw unavailable('could not create tables', error);
    }
  }

  /** Readiness: one cheap point query against the state table. Throws StorageUnavailableError. */
  async ping(): Promise<void> {
    try {
      const page = this.client('botState')
        .listEntities({ queryOptions: { select: ['PartitionKey'] } })
        .byPage({ maxPageSize: 1 });
      await page.next();
    } catch (error) {
      throw new StorageUnavailableError(describe(error), error);
    }
  }

  /** Only for admin tooling and tests: the raw service client. */
  serviceClient(): TableServiceClient {
    return this.account.kind === 'connection-string'
      ? TableServiceClient.fromConnectionString(this.account.connectionString, this.options)
      : new TableServiceClient(this.account.accountUrl, this.credential(), this.options);
  }

  private credential(): DefaultAzureCredential {
    const clientId = this.account.kind === 'account-url' ? this.account.managedIdentityClientId : undefined;
    return new DefaultAzureCredential(clientId ? { managedIdentityClientId: clientId } : {});
  }
}
