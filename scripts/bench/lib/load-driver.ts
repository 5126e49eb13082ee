/**
 * The load driver: N simulated users, each posting its next activity as soon as the previous one
 * was answered, over loopback HTTP with keep-alive connections (as the Bot Connector does), timing
 * every request from the first byte sent to the last byte of the answer.
 */
import http from 'node:http';

export interface LoadOptions {
  readonly url: string;
  readonly users: number;
  /** Requests each user sends, one after the other. */
  readonly perUser: number;
  /** The activity user `user` sends as its `i`-th request. */
  readonly activity: (user: number, i: number) => object;
}

export interface LoadResult {
  readonly requests: number;
  readonly seconds: number;
  /** Per request, milliseconds. */
  readonly latencies: number[];
  /** Answers other than 2xx, by status. */
  readonly failures: Record<string, number>;
  readonly requestsPerSecond: number;
}

export async function drive(options: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.users });
  const target = new URL('/api/messages', options.url);
  const latencies: number[] = [];
  const failures: Record<string, number> = {};
  const started = process.hrtime.bigint();
  try {
    await Promise.all(
      Array.from({ length: options.users }, async (_, user) => {
        for (let i = 0; i < options.perUser; i++) {
          const body = JSON.stringify(options.activity(user, i));
          const t0 = process.hrtime.bigint();
          const status = await post(agent, target, body);
          latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
          if (status < 200 || status > 299) failures[String(status)] = (failures[String(status)] ?? 0) + 1;
        }
      }),
    );
  } finally {
    agent.destroy();
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { requests: latencies.length, seconds, latencies, failures, requestsPerSecond: latencies.length / seconds };
}

function post(agent: http.Agent, url: URL, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.on('data', () => undefined);
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
