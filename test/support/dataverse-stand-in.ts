/**
 * A local stand-in for a Dataverse environment's Web API, serving one CoE inventory table in pages
 * (`@odata.nextLink`), with the annotations the real one adds when asked for them. Tests make it
 * throttle (429 + Retry-After) and read what it was asked.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export class DataverseStandIn {
  private server?: http.Server;
  private readonly failures: { status: number; retryAfter?: number }[] = [];
  readonly requests: { url: string; prefer?: string }[] = [];

  constructor(
    private rows: readonly Record<string, unknown>[],
    private readonly options: { table?: string; pageSize?: number } = {},
  ) {}

  get url(): string {
    const address = this.server?.address() as AddressInfo;
    return `http://127.0.0.1:${address.port}/api/data/v9.2/${this.options.table ?? 'admin_apps'}`;
  }

  setRows(rows: readonly Record<string, unknown>[]): void {
    this.rows = rows;
  }

  failNext(count: number, status: number, retryAfter?: number): void {
    for (let i = 0; i < count; i++) this.failures.push({ status, ...(retryAfter !== undefined ? { retryAfter } : {}) });
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', this.url);
      const prefer = req.headers.prefer;
      this.requests.push({ url: url.pathname + url.search, ...(typeof prefer === 'string' ? { prefer } : {}) });
      const failure = this.failures.shift();
      if (failure) {
        res.writeHead(failure.status, {
          'content-type': 'application/json',
          ...(failure.retryAfter !== undefined ? { 'retry-after': String(failure.retryAfter) } : {}),
        });
        return res.end(JSON.stringify({ error: { code: '0x80072321', message: 'Number of requests exceeded the limit.' } }));
      }
      if (!url.pathname.endsWith(`/${this.options.table ?? 'admin_apps'}`)) {
        res.writeHead(404, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ error: { code: '0x8006088a', message: 'Resource not found for the segment.' } }));
      }
      const size = this.options.pageSize ?? 2;
      const skip = Number(url.searchParams.get('$skiptoken') ?? '0');
      const page = this.rows.slice(skip, skip + size);
      const annotated = /include-annotations="\*"/.test(String(prefer ?? ''));
      const body = {
        '@odata.context': `${url.origin}/api/data/v9.2/$metadata#${this.options.table ?? 'admin_apps'}`,
        value: page.map((row) => (annotated ? row : withoutAnnotations(row))),
        ...(skip + size < this.rows.length ? { '@odata.nextLink': `${this.url}?$skiptoken=${skip + size}` } : {}),
      };
      res.writeHead(200, { 'content-type': 'application/json; odata.metadata=minimal', 'odata-version': '4.0' });
      res.end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

function withoutAnnotations(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([key]) => !key.includes('@')));
}
