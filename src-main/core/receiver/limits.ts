import { openFileLimit } from '../http/open-file-limit';

/** What the receiver lets clients hold, so a hostile one cannot take the process down. */
export interface ReceiverLimits {
  /** Connections open at once; past it, a new one is closed as soon as it is accepted. */
  maxConnections: number;
  /**
   * Connections open at once from one remote address (an IPv6 /64 counts as one; loopback is not
   * limited, nor anyone when the receiver trusts a proxy in front of it).
   */
  maxConnectionsPerAddress: number;
  /** A connection must send a complete request head within this, or it gets 408 and is closed. */
  headersTimeoutMs: number;
  /** …and the whole request, body included, within this. */
  requestTimeoutMs: number;
  /** A kept-alive connection with no request in progress is closed after this. */
  keepAliveTimeoutMs: number;
  /** Body bytes held by all requests in progress together; past it, 503 with Retry-After. */
  maxBodyBytesInFlight: number;
}

/**
 * The receiver may hold half of the process's descriptors. The other half
 * is the reserve for everything sharing the process — the UI bridge and
 * its WebSocket, the sandbox and its deliveries (two descriptors each,
 * client and server side, both here), SQLite and its WAL, the bot API
 * client, forwarding, Electron's own — so a flood on the receiver never
 * locks them out.
 */
const RECEIVER_SHARE_OF_DESCRIPTORS = 0.5;

/** Telegram opens at most 100 connections per webhook; a tunnel or a proxy in front is one address for all. */
const DEFAULT_PER_ADDRESS = 256;

/** Platforms send the head at once; 10 s is kind to a slow link and short for a slowloris. */
const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;
/** A 1 MiB body needs about 30 s on a 300 kbit/s link; the platforms give up after 10 s anyway. */
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
const DEFAULT_KEEP_ALIVE_TIMEOUT_MS = 5_000;
const MIN_BODY_BYTES_IN_FLIGHT = 64 * 1024 * 1024;

/** The limits in force: those given, the rest derived from the descriptor limit and the body limit. */
export function receiverLimits(
  given: Partial<ReceiverLimits>,
  maxBodyBytes: number,
  openFiles: () => number = openFileLimit,
): ReceiverLimits {
  const maxConnections =
    given.maxConnections ?? Math.max(1, Math.floor(openFiles() * RECEIVER_SHARE_OF_DESCRIPTORS));
  const headersTimeoutMs = given.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS;
  const limits: ReceiverLimits = {
    maxConnections,
    maxConnectionsPerAddress: given.maxConnectionsPerAddress ?? Math.min(DEFAULT_PER_ADDRESS, maxConnections),
    headersTimeoutMs,
    requestTimeoutMs: given.requestTimeoutMs ?? Math.max(DEFAULT_REQUEST_TIMEOUT_MS, headersTimeoutMs),
    keepAliveTimeoutMs: given.keepAliveTimeoutMs ?? DEFAULT_KEEP_ALIVE_TIMEOUT_MS,
    maxBodyBytesInFlight: given.maxBodyBytesInFlight ?? Math.max(MIN_BODY_BYTES_IN_FLIGHT, 4 * maxBodyBytes),
  };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isSafeInteger(value) || value < 1)
      throw new RangeError(`Receiver limit ${name} must be a positive whole number, not ${value}.`);
  }
  if (limits.headersTimeoutMs > limits.requestTimeoutMs)
    throw new RangeError('Receiver limit headersTimeoutMs cannot be longer than requestTimeoutMs.');
  if (limits.maxBodyBytesInFlight < maxBodyBytes)
    throw new RangeError(
      `Receiver limit maxBodyBytesInFlight (${limits.maxBodyBytesInFlight}) is below the body limit (${maxBodyBytes}): no full-size body could ever be read.`,
    );
  return limits;
}
