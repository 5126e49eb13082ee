import net from 'node:net';

/** What a paused proxy holds back: everything, or only the answers (requests still reach the target). */
export type Held = 'both' | 'responses';

interface Link {
  readonly client: net.Socket;
  readonly upstream: net.Socket;
}

/**
 * A loopback TCP forwarder to `target` that a test can cut and restore, or pause and resume: put it
 * between the bot and a dependency (Azurite) to make the dependency unreachable (cut) or hang
 * (pause) after start-up. While paused, connections are accepted and bytes wait in the proxy, as
 * with a server that stopped answering; `resume` delivers them late, `reset` drops them.
 */
export class TcpProxy {
  private server?: net.Server;
  private readonly links = new Set<Link>();
  private port = 0;
  private held: Held | undefined;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  get listenPort(): number {
    return this.port;
  }

  /** What the proxy holds back right now, if anything. */
  get paused(): Held | undefined {
    return this.held;
  }

  /** Starts forwarding; after `cut`, starts again on the same port. */
  async start(): Promise<this> {
    const server = net.createServer((client) => this.link(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as net.AddressInfo).port;
    return this;
  }

  /** Stops listening and drops every open connection: the target looks down (connection refused). */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const link of this.links) this.drop(link);
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }

  /** Holds traffic (new connections too) until `resume`: the target looks hung, not down. */
  pause(held: Held = 'both'): void {
    this.held = held;
    for (const link of this.links) this.apply(link);
  }

  /** Forwards again, held bytes first: requests a caller gave up on still arrive, late (as over a real network). */
  resume(): void {
    this.held = undefined;
    for (const link of this.links) this.apply(link);
  }

  /** Drops every connection and the bytes held in it (as when a hung server is restarted), then forwards again. */
  reset(): void {
    for (const link of this.links) this.drop(link);
    this.held = undefined;
  }

  private link(client: net.Socket): void {
    const upstream = net.connect(this.targetPort, this.targetHost);
    const link: Link = { client, upstream };
    this.links.add(link);
    // Forwarded by hand rather than piped: a pipe resumes a source on its own after backpressure.
    const forward = (from: net.Socket, to: net.Socket) => {
      from.on('data', (chunk: Buffer) => to.write(chunk));
      from.on('end', () => to.end());
      from.on('error', () => this.drop(link));
      from.on('close', () => this.drop(link));
    };
    forward(client, upstream);
    forward(upstream, client);
    this.apply(link);
  }

  private apply(link: Link): void {
    if (this.held === 'both') link.client.pause();
    else link.client.resume();
    if (this.held !== undefined) link.upstream.pause();
    else link.upstream.resume();
  }

  private drop(link: Link): void {
    link.client.destroy();
    link.upstream.destroy();
    this.links.delete(link);
  }
}
