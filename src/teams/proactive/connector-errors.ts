import { failureKindOfStatus, parseRetryAfter, type DeliveryFailure } from '../../domain/delivery/delivery-outcome';

/**
 * A call to the Bot Connector with no answer within the sender's hard limit: the sender stops waiting,
 * but the call may still land, so its outcome is unknown ('uncertain', see CALL_LIMIT_MS).
 */
export class ConnectorTimeoutError extends Error {
  constructor(readonly afterMs: number) {
    super(`no answer from the Bot Connector within ${afterMs} ms; it may or may not have landed`);
    this.name = 'ConnectorTimeoutError';
  }
}

interface HttpishError {
  statusCode?: number;
  status?: number;
  code?: string;
  response?: { status?: number; headers?: { get?(name: string): string | undefined | null } & Record<string, unknown> };
}

/**
 * What a connector error means for delivery: botbuilder throws RestError-like objects carrying the
 * HTTP status and response headers; network errors carry a code (ECONNRESET…). The message text
 * is never shown to anyone but logs (it holds no message content).
 */
export function failureOf(error: unknown, nowMs: number): DeliveryFailure {
  if (error instanceof ConnectorTimeoutError) return { kind: 'uncertain', detail: error.message };
  const e = (typeof error === 'object' && error !== null ? error : {}) as HttpishError;
  const status = e.statusCode ?? e.response?.status ?? e.status;
  const detail = (error instanceof Error ? error.message : String(error)).slice(0, 300);
  if (typeof status === 'number' && status > 0) {
    const kind = failureKindOfStatus(status);
    const retryAfterMs = kind === 'throttled' ? parseRetryAfter(headerOf(e, 'retry-after'), nowMs) : undefined;
    return { kind, status, detail, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  }
  if (e.code === 'ETIMEDOUT' || e.code === 'ESOCKETTIMEDOUT' || /timeout/i.test(e.code ?? '')) return { kind: 'timeout', detail };
  // Connection refused or reset, DNS…: the service may be back in a moment.
  return { kind: 'transient', detail };
}

function headerOf(error: HttpishError, name: string): string | undefined {
  const headers = error.response?.headers;
  if (!headers) return undefined;
  if (typeof headers.get === 'function') return headers.get(name) ?? undefined;
  const value = headers[name] ?? headers[name.toLowerCase()];
  return typeof value === 'string' ? value : undefined;
}

/** Runs `call`, giving up after `ms` (the call may still land: the caller treats that as uncertain). */
export async function withTimeout<T>(call: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ConnectorTimeoutError(ms)), ms);
  });
  call.catch(() => undefined); // a late failure after the timeout is not unhandled
  try {
    return await Promise.race([call, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
