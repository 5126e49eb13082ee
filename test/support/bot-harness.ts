import { loadConfig, Environment } from '../../src/config/load-config';
import { createLogger } from '../../src/logging/logger';
import { RunningServer } from '../../src/http/server';
import { startBot, StartOptions } from '../../src/start-bot';
import { TableService } from '../../src/storage/table-service';
import { findFreePort as freePort } from '../../scripts/lib/ports';
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
  private server?: RunningServer;
  private env: Environment = {};
  private options: StartOptions = {};

  static async start(env: Environment = {}, options: StartOptions = {}): Promise<BotHarness> {
    const harness = new BotHarness();
    harness.options = options;
    await harness.connector.start();
    harness.env = { STORAGE_CONNECTION_STRING: testConnectionString(), TABLE_PREFIX: uniquePrefix(), LOG_LEVEL: 'silent', ...env };
    await harness.boot();
    return harness;
  }

  /** The bot's own tables, to inspect what it stored. */
  tables(): TableService {
    return new TableService({ kind: 'connection-string', connectionString: testConnectionString() }, this.env.TABLE_PREFIX ?? '');
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

  async post(activity: unknown): Promise<HttpAnswer> {
    return this.request('POST', '/api/messages', JSON.stringify(activity));
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
    this.server = await startBot(config, createLogger(config.logLevel), this.options);
  }
}
