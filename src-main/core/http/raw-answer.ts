import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';

/**
 * Answers with JSON on a socket whose request never reached a handler
 * (unparseable, or too slow to arrive), then closes it. Closing after the
 * answer is flushed, not after the peer's FIN: a hostile client would never
 * send one and the descriptor would stay taken. When part of a response
 * already went out, another cannot follow: the socket is just cut.
 */
export function answerRaw(socket: Duplex, status: number, json: string): void {
  const written = (socket as Partial<Socket>).bytesWritten ?? 0;
  if (!socket.writable || written > 0) {
    socket.destroy();
    return;
  }
  const head = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(json)}`,
    'Connection: close',
  ].join('\r\n');
  socket.end(`${head}\r\n\r\n${json}`, () => socket.destroy());
}
