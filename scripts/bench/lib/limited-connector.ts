/**
 * A Bot Connector stand-in that enforces Teams' limits, counting calls when they arrive (as the
 * service does): per conversation 7 / 1 s, 8 / 2 s, 60 / 30 s, 1,800 / h, and per tenant a given rate.
 * Over a limit it answers 429 with Retry-After: 1. It runs in a process of its own
 * (limited-connector-process.ts), so the senders' event loop cannot bunch its arrival times.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { TEAMS_CONVERSATION_WINDOWS, type RateWindow } from '../../../src/domain/delivery/rate-limiter';

/** Sliding windows counted at arrival: an independent check of the bot's limiter. */
class EnforcedWindows {
  private readonly calls = new Map<string, number[]>();
  private readonly longest: number;

  constructor(private readonly windows: readonly RateWindow[]) {
    this.longest = Math.max(...windows.map((w) => w.windowMs));
  }

  admits(key: string, now: number): boolean {
    const log = this.calls.get(key) ?? [];
    return this.windows.every((w) => {
      let inWindow = 0;
      for (let i = log.length - 1; i >= 0 && log[i]! > now - w.windowMs; i--) inWindow++;
      return inWindow < w.limit;
    });
  }

  record(key: string, now: number): void {
    const log = this.calls.get(key) ?? [];
    log.push(now);
    while (log.length > 0 && log[0]! <= now - this.longest) log.shift();
    this.calls.set(key, log);
  }
}

export interface ConnectorStats {
  /** Message number (from "bench-msg-N" in the body) → times accepted. */
  readonly accepted: Record<string, number>;
  readonly throttled: number;
  /** Arrival time (ms) of every call, accepted or refused, in order. */
  readonly arrivals: number[];
  /** Arrival time (ms) of every accepted call, in order. */
  readonly acceptedAt: number[];
}

export async function startLimitedConnector(
  tenantPerSecond: number,
): Promise<{ url: string; stats(): ConnectorStats; stop(): Promise<void> }> {
  const perConversation = new EnforcedWindows(TEAMS_CONVERSATION_WINDOWS);
  const perTenant = new EnforcedWindows([{ limit: tenantPerSecond, windowMs: 1000 }]);
  const accepted: Record<string, number> = {};
  const arrivals: number[] = [];
  const acceptedAt: number[] = [];
  let throttled = 0;
  let nextId = 1;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const now = Date.now();
      const m = /^\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
      if (req.method !== 'POST' || !m) {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        return;
      }
      arrivals.push(now);
      const conversation = decodeURIComponent(m[1]!);
      // A refused call counts against neither limit.
      if (!perTenant.admits('tenant', now) || !perConversation.admits(conversation, now)) {
        throttled++;
        res
          .writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' })
          .end(JSON.stringify({ error: { code: 'Throttled' } }));
        return;
      }
      perTenant.record('tenant', now);
      perConversation.record(conversation, now);
      acceptedAt.push(now);
      const id = /bench-msg-(\d+)/.exec(Buffer.concat(chunks).toString('utf8'))?.[1] ?? 'unknown';
      accepted[id] = (accepted[id] ?? 0) + 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `act-${nextId++}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    stats: () => ({ accepted: { ...accepted }, throttled, arrivals: [...arrivals], acceptedAt: [...acceptedAt] }),
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
