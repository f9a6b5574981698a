import { connect, type Socket } from 'node:net';

/** A raw client connection whose state a test can watch: what it got, whether it is closed. */
export interface WatchedSocket {
  socket: Socket;
  connected: boolean;
  closed: boolean;
  /** Everything the server sent, as latin1. */
  received: string;
  /** The status of the first response, once its status line arrived. */
  status(): number | null;
  /** The first response's body parsed as JSON (Content-Length framed), once it arrived. */
  json<T = unknown>(): T | null;
}

/** Opens a connection and keeps it (idle unless `send` is given); errors only mark it closed. */
export function openSocket(
  port: number,
  options: { host?: string; localAddress?: string; send?: string | Buffer } = {},
): WatchedSocket {
  const socket = connect({
    port,
    host: options.host ?? '127.0.0.1',
    ...(options.localAddress ? { localAddress: options.localAddress } : {}),
  });
  const watched: WatchedSocket = {
    socket,
    connected: false,
    closed: false,
    received: '',
    status() {
      const m = /^HTTP\/1\.1 (\d{3}) /.exec(watched.received);
      return m ? Number(m[1]) : null;
    },
    json<T>() {
      const split = watched.received.indexOf('\r\n\r\n');
      if (split === -1) return null;
      const length = /\r\ncontent-length: (\d+)/i.exec(watched.received.slice(0, split));
      const body = watched.received.slice(split + 4, split + 4 + Number(length?.[1] ?? 0));
      return length && body.length === Number(length[1]) ? (JSON.parse(body) as T) : null;
    },
  };
  socket.on('connect', () => {
    watched.connected = true;
    if (options.send !== undefined) socket.write(options.send);
  });
  socket.on('data', (chunk: Buffer) => {
    watched.received += chunk.toString('latin1');
  });
  socket.on('error', () => undefined);
  socket.on('close', () => {
    watched.closed = true;
  });
  return watched;
}

/** Closes every socket and resolves once all are closed. */
export async function closeAll(sockets: WatchedSocket[]): Promise<void> {
  await Promise.all(
    sockets.map(
      (s) =>
        new Promise<void>((resolve) => {
          if (s.closed) return resolve();
          s.socket.once('close', () => resolve());
          s.socket.destroy();
        }),
    ),
  );
}
