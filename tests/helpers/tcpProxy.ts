import net from 'node:net';

/**
 * A TCP relay on 127.0.0.1 in front of a real server (Redis in these tests), to do to the connections what a
 * network does: refuse them (nothing listening yet), go silent (a partition: bytes stop, nobody closes),
 * cut them (a restart), or slow the client's bytes down on their way in.
 */
export interface TcpProxy {
  port: number;
  url(scheme: string): string;
  /** Starts listening on `port` (a proxy made with `listening: false` refuses connections until then). */
  listen(): Promise<void>;
  /** Nothing goes through any more, in either direction; the connections stay open. */
  silence(): void;
  /** Destroys every open connection (new ones are accepted). */
  cut(): void;
  /** From now on, bytes from clients reach the server this much later (in order). */
  delayUpstream(ms: number): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }, options: { listening?: boolean } = {}): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let silent = false;
  let delayMs = 0;
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => sockets.delete(socket));
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.on('data', (data) => {
      if (silent) return;
      if (delayMs === 0) upstream.write(data);
      else setTimeout(() => upstream.write(data), delayMs);
    });
    upstream.on('data', (data) => {
      if (!silent) client.write(data);
    });
  });
  // A free port, held only when listening: until then a client's connection is refused there.
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));

  const proxy: TcpProxy = {
    port,
    url: (scheme) => `${scheme}://127.0.0.1:${port}`,
    listen: () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve)),
    silence: () => {
      silent = true;
    },
    cut: () => {
      for (const socket of sockets) socket.destroy();
    },
    delayUpstream: (ms) => {
      delayMs = ms;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  if (options.listening !== false) await proxy.listen();
  return proxy;
}
