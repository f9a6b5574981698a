import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Subscribe } from '@contract';
import { WebSocket, WebSocketServer } from 'ws';

/** A client this far behind is cut off; it reconnects and re-reads what it missed. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

/** Pushes core's events to every connected browser, serialized once per event. */
export function createEventSocket(subscribe: Subscribe) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  /** On a team server: whose token opened each socket, so a revocation can cut theirs. */
  const owners = new Map<WebSocket, number>();
  const unsubscribe = subscribe((name, payload) => {
    if (wss.clients.size === 0) return;
    const message = JSON.stringify({ name, payload });
    for (const client of wss.clients) {
      if (client.readyState !== WebSocket.OPEN) continue;
      if (client.bufferedAmount > MAX_BUFFERED_BYTES) client.close(1013, 'too far behind; reconnect');
      else client.send(message);
    }
  });
  // Browsers only listen here; anything they send is ignored.
  wss.on('connection', (socket) => socket.on('error', () => socket.terminate()));
  return {
    /** `owner`: the person whose token opened it (team servers). */
    upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, owner?: number): void {
      wss.handleUpgrade(req, socket, head, (ws) => {
        if (owner !== undefined) {
          owners.set(ws, owner);
          ws.once('close', () => owners.delete(ws));
        }
        wss.emit('connection', ws, req);
      });
    },
    /** The people who hold open sockets. */
    owners(): number[] {
      return [...new Set(owners.values())];
    },
    /** Closes, at once, the sockets of the owners `which` picks; they get no event after this. */
    cut(which: (owner: number) => boolean, code: number, reason: string): void {
      for (const [ws, owner] of owners) {
        if (!which(owner)) continue;
        owners.delete(ws);
        ws.close(code, reason);
      }
    },
    close(): void {
      unsubscribe();
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}
