import { loadConfig, Environment } from '../../src/config/load-config';
import { createLogger } from '../../src/logging/logger';
import { RunningServer } from '../../src/http/server';
import { startBot } from '../../src/start-bot';
import { freePort } from './free-port';
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

  static async start(env: Environment = {}): Promise<BotHarness> {
    const harness = new BotHarness();
    await harness.connector.start();
    harness.env = { STORAGE_CONNECTION_STRING: testConnectionString(), TABLE_PREFIX: uniquePrefix(), LOG_LEVEL: 'silent', ...env };
    await harness.boot();
    return harness;
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
    this.server = await startBot(config, createLogger(config.logLevel));
  }
}
