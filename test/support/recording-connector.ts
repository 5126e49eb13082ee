import http from 'node:http';
import { AddressInfo } from 'node:net';

/** One call the bot made to the Bot Connector. */
export interface ConnectorCall {
  readonly method: string;
  readonly path: string;
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  readonly at: number;
  /** The request's headers (e.g. the bot's Authorization). */
  readonly headers?: http.IncomingHttpHeaders;
}

/** Lets a test decide the connector's answer for a call (fault injection); undefined = normal answer. */
export type Responder = (call: ConnectorCall) =>
  | {
      status: number;
      body?: unknown;
      headers?: Record<string, string>;
      /** Answer this late (slow or hung service); Infinity: never answer. */ delayMs?: number;
    }
  | undefined;

/**
 * A local stand-in for the Bot Connector service: the bot posts its replies to the activity's
 * `serviceUrl`, which tests point here. Records every call and answers like the real service.
 */
export class RecordingConnector {
  readonly calls: ConnectorCall[] = [];
  private server?: http.Server;
  private nextId = 1;
  private responder?: Responder;
  private waiters: Array<() => void> = [];

  get url(): string {
    return this.urlAt('127.0.0.1');
  }

  /** Its URL at another address of this machine (when started on all interfaces). */
  urlAt(address: string): string {
    const bound = this.server?.address() as AddressInfo | undefined;
    if (!bound) throw new Error('connector not started');
    return `http://${address.includes(':') ? `[${address}]` : address}:${bound.port}/`;
  }

  /** Listens on loopback, or on `host` (e.g. 0.0.0.0: every interface, to be reached at a non-loopback address). */
  async start(host = '127.0.0.1'): Promise<this> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, host, resolve));
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      if (!this.server) return resolve();
      this.server.close(() => resolve());
      this.server.closeAllConnections(); // calls it never answered hold their connections open
    });
  }

  respondWith(responder: Responder | undefined): void {
    this.responder = responder;
  }

  reset(): void {
    this.calls.length = 0;
  }

  /** Activities the bot sent (new messages and replies), in order. */
  get sentActivities(): any[] {
    return this.calls.filter((c) => c.method === 'POST' && /\/v3\/conversations\/[^/]+\/activities/.test(c.path)).map((c) => c.body);
  }

  /** Waits until `predicate` holds over the recorded calls (bot sends can trail the HTTP answer). */
  async waitFor(predicate: (calls: readonly ConnectorCall[]) => boolean, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.calls)) {
      if (Date.now() > deadline)
        throw new Error(
          `connector: condition not met in ${timeoutMs} ms; calls: ${this.calls.map((c) => `${c.method} ${c.path}`).join(', ')}`,
        );
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const call: ConnectorCall = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        body: raw ? JSON.parse(raw) : undefined,
        at: Date.now(),
        headers: req.headers,
      };
      const custom = this.responder?.(call);
      if (custom === undefined || custom.status < 300) this.calls.push(call);
      const answer = custom ?? this.defaultAnswer(call);
      const respond = () => {
        if (res.destroyed) return;
        res.writeHead(answer.status, { 'content-type': 'application/json', ...(answer.headers ?? {}) });
        res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
        this.waiters.splice(0).forEach((wake) => wake());
      };
      if (custom?.delayMs === Infinity) return; // never answered (it is recorded: it may have landed)
      if (custom?.delayMs) setTimeout(respond, custom.delayMs).unref();
      else respond();
    });
  }

  private defaultAnswer(call: ConnectorCall): { status: number; body?: unknown; headers?: Record<string, string> } {
    if (call.method === 'POST' && call.path.endsWith('/v3/conversations')) {
      return { status: 201, body: { id: `conv-${this.nextId++}`, activityId: `act-${this.nextId++}` } };
    }
    if (call.method === 'POST' || call.method === 'PUT') return { status: 200, body: { id: `act-${this.nextId++}` } };
    return { status: 200, body: {} };
  }
}
