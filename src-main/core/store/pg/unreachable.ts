import { describeError } from '../../describe-error';

/** postgres.js's own codes for a connection that failed, closed or timed out. */
const CLIENT_CODES = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECTION_ENDED',
  'CONNECT_TIMEOUT',
]);

/** The operating system's, for a server that is not there or not answering. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/**
 * SQLSTATEs that mean "not now" rather than "wrong": connection exceptions
 * (class 08), the server shutting down or starting (57P01–57P03), too many
 * connections (53300), and a read-only standby after a failover (25006).
 */
function isTransientState(code: string): boolean {
  return code.startsWith('08') || ['57P01', '57P02', '57P03', '53300', '25006'].includes(code);
}

/**
 * Why a failure means the team database cannot be reached now, or null for
 * any other error (a constraint, a bug): the first is answered 503 and
 * waited out, the second is an error like any other.
 */
export function unreachableReason(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return null;
  if (CLIENT_CODES.has(code) || SOCKET_CODES.has(code) || isTransientState(code)) {
    return `${describeError(error)} (${code})`;
  }
  return null;
}
