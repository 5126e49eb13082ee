import net from 'node:net';

/** A port that the dev script or the tests want to use is taken by another process. */
export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    message: string,
  ) {
    super(message);
    this.name = 'PortInUseError';
  }
}

type ListenResult = 'free' | 'in-use' | 'forbidden';

function tryListen(port: number, host: string | undefined): Promise<ListenResult> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') resolve('in-use');
      else if (error.code === 'EACCES') resolve('forbidden');
      // The address family does not exist on this machine (e.g. no IPv6): nothing can listen there.
      else if (error.code === 'EADDRNOTAVAIL' || error.code === 'EAFNOSUPPORT') resolve('free');
      else reject(error);
    });
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve('free')));
  });
}

/**
 * Whether nothing listens on `port`. Checks the wildcard address (any interface, IPv4 and IPv6)
 * and 127.0.0.1, so a listener bound to either one is found.
 */
export async function portStatus(port: number): Promise<ListenResult> {
  const wildcard = await tryListen(port, undefined);
  if (wildcard !== 'free') return wildcard;
  return tryListen(port, '127.0.0.1');
}

export async function isPortFree(port: number): Promise<boolean> {
  return (await portStatus(port)) === 'free';
}

/** A TCP port that was free on 127.0.0.1 a moment ago (the OS picks it). */
export function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0, host }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('the OS did not assign a port'))));
    });
  });
}

export interface PortClaim {
  readonly port: number;
  /** The environment variable that moves this service to another port, e.g. `PORT`. */
  readonly envVar: string;
  /** What uses the port, for the message, e.g. `the bot`. */
  readonly what?: string;
}

/** The message for a taken port, e.g. "port 3978 is already in use — stop the other process or set PORT". */
export function portInUseMessage(claim: PortClaim): string {
  const what = claim.what ? ` (${claim.what})` : '';
  return `port ${claim.port}${what} is already in use — stop the other process or set ${claim.envVar}`;
}

/** Checks every port and throws one PortInUseError that names all the taken ones. */
export async function assertPortsFree(claims: readonly PortClaim[]): Promise<void> {
  const problems: string[] = [];
  let first: number | undefined;
  for (const claim of claims) {
    const status = await portStatus(claim.port);
    if (status === 'free') continue;
    first ??= claim.port;
    problems.push(
      status === 'forbidden'
        ? `port ${claim.port} needs privileges this user does not have — set ${claim.envVar} to a port above 1024`
        : portInUseMessage(claim),
    );
  }
  if (first !== undefined) throw new PortInUseError(first, problems.join('\n'));
}

/** Parses a port from an environment variable, with a clear message when it is not one. */
export function portFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${name} must be a TCP port, an integer 1-65535 (got "${raw}")`);
  }
  return port;
}
