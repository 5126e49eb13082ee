import { loadConfig, Environment } from '../../src/config/load-config';
import { createLogger } from '../../src/logging/logger';
import { RunningServer } from '../../src/http/server';
import { CatalogService } from '../../src/services/catalog/catalog-service';
import { startBot, StartOptions } from '../../src/start-bot';
import type { NotificationJobs } from '../../src/start-notifications';
import { CatalogTableStore } from '../../src/storage/catalog/catalog-table-store';
import { TableService } from '../../src/storage/table-service';
import { findFreePort as freePort } from '../../scripts/lib/ports';
import { LogCapture } from './log-capture';
import { RecordingConnector } from './recording-connector';
import { testConnectionString, uniquePrefix } from './test-storage';

export interface HttpAnswer {
  readonly status: number;
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/**
 * The real bot (same composition as production) on a free port, its own tables in the shared Azurite,
 * and a recording connector at the activities' serviceUrl.
 */
export class BotHarness {
  readonly connector = new RecordingConnector();
  /** Every line the bot logged (at the LOG_LEVEL the test set; `silent` by default). */
  readonly logs = new LogCapture();
  private server?: RunningServer;
  private env: Environment = {};
  private options: StartOptions = {};
  private notificationJobs?: NotificationJobs;
  /**
   * Fault injection: while set, `post` delivers every activity twice (same id, as Teams redelivers),
   * the copy this many ms after the original, and answers with the copy's answer (what Teams shows
   * when the first answer was too late). Both answers are kept in `redeliveries`.
   */
  redeliverAfterMs?: () => number;
  readonly redeliveries: { readonly first: HttpAnswer; readonly second: HttpAnswer }[] = [];

  static async start(env: Environment = {}, options: StartOptions = {}): Promise<BotHarness> {
    const harness = new BotHarness();
    // The outbox worker and timers run only when a test drives them (`jobs`), so tests stay deterministic.
    const notifications = options.notifications ?? {};
    harness.options = {
      ...options,
      // The monthly thank-you job too: a test that wants it drives it through recognition.onJob.
      recognition: { background: 'manual', ...options.recognition },
      notifications: {
        background: 'manual',
        ...notifications,
        onJobs: (jobs) => {
          harness.notificationJobs = jobs;
          notifications.onJobs?.(jobs);
        },
      },
    };
    await harness.connector.start();
    harness.env = { STORAGE_CONNECTION_STRING: testConnectionString(), TABLE_PREFIX: uniquePrefix(), LOG_LEVEL: 'silent', ...env };
    await harness.boot();
    return harness;
  }

  /** The outbox worker and the request timers of the running bot (manual unless the test asked otherwise). */
  get jobs(): NotificationJobs {
    if (!this.notificationJobs) throw new Error('bot not started');
    return this.notificationJobs;
  }

  /** The bot's own tables, to inspect what it stored. */
  tables(): TableService {
    return new TableService({ kind: 'connection-string', connectionString: testConnectionString() }, this.env.TABLE_PREFIX ?? '');
  }

  /** The catalog service over the bot's tables: seed solutions the way an import would. */
  catalog(): CatalogService {
    return new CatalogService(CatalogTableStore.on(this.tables()));
  }

  get url(): string {
    if (!this.server) throw new Error('bot not started');
    return this.server.url;
  }

  get serviceUrl(): string {
    return this.connector.url;
  }

  /** Stops and starts the bot process state (same tables): proves nothing lives in memory. */
  async restart(): Promise<void> {
    await this.server?.close();
    await this.boot();
  }

  async post(activity: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer> {
    const body = JSON.stringify(activity);
    if (!this.redeliverAfterMs) return this.request('POST', '/api/messages', body, headers);
    const first = this.request('POST', '/api/messages', body, headers);
    await new Promise((resolve) => setTimeout(resolve, this.redeliverAfterMs?.() ?? 0));
    const second = this.request('POST', '/api/messages', body, headers);
    const answers = { first: await first, second: await second };
    this.redeliveries.push(answers);
    return answers.second;
  }

  async request(method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<HttpAnswer> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      body,
      headers: { 'content-type': 'application/json', ...headers },
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: response.status, body: parsed };
  }

  async stop(): Promise<void> {
    await this.server?.close();
    await this.connector.stop();
  }

  private async boot(): Promise<void> {
    const config = loadConfig({ ...this.env, PORT: String(await freePort()) });
    this.server = await startBot(config, createLogger(config.logLevel, this.logs), this.options);
  }
}
