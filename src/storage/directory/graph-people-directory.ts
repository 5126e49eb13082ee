/**
 * The people directory on Microsoft Graph, with plain `fetch` and a token from @azure/identity.
 *
 * Look-ups go in JSON batches of 20 (`POST /$batch`); a key Graph does not know as an object id or
 * UPN is tried once more by mail (`/users?$filter=mail eq '…'`), since admins often have the email
 * and not the UPN. Throttling (429, whole batch or one sub-request) waits for Retry-After, server
 * errors back off exponentially with jitter; everything is bounded by one time budget per lookup, and
 * whatever is left unanswered when it runs out is `unavailable` (looked up again later), never thrown.
 */
import type { DirectoryAnswer, LookupOptions, PeopleDirectory } from '../../domain/ports/people-directory';
import { answerOf, BATCH_LIMIT, byIdOrUpn, byMail, retryable, retryAfterMs, type BatchRequest, type SubResponse } from './graph-batch';

/** Something that gives a bearer token for Graph (the app's identity); none for a loopback stand-in. */
export interface TokenSource {
  token(): Promise<string>;
}

export interface GraphDirectoryOptions {
  /** e.g. https://graph.microsoft.com/v1.0 (GRAPH_BASE_URL). */
  readonly baseUrl: string;
  readonly tokens?: TokenSource;
  /** Budget of one lookup, retries included, when the caller gives none (default 30 s). */
  readonly timeoutMs?: number;
  /** Tries of one batch or sub-request (default 5). */
  readonly attempts?: number;
  /** First backoff step for server errors (default 500 ms, doubled each try, with jitter). */
  readonly backoffMs?: number;
  /** Batches in flight at once (default 4: Graph throttles per app per tenant). */
  readonly concurrency?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

type Kind = 'by-id-or-upn' | 'by-mail';

interface Item {
  readonly key: string;
  readonly kind: Kind;
  tries: number;
}

const EMAIL = /^[^@\s]+@[^@\s]+$/;

export class GraphPeopleDirectory implements PeopleDirectory {
  private readonly base: string;

  constructor(private readonly options: GraphDirectoryOptions) {
    this.base = options.baseUrl.replace(/\/+$/, '');
  }

  async lookup(keys: readonly string[], options: LookupOptions = {}): Promise<ReadonlyMap<string, DirectoryAnswer>> {
    const deadline = Date.now() + (options.timeoutMs ?? this.options.timeoutMs ?? 30_000);
    const unique = [...new Set(keys.map((k) => k.trim().toLowerCase()).filter((k) => k !== ''))];
    const answers = new Map<string, DirectoryAnswer>();
    const first = await this.run(
      unique.map((key) => ({ key, kind: 'by-id-or-upn' as const, tries: 0 })),
      deadline,
    );
    const byMailToo: Item[] = [];
    for (const [key, answer] of first) {
      if (answer.kind === 'not-found' && EMAIL.test(key)) byMailToo.push({ key, kind: 'by-mail', tries: 0 });
      else answers.set(key, answer);
    }
    for (const [key, answer] of await this.run(byMailToo, deadline)) answers.set(key, answer);
    // Callers look keys up as they gave them: answer under the original spelling too.
    const out = new Map<string, DirectoryAnswer>();
    for (const key of keys) {
      const answer = answers.get(key.trim().toLowerCase());
      if (answer) {
        out.set(key, answer);
        out.set(key.trim().toLowerCase(), answer);
      }
    }
    return out;
  }

