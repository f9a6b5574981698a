// Limits of a delivery filter both sides need, without zod (the renderer
// imports this at runtime; zod stays out of its bundle).

/** The words searched, in characters. */
export const FILTER_QUERY_MAX = 500;
export const FILTER_KIND_MAX = 64;
/** A user or chat id, in characters. */
export const FILTER_ID_MAX = 64;
