import type { IncomingMessage } from 'node:http';

export type BodyResult =
  | { kind: 'complete'; body: Buffer }
  | { kind: 'too-large'; size: number }
  | { kind: 'aborted' };

/** Past this many bytes a too-large body is no longer drained: the connection is cut. */
const DRAIN_CAP_FACTOR = 64;

/**
 * Reads a request body, keeping at most `limit` bytes. A larger body is
 * drained (up to a cap) to learn its size, so the client can finish sending
 * and read our 413 instead of seeing a reset connection.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const declared = Number(req.headers['content-length']);
  const drainCap = Math.max(limit * DRAIN_CAP_FACTOR, 64 * 1024 * 1024);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let seen = 0;
    let tooLarge = Number.isFinite(declared) && declared > limit;
    let settled = false;
    const settle = (result: BodyResult): void => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    if (tooLarge) {
      // Known from the header: answer now, drain what follows in the background.
      settle({ kind: 'too-large', size: declared });
    }
    req.on('data', (chunk: Buffer) => {
      seen += chunk.length;
      if (!tooLarge && seen > limit) {
        tooLarge = true;
        chunks.length = 0;
      }
      if (!tooLarge) chunks.push(chunk);
      else if (seen > drainCap) {
        settle({ kind: 'too-large', size: seen });
        req.destroy();
      }
    });
    req.on('end', () =>
      settle(
        tooLarge
          ? { kind: 'too-large', size: seen }
          : { kind: 'complete', body: Buffer.concat(chunks, seen) },
      ),
    );
    req.on('error', () => settle({ kind: 'aborted' }));
    req.on('close', () => settle({ kind: 'aborted' }));
  });
}
