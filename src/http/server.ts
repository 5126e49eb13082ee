import restify from 'restify';
import { Logger } from '../logging/logger';
import { activityBodyProblem } from './activity-body';

export interface ServerDependencies {
  readonly logger: Logger;
  /** Handles one Bot Framework request (the Teams layer's bot). */
  readonly processActivity: (req: restify.Request, res: restify.Response) => Promise<void>;
  /** Readiness checks by component name (storage, outbox, …): each resolves when healthy, rejects with the reason. */
  readonly readiness: ReadinessChecks;
}

export type ReadinessCheck = () => Promise<void>;
export type ReadinessChecks = Readonly<Record<string, ReadinessCheck>>;

/** What `/readyz` answers: `ok` or the failure's message per check. */
export interface ReadinessReport {
  readonly status: 'ready' | 'not ready';
  readonly checks: Record<string, string>;
}

export interface RunningServer {
  readonly url: string;
  /** Stops accepting connections, waits for in-flight requests (up to `graceMs`), then resolves. */
  close(graceMs?: number): Promise<void>;
}

/** Activities are small; the Bot Framework caps messages around 100 KB. */
const MAX_BODY_BYTES = 256 * 1024;

export function createServer(deps: ServerDependencies): restify.Server {
  const server = restify.createServer({ name: 'support-intake-bot', handleUncaughtExceptions: false });
  // jsonBodyParser passes its options to restify's bodyReader, which enforces maxBodySize (413).
  const bodyOptions: restify.plugins.BodyParserOptions = { maxBodySize: MAX_BODY_BYTES, mapParams: false };
  server.use(restify.plugins.jsonBodyParser(bodyOptions));

  server.post('/api/messages', async (req, res) => {
    const problem = activityBodyProblem(req.body);
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
    const report = await checkReadiness(deps.readiness);
    if (report.status !== 'ready') deps.logger.warn({ checks: report.checks }, 'not ready');
    res.send(report.status === 'ready' ? 200 : 503, report);
  });

  return server;
}

/** A check that has not answered after this long counts as failed. */
const READINESS_TIMEOUT_MS = 5_000;

/** Runs every check at once; ready only when all of them pass. */
export async function checkReadiness(checks: ReadinessChecks, timeoutMs = READINESS_TIMEOUT_MS): Promise<ReadinessReport> {
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
  return { status: ready ? 'ready' : 'not ready', checks: Object.fromEntries(entries.map(([name, result]) => [name, result])) };
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
