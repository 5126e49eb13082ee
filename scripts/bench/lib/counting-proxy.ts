/**
 * An HTTP proxy in front of Azurite that counts what a piece of code reads: requests, and entities
 * in query answers (the `value` array of the JSON body). Used for a separate counting pass, never
 * while timing (it adds a hop).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReadCounts {
  requests: number;
  queries: number;
  entities: number;
}

export async function startCountingProxy(
  targetPort: number,
): Promise<{ port: number; counts: ReadCounts; reset(): void; stop(): Promise<void> }> {
  const counts: ReadCounts = { requests: 0, queries: 0, entities: 0 };
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((req, res) => {
    counts.requests++;
    const isQuery = req.method === 'GET' && /\(\)(\?|$)/.test(req.url ?? '');
    if (isQuery) counts.queries++;
    const upstream = http.request(
      { host: '127.0.0.1', port: targetPort, method: req.method, path: req.url, headers: req.headers, agent },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => {
          const body = Buffer.concat(chunks);
          if (isQuery && answer.statusCode === 200) {
            try {
              counts.entities += (JSON.parse(body.toString('utf8')) as { value?: unknown[] }).value?.length ?? 0;
            } catch {
              /* not JSON: nothing to count */
            }
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.end(body);
        });
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    counts,
    reset: () => {
      counts.requests = 0;
      counts.queries = 0;
      counts.entities = 0;
    },
    stop: () =>
      new Promise((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