  /** Runs the items in batches, with retries, until each has a final answer or the budget is spent. */
  private async run(items: Item[], deadline: number): Promise<Map<string, DirectoryAnswer>> {
    const answers = new Map<string, DirectoryAnswer>();
    let pending = items;
    while (pending.length > 0) {
      const chunks: Item[][] = [];
      for (let i = 0; i < pending.length; i += BATCH_LIMIT) chunks.push(pending.slice(i, i + BATCH_LIMIT));
      const again: Item[] = [];
      let waitMs = 0;
      for (let i = 0; i < chunks.length; i += this.options.concurrency ?? 4) {
        const results = await Promise.all(chunks.slice(i, i + (this.options.concurrency ?? 4)).map((chunk) => this.batch(chunk, deadline)));
        for (const result of results) {
          for (const [key, answer] of result.final) answers.set(key, answer);
          again.push(...result.retry);
          waitMs = Math.max(waitMs, result.waitMs);
        }
      }
      const attempts = this.options.attempts ?? 5;
      const exhausted = again.filter((item) => item.tries >= attempts);
      const retry = again.filter((item) => item.tries < attempts);
      for (const item of exhausted)
        answers.set(item.key, { kind: 'unavailable', detail: `Microsoft Graph did not answer after ${item.tries} tries` });
      if (retry.length > 0 && Date.now() + waitMs >= deadline) {
        for (const item of retry)
          answers.set(item.key, { kind: 'unavailable', detail: 'Microsoft Graph did not answer in time (throttled or down)' });
        break;
      }
      if (retry.length > 0) await (this.options.sleep ?? sleep)(waitMs);
      pending = retry;
    }
    return answers;
  }

  private async batch(items: Item[], deadline: number): Promise<{ final: Map<string, DirectoryAnswer>; retry: Item[]; waitMs: number }> {
    const final = new Map<string, DirectoryAnswer>();
    const requests: BatchRequest[] = items.map((item, i) =>
      item.kind === 'by-mail' ? byMail(String(i), item.key) : byIdOrUpn(String(i), item.key),
    );
    for (const item of items) item.tries++;
    const backoff = (tries: number): number => {
      const step = (this.options.backoffMs ?? 500) * 2 ** (tries - 1);
      return Math.min(step, 8_000) * (0.5 + (this.options.random ?? Math.random)() / 2);
    };
    let response: Response;
    try {
      response = await fetch(`${this.base}/$batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...(await this.authorization()) },
        body: JSON.stringify({ requests }),
        signal: AbortSignal.timeout(Math.max(1, deadline - Date.now())),
      });
    } catch (error) {
      // The budget ran out mid-call: unanswered. Connection refused or reset: the whole batch again.
      if (isAbort(error)) return { final: unavailable(items, 'no answer from Microsoft Graph in time'), retry: [], waitMs: 0 };
      return { final, retry: items, waitMs: backoff(items[0]!.tries) };
    }
    if (response.status === 429 || response.status >= 500) {
      await response.body?.cancel();
      return { final, retry: items, waitMs: retryAfterMs(headersOf(response), backoff(items[0]!.tries)) };
    }
    if (response.status !== 200) {
      await response.body?.cancel();
      const detail =
        response.status === 401 || response.status === 403
          ? `Microsoft Graph refused the look-up (HTTP ${response.status}): grant the app the User.Read.All application permission`
          : `Microsoft Graph answered HTTP ${response.status} to a batch`;
      return { final: unavailable(items, detail), retry: [], waitMs: 0 };
    }
    const body = (await response.json().catch(() => undefined)) as { responses?: SubResponse[] } | undefined;
    const byId = new Map((body?.responses ?? []).map((r) => [String(r.id), r]));
    const retry: Item[] = [];
    let waitMs = 0;
    items.forEach((item, i) => {
      const sub = byId.get(String(i));
      if (sub === undefined || retryable(sub.status)) {
        retry.push(item);
        waitMs = Math.max(waitMs, retryAfterMs(sub?.headers, backoff(item.tries)));
      } else {
        final.set(item.key, answerOf(sub, item.kind));
      }
    });
    return { final, retry, waitMs };
  }

  private async authorization(): Promise<Record<string, string>> {
    return this.options.tokens ? { authorization: `Bearer ${await this.options.tokens.token()}` } : {};
  }
}

function unavailable(items: readonly Item[], detail: string): Map<string, DirectoryAnswer> {
  return new Map(items.map((item) => [item.key, { kind: 'unavailable', detail } as const]));
}

function headersOf(response: Response): Record<string, string> {
  const out: Record<string, string> = {};
  response.headers.forEach((value, name) => (out[name] = value));
  return out;
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
