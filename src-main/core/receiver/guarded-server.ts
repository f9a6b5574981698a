import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { answerRaw } from '../http/raw-answer';
import { answers } from './answers';
import { BodyBudget, type BodyClaim } from './body-budget';
import { capPerAddress } from './connection-cap';
import type { ReceiverLimits } from './limits';

/** Floods are logged, but not once per refused request. */
const WARN_EVERY_MS = 60_000;

/**
 * An HTTP server that enforces the receiver's limits before and around the
 * handler: the connection caps, the timeouts for slow heads and bodies, and
 * the budget of body bytes each request's claim is counted against.
 */
export function createGuardedServer(
  limits: ReceiverLimits,
  log: (message: string) => void,
  guard: { perAddress: boolean },
  handler: (req: IncomingMessage, res: ServerResponse, claim: BodyClaim) => void,
): { server: Server; load(): { connections: number; bodyBytes: number } } {
  const warn = throttled(log, WARN_EVERY_MS);
  const budget = new BodyBudget(limits.maxBodyBytesInFlight, () =>
    warn(
      'busy',
      `receiver: request bodies in flight reached ${limits.maxBodyBytesInFlight} bytes; answering 503`,
    ),
  );
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      // Node checks both timeouts on this interval (30 s by default, longer than the timeouts themselves).
      connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(limits.headersTimeoutMs / 4))),
    },
    (req, res) => handler(req, res, budget.claim()),
  );
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  // Past this Node closes new connections at once: the rest of the process keeps its descriptors.
  server.maxConnections = limits.maxConnections;
  server.on('drop', () =>
    warn('drop', `receiver: ${limits.maxConnections} connections open; closing new ones until some end`),
  );
  const connections = capPerAddress(server, {
    perAddress: limits.maxConnectionsPerAddress,
    // Behind a proxy every connection comes from it: a per-address cap would only be a smaller total one.
    ...(guard.perAddress ? {} : { exempt: () => true }),
    onRefused: (address) =>
      warn(
        `address ${address}`,
        `receiver: ${address} holds ${limits.maxConnectionsPerAddress} connections; closing its new ones`,
      ),
  });
  // A request that never reaches the handler (malformed, too slow) is answered here, with a JSON reason.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    const answer =
      error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? answers.requestTimeout(limits.headersTimeoutMs, limits.requestTimeoutMs)
        : error.code === 'HPE_HEADER_OVERFLOW'
          ? answers.headersTooLarge()
          : answers.malformedHttp();
    answerRaw(socket, answer.status, answer.body);
  });
  return { server, load: () => ({ connections: connections.open(), bodyBytes: budget.inUse }) };
}

/** A logger that says each kind of thing at most once per `everyMs`. */
function throttled(log: (message: string) => void, everyMs: number) {
  const last = new Map<string, number>();
  return (kind: string, message: string): void => {
    const now = Date.now();
    if (now - (last.get(kind) ?? Number.NEGATIVE_INFINITY) < everyMs) return;
    // Keyed by address during a flood from many: forget rather than grow without bound.
    if (last.size > 1000) last.clear();
    last.set(kind, now);
    log(message);
  };
}
