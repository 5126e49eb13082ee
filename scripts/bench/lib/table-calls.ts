/**
 * Counts the HTTP requests this process sends to Table Storage (Azurite), by table, method and
 * answer, through Node's own diagnostics channels: no proxy and no change to the code under test, so
 * the count costs nothing measurable and the bot runs exactly as in production.
 */
import diagnostics from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';

export interface TableCallCounts {
  readonly total: number;
  /** "GET botState 404", "POST $batch 202"… → count. */
  readonly byKind: Record<string, number>;
}

/** Counts requests whose path starts with `/{account}/` (the Azurite account), until `stop`. */
export function countTableCalls(account: string, tablePrefix: string): { read(): TableCallCounts; reset(): void; stop(): void } {
  let total = 0;
  let byKind: Record<string, number> = {};
  const pending = new WeakMap<ClientRequest, string>();
  const accountPath = `/${account}/`;

  const onStart = (message: unknown): void => {
    const { request } = message as { request: ClientRequest };
    if (!request.path.startsWith(accountPath)) return;
    const rest = request.path.slice(accountPath.length);
    const table = /^[^(?/]*/.exec(rest)?.[0] ?? '';
    const name = table.startsWith(tablePrefix) ? table.slice(tablePrefix.length) : table;
    const shape = rest.startsWith('$batch')
      ? ''
      : rest.includes('(') && !rest.includes('()')
        ? ' entity'
        : rest.includes('?') || rest.includes('()')
          ? ' query'
          : '';
    pending.set(request, `${request.method} ${name}${shape}`);
    total++;
  };
  const onFinish = (message: unknown): void => {
    const { request, response } = message as { request: ClientRequest; response: IncomingMessage };
    const kind = pending.get(request);
    if (kind === undefined) return;
    const key = `${kind} ${response.statusCode ?? '?'}`;
    byKind[key] = (byKind[key] ?? 0) + 1;
  };
  diagnostics.subscribe('http.client.request.start', onStart);
  diagnostics.subscribe('http.client.response.finish', onFinish);
  return {
    read: () => ({ total, byKind: { ...byKind } }),
    reset: () => {
      total = 0;
      byKind = {};
    },
    stop: () => {
      diagnostics.unsubscribe('http.client.request.start', onStart);
      diagnostics.unsubscribe('http.client.response.finish', onFinish);
    },
  };
}
