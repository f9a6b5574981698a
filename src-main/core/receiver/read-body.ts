import type { IncomingMessage } from 'node:http';
import type { BodyClaim } from './body-budget';

export type BodyResult =
  | { kind: 'complete'; body: Buffer }
  | { kind: 'too-large'; size: number }
  /** The bodies in flight together reached the receiver's cap: answer 503, hold nothing more. */
  | { kind: 'busy' }
  | { kind: 'aborted' };

/** Past this many bytes a too-large body is no longer drained: the connection is cut. */
const DRAIN_CAP_FACTOR = 64;

/**
 * Reads a request body, keeping at most `limit` bytes, each counted against
 * the receiver-wide `claim`. A larger body is drained (up to a cap) to learn
 * its size, so the client can finish sending and read our 413 instead of
 * seeing a reset connection.
 */
export function readBody(req: IncomingMessage, limit: number, claim: BodyClaim): Promise<BodyResult> {
  const declared = Number(req.headers['content-length']);
  const drainCap = Math.max(limit * DRAIN_CAP_FACTOR, 64 * 1024 * 1024);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let seen = 0;
    // keep: buffered and counted; drain: too large, only its size counted; refuse: over the budget, dropped.
    let mode: 'keep' | 'drain' | 'refuse' = Number.isFinite(declared) && declared > limit ? 'drain' : 'keep';
    let settled = false;
    const settle = (result: BodyResult): void => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    const drop = (): void => {
      chunks.length = 0;
      claim.release();
    };
    if (mode === 'drain') {
      // Known from the header: answer now, drain what follows in the background.
      settle({ kind: 'too-large', size: declared });
    }
    req.on('data', (chunk: Buffer) => {
      seen += chunk.length;
      if (mode === 'keep') {
        if (seen > limit) {
          mode = 'drain';
          drop();
        } else if (!claim.grow(chunk.length)) {
          mode = 'refuse';
          drop();
          settle({ kind: 'busy' });
        } else chunks.push(chunk);
      }
      if (mode !== 'keep' && seen > drainCap) {
        settle({ kind: 'too-large', size: seen });
        req.destroy();
      }
    });
    req.on('end', () =>
      settle(
        mode === 'keep'
          ? { kind: 'complete', body: Buffer.concat(chunks, seen) }
          : { kind: 'too-large', size: seen },
      ),
    );
    req.on('error', () => settle({ kind: 'aborted' }));
    req.on('close', () => settle({ kind: 'aborted' }));
  });
}
