// Rules of bot profiles and webhooks both sides need, without zod (the
// renderer imports this at runtime; zod stays out of its bundle).

const SECRET_TOKEN_SOURCE = '[A-Za-z0-9_-]{1,256}';

/** Telegram's webhook secret token: 1–256 of A-Z a-z 0-9 _ - */
export const SECRET_TOKEN = new RegExp(`^${SECRET_TOKEN_SOURCE}$`);
/** The same, or empty: where '' means "remove the secret". */
export const SECRET_TOKEN_OR_EMPTY = new RegExp(`^(?:${SECRET_TOKEN_SOURCE})?$`);

/** Telegram's setWebhook `max_connections` range is 1 to this. */
export const WEBHOOK_MAX_CONNECTIONS = 100;

/** A message's text, as both platforms cap it. */
export const MESSAGE_TEXT_MAX = 4096;
