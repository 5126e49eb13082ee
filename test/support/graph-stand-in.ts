/**
 * A local stand-in for Microsoft Graph's user look-ups, the way openid-issuer.ts stands in for the
 * Bot Framework's OpenID issuer: `GET /v1.0/users/{id-or-upn}`, `GET /v1.0/users?$filter=mail eq '…'`
 * and `POST /v1.0/$batch` (at most 20 requests, each answered like the single call), on a loopback
 * port. Tests make it throttle or fail, and count what it was asked. The local run
 * (scripts/lib/graph.ts) serves the demo organisation with it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandInUser {
  readonly id: string;
  readonly displayName: string;
  readonly userPrincipalName: string;
  readonly mail?: string;
  readonly accountEnabled?: boolean;
  readonly preferredLanguage?: string;
}

interface Answer {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
}

export class GraphStandIn {
  private server?: http.Server;
  private readonly users: StandInUser[];
  /** Whole HTTP requests to fail before answering normally: status and Retry-After (seconds). */
  private readonly failures: { status: number; retryAfter?: number }[] = [];
  /** Keys (lower case) whose next N sub-requests answer 429. */
  private readonly throttled = new Map<string, number>();
  /** Every HTTP request, and every user look-up (single or in a batch), in order. */
  readonly requests: { method: string; path: string; authorization?: string }[] = [];
  readonly lookups: string[] = [];
  readonly batchSizes: number[] = [];

  constructor(
    users: readonly StandInUser[],
    private readonly options: { requireToken?: string; host?: string } = {},
  ) {
    this.users = [...users];
  }

  get baseUrl(): string {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('the Graph stand-in is not started');
    return `http://${this.options.host ?? '127.0.0.1'}:${address.port}/v1.0`;
  }

  async start(port = 0): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, this.options.host ?? '127.0.0.1', resolve);
    });
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  add(user: StandInUser): void {
    this.users.push(user);
  }

  /** The next `count` HTTP requests get `status` (with Retry-After when given). */
  failNext(count: number, status: number, retryAfter?: number): void {
    for (let i = 0; i < count; i++) this.failures.push({ status, ...(retryAfter !== undefined ? { retryAfter } : {}) });
  }

  /** The next `count` look-ups of `key` inside a batch answer 429 with Retry-After 0. */
  throttle(key: string, count = 1): void {
    this.throttled.set(key.toLowerCase(), count);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://stand-in');
    this.requests.push({
      method: req.method ?? '',
      path: url.pathname,
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
    });
    const send = (answer: Answer): void => {
      res.writeHead(answer.status, { 'content-type': 'application/json', ...(answer.headers ?? {}) });
      res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
    };
    if (this.options.requireToken && req.headers.authorization !== `Bearer ${this.options.requireToken}`) {
      return send({ status: 401, body: { error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty or invalid.' } } });
    }
    const failure = this.failures.shift();
    if (failure)
      return send({
        status: failure.status,
        headers: failure.retryAfter !== undefined ? { 'retry-after': String(failure.retryAfter) } : {},
        body: { error: { code: 'TooManyRequests' } },
      });
    if (req.method === 'POST' && url.pathname === '/v1.0/$batch') return send(this.batch(Buffer.concat(chunks).toString('utf8')));
    if (req.method === 'GET') return send(this.get(url));
    send({ status: 405, body: { error: { code: 'Request_BadRequest' } } });
  }

  private batch(text: string): Answer {
    let requests: { id: string; method: string; url: string }[];
    try {
      requests = (JSON.parse(text) as { requests: { id: string; method: string; url: string }[] }).requests;
    } catch {
      return { status: 400, body: { error: { code: 'BadRequest', message: 'Invalid batch payload format.' } } };
    }
    if (!Array.isArray(requests) || requests.length > 20)
      return { status: 400, body: { error: { code: 'BadRequest', message: 'Too many requests in the batch (limit 20).' } } };
    this.batchSizes.push(requests.length);
    const responses = requests.map((r) => {
      const url = new URL(r.url, 'http://stand-in/v1.0/');
      const key = keyOf(url);
      const left = key === undefined ? 0 : (this.throttled.get(key) ?? 0);
      if (key !== undefined && left > 0) {
        this.throttled.set(key, left - 1);
        return { id: r.id, status: 429, headers: { 'Retry-After': '0' }, body: { error: { code: 'TooManyRequests' } } };
      }
      return { id: r.id, ...this.get(new URL(`/v1.0${url.pathname.replace(/^\/v1\.0/, '')}${url.search}`, 'http://stand-in')) };
    });
    return { status: 200, body: { responses } };
  }

  private get(url: URL): Answer {
    const single = /^\/v1\.0\/users\/([^/]+)$/.exec(url.pathname);
    if (single) {
      const key = decodeURIComponent(single[1]!).toLowerCase();
      this.lookups.push(key);
      const user = this.users.find((u) => u.id.toLowerCase() === key || u.userPrincipalName.toLowerCase() === key);
      return user
        ? { status: 200, body: selected(user) }
        : { status: 404, body: { error: { code: 'Request_ResourceNotFound', message: `Resource '${key}' does not exist.` } } };
    }
    if (url.pathname === '/v1.0/users') {
      const mail = /^mail eq '((?:[^']|'')*)'$/
        .exec(url.searchParams.get('$filter') ?? '')?.[1]
        ?.replace(/''/g, "'")
        .toLowerCase();
      if (mail === undefined) return { status: 400, body: { error: { code: 'Request_UnsupportedQuery' } } };
      this.lookups.push(`mail:${mail}`);
      return { status: 200, body: { value: this.users.filter((u) => u.mail?.toLowerCase() === mail).map(selected) } };
    }
    return { status: 404, body: { error: { code: 'Request_ResourceNotFound' } } };
  }
}

function keyOf(url: URL): string | undefined {
  const single = /\/users\/([^/]+)$/.exec(url.pathname);
  if (single) return decodeURIComponent(single[1]!).toLowerCase();
  return /^mail eq '((?:[^']|'')*)'$/
    .exec(url.searchParams.get('$filter') ?? '')?.[1]
    ?.replace(/''/g, "'")
    .toLowerCase();
}

function selected(user: StandInUser): Record<string, unknown> {
  return {
    '@odata.context':
      'https://graph.microsoft.com/v1.0/$metadata#users(id,displayName,userPrincipalName,mail,accountEnabled,preferredLanguage)/$entity',
    id: user.id,
    displayName: user.displayName,
    userPrincipalName: user.userPrincipalName,
    mail: user.mail ?? null,
    accountEnabled: user.accountEnabled ?? true,
    preferredLanguage: user.preferredLanguage ?? null,
  };
}
