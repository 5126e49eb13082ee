/**
 * A local stand-in for the Bot Connector that answers at once (the cost of Teams itself is not what
 * the benchmarks measure). It remembers the intake id of the last card posted to each personal
 * conversation, so a simulated requester can press that card's buttons, and counts what it received.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FastConnector {
  readonly url: string;
  /** Intake id of the last card posted to the personal conversation `a:{aadObjectId}`. */
  intakeIdOf(aadObjectId: string): string | undefined;
  readonly posts: () => number;
  stop(): Promise<void>;
}

export async function startFastConnector(): Promise<FastConnector> {
  const lastIntakeId = new Map<string, string>();
  let posts = 0;
  let nextId = 1;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      posts++;
      const conversation = /\/v3\/conversations\/a%3A([0-9a-f-]{36})\//.exec(req.url ?? '')?.[1];
      if (conversation) {
        const intakeId = /"intakeId":"([0-9a-f-]{36})"/.exec(Buffer.concat(chunks).toString('utf8'))?.[1];
        if (intakeId) lastIntakeId.set(conversation, intakeId);
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `act-${nextId++}` }));
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    intakeIdOf: (aad) => lastIntakeId.get(aad),
    posts: () => posts,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
