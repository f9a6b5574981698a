// The sandbox platform's state: its bots, the updates it owes them, the chats
// it keeps, and every delivery attempt (its webhookLogs).
export const sql = `
CREATE TABLE sandbox_bots (
  token            TEXT    PRIMARY KEY,
  bot_id           INTEGER NOT NULL UNIQUE,
  username         TEXT    NOT NULL,
  first_name       TEXT    NOT NULL,
  app_id           TEXT    NOT NULL,
  jwt              TEXT    NOT NULL,
  webhook_url      TEXT    NOT NULL DEFAULT '',
  webhook_dialect  TEXT,                    -- 'solafon' | 'telegram': the shape deliveries take
  secret_token     TEXT,
  max_connections  INTEGER,
  allowed_updates  TEXT,                    -- JSON array
  last_error_date  INTEGER,
  last_error_message TEXT,
  next_update_id   INTEGER NOT NULL,
  next_message_id  INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE sandbox_updates (
  bot_token       TEXT    NOT NULL REFERENCES sandbox_bots(token),
  update_id       INTEGER NOT NULL,
  chat_id         INTEGER NOT NULL,
  message         TEXT    NOT NULL,         -- JSON of the user's message, dialect-neutral
  created_at      INTEGER NOT NULL,
  delivered_at    INTEGER,                  -- NULL while pending
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  PRIMARY KEY (bot_token, update_id)
) STRICT;
CREATE INDEX sandbox_updates_pending ON sandbox_updates (bot_token, chat_id, update_id) WHERE delivered_at IS NULL;

CREATE TABLE sandbox_messages (
  id          INTEGER PRIMARY KEY,
  bot_token   TEXT    NOT NULL REFERENCES sandbox_bots(token),
  chat_id     INTEGER NOT NULL,
  message_id  INTEGER NOT NULL,
  sender      TEXT    NOT NULL,             -- 'user' | 'bot'
  user_id     INTEGER,
  user_name   TEXT,
  text        TEXT    NOT NULL,
  date        INTEGER NOT NULL              -- Unix seconds
) STRICT;
CREATE INDEX sandbox_messages_by_chat ON sandbox_messages (bot_token, chat_id, id);

CREATE TABLE sandbox_webhook_logs (
  id               INTEGER PRIMARY KEY,
  bot_token        TEXT    NOT NULL REFERENCES sandbox_bots(token),
  update_id        INTEGER NOT NULL,
  url              TEXT    NOT NULL,
  status           INTEGER,                 -- NULL when no HTTP answer came
  error            TEXT,
  response_time_ms INTEGER NOT NULL,
  time             INTEGER NOT NULL         -- ms since epoch
) STRICT;
CREATE INDEX sandbox_webhook_logs_by_bot ON sandbox_webhook_logs (bot_token, id);
`;
