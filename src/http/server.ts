import restify from 'restify';
import { Logger } from '../logging/logger';
import { activityBodyProblem, type ActivityPolicy } from './activity-body';

export interface ServerDependencies {
  readonly logger: Logger;
  /** Handles one Bot Framework request (the Teams layer's bot). */
  readonly processActivity: (req: restify.Request, res: restify.Response) => Promise<void>;
  /** Readiness checks by component name (storage, outbox, …): each resolves when healthy, rejects with the reason. */
  readonly readiness: ReadinessChecks;
  /** What an activity must satisfy beyond its shape (local mode: loopback service URLs only). */
  readonly activityPolicy: ActivityPolicy;
}

export type ReadinessCheck = () => Promise<void>;
export type ReadinessChecks = Readonly<Record<string, ReadinessCheck>>;

/**
 * What `/readyz` answers: `ok` or `failing` per check, and nothing else (it is unauthenticated; the
 * reasons can name hosts, accounts and internals, so they go to the log only).
 */
export interface ReadinessReport {
  readonly status: 'ready' | 'not ready';
  readonly checks: Record<string, 'ok' | 'failing'>;
}

/** A readiness run: the public report, and why each failing check failed (for the log). */
export interface ReadinessResult {
  readonly report: ReadinessReport;
  readonly reasons: Record<string, string>;
}

export interface RunningServer {
  readonly url: string;
  /** Stops accepting connections, waits for in-flight requests (up to `graceMs`), then resolves. */
  close(graceMs?: number): Promise<void>;
}

/** Activities are small; the Bot Framework caps messages around 100 KB. */
export const MAX_BODY_BYTES = 256 * 1024;

export function createServer(deps: ServerDependencies): restify.Server {
  const server = restify.createServer({ name: 'support-intake-bot', handleUncaughtExceptions: false });
  server.pre(refuseEncodedOrOversizedBodies);
  // jsonBodyParser passes its options to restify's bodyReader, which enforces maxBodySize (413) on
  // the bytes received. Only /api/messages reads a body at all.
  const bodyOptions: restify.plugins.BodyParserOptions = { maxBodySize: MAX_BODY_BYTES, mapParams: false };

  server.post('/api/messages', restify.plugins.jsonBodyParser(bodyOptions), async (req, res) => {
    const problem = activityBodyProblem(req.body, deps.activityPolicy);
    if (problem !== undefined) {
      res.send(400, { error: { code: 'BadRequest', message: problem } });
      return;
    }
    try {
      await deps.processActivity(req, res);
    } catch (error) {
      deps.logger.error({ err: error }, 'request failed');
      if (!res.headersSent) res.send(500, { error: { code: 'InternalError', message: 'the bot failed to process the activity' } });
    }
  });

  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok' });
  });

  server.get('/readyz', async (_req, res) => {
    const { report, reasons } = await checkReadiness(deps.readiness);
    if (report.status !== 'ready') deps.logger.warn({ checks: reasons }, 'not ready');
    res.send(report.status === 'ready' ? 200 : 503, report);
  });

  return server;
}

/**
 * Runs before routing and before any body is read. restify's bodyReader inflates gzip itself and
 * counts only the compressed bytes against maxBodySize, so a small gzip body could decode to
 * megabytes before authentication: Teams never compresses what it posts, and every encoding but
 * identity is refused with 415 (the connection is closed rather than the body read). A declared
 * length over the limit is refused at once too.
 */
function refuseEncodedOrOversizedBodies(req: restify.Request, res: restify.Response, next: restify.Next): void {
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined) {
    if (encoding.trim().toLowerCase() !== 'identity') {
      refuse(res, 415, 'UnsupportedMediaType', 'compressed or encoded bodies are not accepted (Content-Encoding must be identity)');
      return next(false);
    }
    // restify's bodyReader would refuse "identity" as an unknown encoding: it is the same as none.
    delete req.headers['content-encoding'];
  }
  const length = Number(req.headers['content-length'] ?? 0);
  if (length > MAX_BODY_BYTES) {
    refuse(res, 413, 'PayloadTooLarge', `the body is larger than ${MAX_BODY_BYTES} bytes`);
    return next(false);
  }
  return next();
}

function refuse(res: restify.Response, status: number, code: string, message: string): void {
  res.setHeader('connection', 'close');
  res.send(status, { error: { code, message } });
}

/** A check that has not answered after this long counts as failed. */
const READINESS_TIMEOUT_MS = 5_000;

/** Runs every check at once; ready only when all of them pass. */
export async function checkReadiness(checks: ReadinessChecks, timeoutMs = READINESS_TIMEOUT_MS): Promise<ReadinessResult> {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]): Promise<[string, string, boolean]> => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        await Promise.race([check(), timeout]);
        return [name, 'ok', true];
      } catch (error) {
        return [name, error instanceof Error ? error.message : String(error), false];
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  const ready = entries.every(([, , passed]) => passed);
  return {
    report: {
      status: ready ? 'ready' : 'not ready',
      checks: Object.fromEntries(entries.map(([name, , passed]) => [name, passed ? 'ok' : 'failing'])),
    },
    reasons: Object.fromEntries(entries.filter(([, , passed]) => !passed).map(([name, reason]) => [name, reason])),
  };
}

/** Listens, and gives back a handle whose `close` drains in-flight requests. */
export async function listen(server: restify.Server, port: number, host: string): Promise<RunningServer> {
  await new Promise<void>((resolve, reject) => {
    // restify re-emits the Node server's listen errors (EADDRINUSE…) on itself.
    server.once('error', reject);
    server.listen(port, host, () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
  const address = server.server.address();
  const actualPort = typeof address === 'object' && address !== null ? address.port : port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${actualPort}`,
    close: (graceMs = 10_000) => drain(server, graceMs),
  };
}

async function drain(server: restify.Server, graceMs: number): Promise<void> {
  const http = server.server;
  const closed = new Promise<void>((resolve) => http.close(() => resolve()));
  http.closeIdleConnections();
  const timer = setTimeout(() => http.closeAllConnections(), graceMs);
  try {
    await closed;
  } finally {
    clearTimeout(timer);
  }
}
