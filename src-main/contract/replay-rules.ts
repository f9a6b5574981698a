// Limits of a replay both sides need, without zod (the renderer imports this
// at runtime; zod stays out of its bundle).

/** Deliveries one replay sends at most: ids given, or the newest a filter matches. */
export const REPLAY_DELIVERIES_MAX = 100_000;

export const REPLAY_CONCURRENCY_DEFAULT = 4;
export const REPLAY_CONCURRENCY_MAX = 32;
/** Requests per second at most. */
export const REPLAY_RATE_MAX = 10_000;
/** Headers kept, and headers added: at most this many of each. */
export const REPLAY_HEADERS_MAX = 50;
export const HEADER_NAME_MAX = 100;
export const HEADER_VALUE_MAX = 8192;
/** An edited body: 1 MiB. */
export const EDITED_BODY_MAX = 1024 * 1024;
