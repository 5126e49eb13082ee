/**
 * The CoE inventory straight from the Dataverse Web API, with the app's identity (an application user
 * in the CoE environment with read access to the inventory tables). Asks for formatted values
 * (`Prefer: odata.include-annotations="*"`), follows `@odata.nextLink` (bounded), retries 429 after
 * Retry-After and 5xx with backoff, and hands the rows on as one `{ "value": [...] }` answer, which
 * the catalog reads like an exported file.
 */
import { CatalogSourceError, type CatalogSource, type CatalogSourceFile } from '../../domain/ports/catalog-source';
import type { TokenSource } from '../directory/graph-people-directory';

export interface DataverseSourceOptions {
  /** e.g. https://contoso.crm.dynamics.com/api/data/v9.2/admin_apps?$select=…&$expand=admin_AppOwner(…) */
  readonly url: string;
  readonly tokens?: TokenSource;
  readonly maxPages?: number;
  readonly attempts?: number;
  /** Budget of the whole read (default 5 minutes). */
  readonly timeoutMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

const PAGE_SIZE = 5000;

export class DataverseCatalogSource implements CatalogSource {
  readonly description: string;

  constructor(private readonly options: DataverseSourceOptions) {
    this.description = `Dataverse ${new URL(options.url).pathname.split('/').pop() ?? ''} at ${new URL(options.url).host}`;
  }

  /** `https://org.crm.dynamics.com/.default`: the scope of a Dataverse environment. */
  static scopeOf(url: string): string {
    return `${new URL(url).origin}/.default`;
  }

  async read(): Promise<CatalogSourceFile> {
    const deadline = Date.now() + (this.options.timeoutMs ?? 300_000);
    const rows: unknown[] = [];
    let next: string | undefined = this.options.url;
    for (let page = 0; next; page++) {
      if (page >= (this.options.maxPages ?? 100))
        throw new CatalogSourceError(`${this.description}: more than ${this.options.maxPages ?? 100} pages; narrow the query`);
      const body = await this.page(next, deadline);
      rows.push(...body.value);
      // Only links to the same environment are followed.
      next =
        typeof body['@odata.nextLink'] === 'string' && new URL(body['@odata.nextLink']).origin === new URL(this.options.url).origin
          ? body['@odata.nextLink']
          : undefined;
    }
    return { name: this.options.url, format: 'json', text: JSON.stringify({ value: rows }, null, 1) };
  }

  private async page(url: string, deadline: number): Promise<{ value: unknown[]; '@odata.nextLink'?: unknown }> {
    const attempts = this.options.attempts ?? 5;
    let last = '';
    for (let attempt = 1; attempt <= attempts; attempt++) {
      let response: Response;
      try {
        response = await fetch(url, {
          headers: {
            accept: 'application/json',
            'odata-version': '4.0',
            'odata-maxversion': '4.0',
            prefer: `odata.include-annotations="*",odata.maxpagesize=${PAGE_SIZE}`,
            ...(this.options.tokens ? { authorization: `Bearer ${await this.options.tokens.token()}` } : {}),
          },
          signal: AbortSignal.timeout(Math.max(1, deadline - Date.now())),
        });
      } catch (error) {
        last = (error as Error).message;
        if (Date.now() >= deadline) break;
        await this.wait(500 * 2 ** (attempt - 1), deadline);
        continue;
      }
      if (response.status === 200) {
        const body = (await response.json().catch(() => undefined)) as { value?: unknown } | undefined;
        if (!body || !Array.isArray(body.value)) throw new CatalogSourceError(`${this.description}: the answer has no "value" array`);
        return body as { value: unknown[] };
      }
      await response.body?.cancel();
      last = `HTTP ${response.status}`;
      if (response.status !== 429 && response.status < 500) {
        const hint =
          response.status === 401 || response.status === 403
            ? ': add the app as an application user of the CoE environment with read access to the inventory'
            : '';
        throw new CatalogSourceError(`${this.description} answered HTTP ${response.status}${hint}`);
      }
      const retryAfter = Number(response.headers.get('retry-after'));
      const waitMs = Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter * 1000 : 500 * 2 ** (attempt - 1);
      if (Date.now() + waitMs >= deadline) break;
      await this.wait(waitMs, deadline);
    }
    throw new CatalogSourceError(`${this.description} did not answer (${last})`);
  }

  private async wait(ms: number, deadline: number): Promise<void> {
    const bounded = Math.max(0, Math.min(ms, deadline - Date.now()));
    await (this.options.sleep ?? ((t) => new Promise((r) => setTimeout(r, t).unref())))(bounded);
  }
}
