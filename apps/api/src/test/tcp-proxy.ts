import { createServer, type Server, type Socket, connect } from 'node:net';

/**
 * A TCP proxy in front of the test database, so a test can take "the database" away from the app
 * and give it back without touching the PostgreSQL server that other test runs share:
 * - `refuse()`: stops listening (new connections get ECONNREFUSED) and resets every open
 *   connection, as when the server process stops or crashes;
 * - `blackhole()`: resets the open connections, then accepts new ones and never answers, as when
 *   the database host is unreachable (only the pool's connection timeout ends the wait);
 * - `restore()`: forwards again, on the same port.
 */
export class TcpProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private mode: 'forward' | 'blackhole' = 'forward';

  private constructor(
    private readonly target: { host: string; port: number },
    public port = 0,
  ) {}

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const proxy = new TcpProxy(target);
    await proxy.listen();
    return proxy;
  }

  /** The URL of the database `url` reached through this proxy. */
  urlFor(url: string): string {
    const u = new URL(url);
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.toString();
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
  }

  private async listen(): Promise<void> {
    const server = createServer((client) => {
      this.track(client);
      if (this.mode === 'blackhole') return; // accepted, never answered
      const upstream = connect(this.target.port, this.target.host);
      this.track(upstream);
      client.pipe(upstream);
      upstream.pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  private resetAll(): void {
    for (const socket of this.sockets) socket.resetAndDestroy();
    this.sockets.clear();
  }

  private async stopListening(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async refuse(): Promise<void> {
    const closed = this.stopListening();
    this.resetAll();
    await closed;
  }

  async blackhole(): Promise<void> {
    this.mode = 'blackhole';
    this.resetAll();
    if (!this.server) await this.listen();
  }

  async restore(): Promise<void> {
    if (this.mode === 'blackhole') this.resetAll(); // connections that were never answered
    this.mode = 'forward';
    if (!this.server) await this.listen();
  }

  async close(): Promise<void> {
    await this.refuse();
  }
}
