// The sandbox bot's token, JWT and webhook secret were plaintext, and the
// token keyed every sandbox table. From here they are sealed by the SecretBox
// like every other secret; a bot API call finds its bot by the token's
// SHA-256, and the tables are keyed by the bot's public id.
//
// SQL can neither hash nor seal: the old values wait in sandbox_bot_plaintext
// until the sandbox seals them at its next start (SandboxStore), and only
// until then do token_sha256, token and jwt stay NULL. migrate() runs with
// secure_delete on, so the dropped tables leave no plaintext in free pages.
export const sql = `
CREATE TABLE sandbox_bots_new (
  bot_id           INTEGER PRIMARY KEY,
  token_sha256     TEXT    UNIQUE,          -- hex; how /bot<token>/ finds its bot
  token            BLOB,                    -- sealed
  username         TEXT    NOT NULL,
  first_name       TEXT    NOT NULL,
  app_id           TEXT    NOT NULL,
  jwt              BLOB,                    -- sealed
  webhook_url      TEXT    NOT NULL DEFAULT '',
  webhook_dialect  TEXT,                    -- 'solafon' | 'telegram': the shape deliveries take
  secret_token     BLOB,                    -- sealed; NULL: no secret set
  max_connections  INTEGER,
  allowed_updates  TEXT,                    -- JSON array
  last_error_date  INTEGER,
  last_error_message TEXT,
  next_update_id   INTEGER NOT NULL,
  next_message_id  INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE sandbox_bot_plaintext (
  bot_id        INTEGER PRIMARY KEY REFERENCES sandbox_bots_new(bot_id),
  token         TEXT    NOT NULL,
  jwt           TEXT    NOT NULL,
  secret_token  TEXT
) STRICT;

INSERT INTO sandbox_bots_new (bot_id, username, first_name, app_id, webhook_url, webhook_dialect,
    max_connections, allowed_updates, last_error_date, last_error_message, next_update_id, next_message_id)
  SELECT bot_id, username, first_name, app_id, webhook_url, webhook_dialect,
    max_connections, allowed_updates, last_error_date, last_error_message, next_update_id, next_message_id
  FROM sandbox_bots;
INSERT INTO sandbox_bot_plaintext (bot_id, token, jwt, secret_token)
  SELECT bot_id, token, jwt, secret_token FROM sandbox_bots;

CREATE TABLE sandbox_updates_new (
  bot_id          INTEGER NOT NULL REFERENCES sandbox_bots_new(bot_id),
  update_id       INTEGER NOT NULL,
  chat_id         INTEGER NOT NULL,
  message         TEXT    NOT NULL,         -- JSON of the user's message, dialect-neutral
  created_at      INTEGER NOT NULL,
  delivered_at    INTEGER,                  -- NULL while pending
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  PRIMARY KEY (bot_id, update_id)
) STRICT;
INSERT INTO sandbox_updates_new
  SELECT b.bot_id, u.update_id, u.chat_id, u.message, u.created_at, u.delivered_at, u.attempts, u.next_attempt_at
  FROM sandbox_updates u JOIN sandbox_bots b ON b.token = u.bot_token;

CREATE TABLE sandbox_messages_new (
  id          INTEGER PRIMARY KEY,
  bot_id      INTEGER NOT NULL REFERENCES sandbox_bots_new(bot_id),
  chat_id     INTEGER NOT NULL,
  message_id  INTEGER NOT NULL,
  sender      TEXT    NOT NULL,             -- 'user' | 'bot'
  user_id     INTEGER,
  user_name   TEXT,
  text        TEXT    NOT NULL,
  date        INTEGER NOT NULL              -- Unix seconds
) STRICT;
INSERT INTO sandbox_messages_new
  SELECT m.id, b.bot_id, m.chat_id, m.message_id, m.sender, m.user_id, m.user_name, m.text, m.date
  FROM sandbox_messages m JOIN sandbox_bots b ON b.token = m.bot_token;

CREATE TABLE sandbox_webhook_logs_new (
  id               INTEGER PRIMARY KEY,
  bot_id           INTEGER NOT NULL REFERENCES sandbox_bots_new(bot_id),
  update_id        INTEGER NOT NULL,
  url              TEXT    NOT NULL,
  status           INTEGER,                 -- NULL when no HTTP answer came
  error            TEXT,
  response_time_ms INTEGER NOT NULL,
  time             INTEGER NOT NULL         -- ms since epoch
) STRICT;
INSERT INTO sandbox_webhook_logs_new
  SELECT l.id, b.bot_id, l.update_id, l.url, l.status, l.error, l.response_time_ms, l.time
  FROM sandbox_webhook_logs l JOIN sandbox_bots b ON b.token = l.bot_token;

DROP TABLE sandbox_webhook_logs;
DROP TABLE sandbox_messages;
DROP TABLE sandbox_updates;
DROP TABLE sandbox_bots;

-- Renaming a table also renames it in the references to it.
ALTER TABLE sandbox_bots_new RENAME TO sandbox_bots;
ALTER TABLE sandbox_updates_new RENAME TO sandbox_updates;
ALTER TABLE sandbox_messages_new RENAME TO sandbox_messages;
ALTER TABLE sandbox_webhook_logs_new RENAME TO sandbox_webhook_logs;

CREATE INDEX sandbox_updates_pending ON sandbox_updates (bot_id, chat_id, update_id) WHERE delivered_at IS NULL;
CREATE INDEX sandbox_messages_by_chat ON sandbox_messages (bot_id, chat_id, id);
CREATE INDEX sandbox_webhook_logs_by_bot ON sandbox_webhook_logs (bot_id, id);
CREATE INDEX sandbox_bots_by_app_id ON sandbox_bots (app_id);
`;
